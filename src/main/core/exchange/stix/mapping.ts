/**
 * The STIX 2.1 mapping tables: one row per mapping, each tested on its own
 * (mapping.test.ts). Export and import both read them, so a row changed here changes both
 * directions. Where OpenCTI is stricter than STIX (relationship types allowed per pair of
 * types), the OpenCTI rule wins, since a relationship it does not accept is dropped there.
 */
import { RELIABILITY_LABELS } from '../../../../shared/admiralty'
import type { TlpLevel } from '../../../../shared/contract'
import {
  RELATION_TYPES,
  RELIABILITY_GRADES,
  type PLACE_KINDS,
  type Reliability,
  type RelationType,
} from '../../../../shared/model'

// ---------------------------------------------------------------- TLP 2.0 markings

/** The TLP 2.0 property extension (OASIS); its marking definitions carry the level. */
const TLP_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d'

/** The standard TLP 2.0 marking-definition ids, the ones OpenCTI and MISP recognise. */
export const TLP_MARKINGS: Readonly<Record<TlpLevel, { id: string; name: string }>> = {
  clear: { id: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', name: 'TLP:CLEAR' },
  green: { id: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', name: 'TLP:GREEN' },
  amber: { id: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', name: 'TLP:AMBER' },
  'amber+strict': {
    id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
    name: 'TLP:AMBER+STRICT',
  },
  red: { id: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', name: 'TLP:RED' },
}

/** The marking-definition object of a TLP 2.0 level, as the bundle carries it. */
export function tlpMarkingDefinition(level: TlpLevel): Record<string, unknown> {
  const marking = TLP_MARKINGS[level]
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: marking.id,
    created: '2022-10-01T00:00:00.000Z',
    name: marking.name,
    extensions: {
      [TLP_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level },
    },
  }
}

// ---------------------------------------------------------------- grades

/**
 * Admiralty credibility → STIX confidence, from the "Admiralty Credibility" scale of the
 * STIX 2.1 appendix (the middle of each band); 6, "truth cannot be judged", has no
 * confidence and is written without one.
 */
export const CREDIBILITY_CONFIDENCE: readonly { credibility: number; confidence?: number }[] = [
  { credibility: 1, confidence: 90 },
  { credibility: 2, confidence: 70 },
  { credibility: 3, confidence: 50 },
  { credibility: 4, confidence: 30 },
  { credibility: 5, confidence: 10 },
  { credibility: 6 },
]

export function confidenceOfCredibility(credibility: number): number | undefined {
  return CREDIBILITY_CONFIDENCE.find((row) => row.credibility === credibility)?.confidence
}

/** The appendix's bands read back: 80–100 → 1, 60–79 → 2, … 0–19 → 5; none → 6. */
export function credibilityOfConfidence(confidence: number | undefined): number {
  if (confidence === undefined) return 6
  if (confidence >= 80) return 1
  if (confidence >= 60) return 2
  if (confidence >= 40) return 3
  if (confidence >= 20) return 4
  return 5
}

/** A relation's confidence on the appendix's "None / Low / Med / High" scale. */
export const RELATION_CONFIDENCE = [
  { confidence: 'low', stix: 15 },
  { confidence: 'medium', stix: 50 },
  { confidence: 'high', stix: 85 },
] as const

type RelationConfidence = (typeof RELATION_CONFIDENCE)[number]['confidence']

export function stixConfidenceOfRelation(confidence: RelationConfidence): number {
  return RELATION_CONFIDENCE.find((row) => row.confidence === confidence)!.stix
}

/** Low 1–29, Med 30–69, High 70–100; none or 0 reads as medium (not said). */
export function relationConfidenceOf(stix: number | undefined): RelationConfidence {
  if (stix === undefined || stix === 0) return 'medium'
  if (stix < 30) return 'low'
  if (stix < 70) return 'medium'
  return 'high'
}

/** OpenCTI's reliability values: the Admiralty letter and its words. */
export function openCtiReliability(grade: Reliability): string {
  return `${grade} - ${RELIABILITY_LABELS[grade]}`
}

export function reliabilityOfOpenCti(value: unknown): Reliability | undefined {
  if (typeof value !== 'string') return undefined
  const letter = value.trim().charAt(0).toUpperCase()
  return (RELIABILITY_GRADES as readonly string[]).includes(letter)
    ? (letter as Reliability)
    : undefined
}

// ---------------------------------------------------------------- entities

/** Relations that make a person an actor of the conflict rather than a bystander. */
export const ACTOR_RELATIONS: readonly RelationType[] = [
  'leads',
  'member-of',
  'opposes',
  'rival-of',
]

/** How each entity type travels. `role: 'actor'` is a person who leads or fights. */
export const ENTITY_EXPORT = [
  { type: 'group', stixType: 'threat-actor', fields: {} },
  {
    type: 'person',
    role: 'actor',
    stixType: 'threat-actor',
    fields: { resource_level: 'individual' },
  },
  { type: 'person', stixType: 'identity', fields: { identity_class: 'individual' } },
  { type: 'community', stixType: 'identity', fields: { identity_class: 'group' } },
  { type: 'place', stixType: 'location', fields: {} },
  { type: 'organization', stixType: 'identity', fields: { identity_class: 'organization' } },
] as const

/** Any other entity type (a project may define its own) travels as an identity of unknown class. */
const OTHER_ENTITY_EXPORT = {
  stixType: 'identity',
  fields: { identity_class: 'unknown' },
} as const

export function entityExportRow(
  type: string,
  isActor: boolean,
): { stixType: 'threat-actor' | 'identity' | 'location'; fields: Record<string, string> } {
  const rows = ENTITY_EXPORT.filter((row) => row.type === type)
  const row =
    rows.find((r) => 'role' in r && r.role === 'actor' && isActor) ??
    rows.find((r) => !('role' in r))
  return row ?? OTHER_ENTITY_EXPORT
}

/** What a STIX object becomes on import; null means it is not an entity Sightline keeps. */
export function entityTypeOfStix(object: {
  type: string
  resource_level?: unknown
  identity_class?: unknown
  x_opencti_type?: unknown
}): string | null {
  switch (object.type) {
    case 'threat-actor':
      return object.resource_level === 'individual' ||
        object.x_opencti_type === 'Threat-Actor-Individual'
        ? 'person'
        : 'group'
    case 'intrusion-set':
      return 'group'
    case 'location':
      return 'place'
    case 'identity':
      return IDENTITY_CLASS_TYPES[String(object.identity_class ?? 'unknown')] ?? null
    default:
      return null
  }
}

/** Identity classes read back; "system" and "unknown" have no counterpart and are skipped. */
export const IDENTITY_CLASS_TYPES: Readonly<Record<string, string>> = {
  individual: 'person',
  group: 'community',
  class: 'community',
  organization: 'organization',
}

/** A place's kind and OpenCTI's location types (x_opencti_location_type). */
export const PLACE_LOCATION_TYPES: readonly {
  placeKind: (typeof PLACE_KINDS)[number]
  openCti: string
}[] = [
  { placeKind: 'country', openCti: 'Country' },
  { placeKind: 'region', openCti: 'Region' },
  { placeKind: 'province', openCti: 'Administrative-Area' },
  { placeKind: 'district', openCti: 'Administrative-Area' },
  { placeKind: 'city', openCti: 'City' },
  { placeKind: 'other', openCti: 'Position' },
]

export function openCtiLocationType(placeKind: string | undefined): string | undefined {
  return PLACE_LOCATION_TYPES.find((row) => row.placeKind === placeKind)?.openCti
}

/** The place kind of a location: its OpenCTI type first (the first row wins), else its fields. */
export function placeKindOfLocation(
  location: Record<string, unknown>,
): (typeof PLACE_KINDS)[number] | undefined {
  const row = PLACE_LOCATION_TYPES.find((r) => r.openCti === location.x_opencti_location_type)
  if (row) return row.placeKind
  if (location.city) return 'city'
  if (location.administrative_area) return 'province'
  if (location.country) return 'country'
  if (location.region) return 'region'
  return undefined
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
let codeByCountryName: Map<string, string> | null = null

/** ISO 3166-1 alpha-2 code of a country named in English ("Afghanistan" → "AF"). */
export function countryCode(name: string): string | undefined {
  if (/^[A-Za-z]{2}$/.test(name.trim()) && regionNames.of(name.trim().toUpperCase())) {
    return name.trim().toUpperCase()
  }
  if (!codeByCountryName) {
    codeByCountryName = new Map()
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b)
        const found = regionNames.of(code)
        if (found) codeByCountryName.set(found.toLowerCase(), code)
      }
    }
  }
  return codeByCountryName.get(name.trim().toLowerCase())
}

/** The English name of an ISO 3166-1 alpha-2 code; the code itself when unknown. */
export function countryName(code: string): string {
  return (/^[A-Za-z]{2}$/.test(code) && regionNames.of(code.toUpperCase())) || code
}

// ---------------------------------------------------------------- relations

/**
 * Our relation types that have a STIX (or OpenCTI) counterpart. Every exported
 * relationship also carries our type as a label, so the import reads it back exactly.
 */
export const RELATION_EXPORT: readonly { type: RelationType; stix: string }[] = [
  { type: 'leads', stix: 'part-of' },
  { type: 'member-of', stix: 'part-of' },
  { type: 'operates-in', stix: 'located-at' },
  { type: 'allied-with', stix: 'cooperates-with' },
]

/** Relationship types OpenCTI accepts between the object types we export; related-to goes anywhere. */
export const OPENCTI_PAIRS: readonly { from: string; stix: string; to: string }[] = [
  { from: 'threat-actor', stix: 'part-of', to: 'threat-actor' },
  { from: 'threat-actor', stix: 'cooperates-with', to: 'threat-actor' },
  { from: 'threat-actor', stix: 'located-at', to: 'location' },
  { from: 'identity', stix: 'located-at', to: 'location' },
]

/** The relationship_type for one of our relations between two exported object types. */
export function stixRelationshipType(type: RelationType, fromStix: string, toStix: string): string {
  const mapped = RELATION_EXPORT.find((row) => row.type === type)?.stix
  if (!mapped) return 'related-to'
  const accepted = OPENCTI_PAIRS.some(
    (pair) => pair.stix === mapped && pair.from === fromStix && pair.to === toStix,
  )
  return accepted ? mapped : 'related-to'
}

/** STIX relationship types read back when no label names ours. */
export const RELATION_IMPORT: readonly { stix: string; type: RelationType }[] = [
  { stix: 'part-of', type: 'member-of' },
  { stix: 'located-at', type: 'operates-in' },
  { stix: 'cooperates-with', type: 'allied-with' },
  { stix: 'related-to', type: 'related-to' },
]

const OUR_RELATION_TYPES: ReadonlySet<string> = new Set(RELATION_TYPES)

export function relationTypeOfStix(
  relationshipType: string,
  labels: readonly string[],
): RelationType {
  const named = labels.find((label): label is RelationType => OUR_RELATION_TYPES.has(label))
  if (named) return named
  return RELATION_IMPORT.find((row) => row.stix === relationshipType)?.type ?? 'related-to'
}

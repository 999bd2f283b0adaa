/** The STIX mapping tables, row by row: each row exported, validated and read back. */
import { describe, expect, it } from 'vitest'
import { stixValidator } from '../../../../../test/support/stix-schemas'
import { RELIABILITY_LABELS } from '../../../../shared/admiralty'
import { TLP_LEVELS } from '../../../../shared/contract'
import {
  RELIABILITY_GRADES,
  type Entity,
  type Relation,
  type RelationType,
} from '../../../../shared/model'
import type { ExportSelection } from '../scope'
import { unsliced } from '../slices'
import { writeStixBundle } from './export'
import {
  confidenceOfCredibility,
  countryCode,
  countryName,
  CREDIBILITY_CONFIDENCE,
  ENTITY_EXPORT,
  entityTypeOfStix,
  IDENTITY_CLASS_TYPES,
  openCtiLocationType,
  openCtiReliability,
  OPENCTI_PAIRS,
  credibilityOfConfidence,
  PLACE_LOCATION_TYPES,
  placeKindOfLocation,
  RELATION_CONFIDENCE,
  RELATION_EXPORT,
  RELATION_IMPORT,
  relationConfidenceOf,
  relationTypeOfStix,
  reliabilityOfOpenCti,
  stixConfidenceOfRelation,
  stixRelationshipType,
  tlpMarkingDefinition,
  TLP_MARKINGS,
} from './mapping'

const validator = stixValidator()
const AT = '2024-03-01T10:00:00.000Z'

function entity(id: string, type: string, attributes: Entity['attributes'] = {}): Entity {
  return {
    id,
    createdAt: AT,
    updatedAt: AT,
    type,
    name: `${type} ${id}`,
    aliases: [],
    description: '',
    attributes,
  }
}

function relation(id: string, type: RelationType, from: string, to: string): Relation {
  return {
    id,
    createdAt: AT,
    updatedAt: AT,
    type,
    from,
    to,
    evidence: [],
    confidence: 'medium',
    comment: '',
  }
}

async function bundleOf(
  entities: Entity[],
  relations: Relation[] = [],
): Promise<{ objects: Record<string, unknown>[] }> {
  const selection: ExportSelection = {
    entities,
    relations,
    annotations: [],
    sources: [],
    reports: [],
    notes: [],
  }
  const { text } = await writeStixBundle(selection, 'green', unsliced)
  const bundle = JSON.parse(text) as { objects: Record<string, unknown>[] }
  expect(validator.problems(bundle)).toEqual([])
  return bundle
}

describe('TLP 2.0 markings', () => {
  it.each(TLP_LEVELS)('%s: the standard id and name, and a valid marking definition', (level) => {
    const definition = tlpMarkingDefinition(level)
    expect(definition.id).toBe(TLP_MARKINGS[level].id)
    expect(definition.name).toBe(`TLP:${level.toUpperCase()}`)
    expect(
      validator.problems({
        type: 'bundle',
        id: 'bundle--0d7a4f3c-9c1e-4c66-9d5a-000000000000',
        objects: [definition],
      }),
    ).toEqual([])
  })
})

describe('Admiralty credibility ↔ STIX confidence (appendix scale)', () => {
  it.each(CREDIBILITY_CONFIDENCE)('credibility $credibility ↔ confidence $confidence', (row) => {
    expect(confidenceOfCredibility(row.credibility)).toBe(row.confidence)
    expect(credibilityOfConfidence(row.confidence)).toBe(row.credibility)
  })

  it('reads each band of the scale', () => {
    expect([100, 80, 79, 60, 59, 40, 39, 20, 19, 0].map(credibilityOfConfidence)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ])
  })
})

describe('relation confidence ↔ STIX confidence (None/Low/Med/High)', () => {
  it.each(RELATION_CONFIDENCE)('$confidence ↔ $stix', (row) => {
    expect(stixConfidenceOfRelation(row.confidence)).toBe(row.stix)
    expect(relationConfidenceOf(row.stix)).toBe(row.confidence)
  })
})

describe('source reliability ↔ x_opencti_reliability', () => {
  it.each(RELIABILITY_GRADES)('%s', (grade) => {
    expect(openCtiReliability(grade)).toBe(`${grade} - ${RELIABILITY_LABELS[grade]}`)
    expect(reliabilityOfOpenCti(openCtiReliability(grade))).toBe(grade)
  })
})

describe('entities', () => {
  it.each(
    ENTITY_EXPORT.map(
      (row) =>
        [`${row.type}${'role' in row ? ` (${row.role})` : ''} → ${row.stixType}`, row] as const,
    ),
  )('%s', async (_, row) => {
    const subject = entity('e1', row.type)
    const isActor = 'role' in row
    const group = entity('g1', 'group')
    const bundle = await bundleOf(
      isActor ? [subject, group] : [subject],
      isActor ? [relation('r1', 'leads', 'e1', 'g1')] : [],
    )
    const object = bundle.objects.find((o) => o.name === subject.name)!
    expect(object.type).toBe(row.stixType)
    expect(object).toMatchObject(row.fields)
    expect(entityTypeOfStix(object as { type: string })).toBe(
      row.type === 'organization' ? 'organization' : row.type,
    )
  })

  it('an entity type of the project’s own travels as an identity of unknown class', async () => {
    const bundle = await bundleOf([entity('e1', 'militia-unit')])
    expect(bundle.objects.find((o) => o.name === 'militia-unit e1')).toMatchObject({
      type: 'identity',
      identity_class: 'unknown',
      x_sightline_type: 'militia-unit',
    })
  })

  it.each(Object.entries(IDENTITY_CLASS_TYPES))(
    'an identity of class %s is read as a %s',
    (identityClass, type) => {
      expect(entityTypeOfStix({ type: 'identity', identity_class: identityClass })).toBe(type)
    },
  )

  it('reads an intrusion set as a group and an individual threat actor as a person', () => {
    expect(entityTypeOfStix({ type: 'intrusion-set' })).toBe('group')
    expect(entityTypeOfStix({ type: 'threat-actor' })).toBe('group')
    expect(entityTypeOfStix({ type: 'threat-actor', resource_level: 'individual' })).toBe('person')
    expect(entityTypeOfStix({ type: 'identity', identity_class: 'system' })).toBeNull()
  })
})

describe('places', () => {
  it.each(PLACE_LOCATION_TYPES)('$placeKind → $openCti', async (row) => {
    expect(openCtiLocationType(row.placeKind)).toBe(row.openCti)
    const first = PLACE_LOCATION_TYPES.find((r) => r.openCti === row.openCti)!
    expect(placeKindOfLocation({ x_opencti_location_type: row.openCti })).toBe(first.placeKind)
    const bundle = await bundleOf([
      entity('p1', 'place', {
        placeKind: row.placeKind,
        country: 'Afghanistan',
        latitude: 35.3,
        longitude: 69.5,
      }),
    ])
    const location = bundle.objects.find((o) => o.type === 'location')!
    expect(location).toMatchObject({
      x_opencti_location_type: row.openCti,
      country: 'AF',
      latitude: 35.3,
      longitude: 69.5,
    })
  })

  it('names countries by their ISO 3166-1 code and back', () => {
    expect(countryCode('Afghanistan')).toBe('AF')
    expect(countryCode('pakistan')).toBe('PK')
    expect(countryCode('IR')).toBe('IR')
    expect(countryCode('Atlantis')).toBeUndefined()
    expect(countryName('AF')).toBe('Afghanistan')
  })

  it('says "unknown" region for a place with no country and no coordinates, as STIX requires one', async () => {
    const bundle = await bundleOf([entity('p1', 'place', { placeKind: 'district' })])
    expect(bundle.objects.find((o) => o.type === 'location')).toMatchObject({
      region: 'unknown',
      administrative_area: 'place p1',
    })
  })
})

describe('relations', () => {
  const ends: Record<string, [string, string]> = {
    'threat-actor→threat-actor': ['group', 'group'],
    'threat-actor→location': ['group', 'place'],
    'identity→location': ['community', 'place'],
  }

  it.each(OPENCTI_PAIRS)('OpenCTI accepts $stix from $from to $to', async (pair) => {
    const row = RELATION_EXPORT.find((r) => r.stix === pair.stix)!
    const [fromType, toType] = ends[`${pair.from}→${pair.to}`]!
    const bundle = await bundleOf(
      [entity('a', fromType), entity('b', toType)],
      [relation('r', row.type, 'a', 'b')],
    )
    const object = bundle.objects.find((o) => o.type === 'relationship')!
    expect(object).toMatchObject({ relationship_type: pair.stix, labels: [row.type] })
    expect(relationTypeOfStix(String(object.relationship_type), object.labels as string[])).toBe(
      row.type,
    )
  })

  it.each(RELATION_EXPORT)(
    '$type → $stix only between the types OpenCTI accepts, else related-to',
    (row) => {
      for (const from of ['threat-actor', 'identity', 'location']) {
        for (const to of ['threat-actor', 'identity', 'location']) {
          const accepted = OPENCTI_PAIRS.some(
            (p) => p.stix === row.stix && p.from === from && p.to === to,
          )
          expect(stixRelationshipType(row.type, from, to)).toBe(accepted ? row.stix : 'related-to')
        }
      }
    },
  )

  it.each(RELATION_IMPORT)('$stix with no label is read as $type', (row) => {
    expect(relationTypeOfStix(row.stix, [])).toBe(row.type)
  })

  it('sends every other relation type as related-to with a label naming it', async () => {
    for (const type of ['draws-support-from', 'rival-of', 'splinter-of', 'opposes'] as const) {
      const bundle = await bundleOf(
        [entity('a', 'group'), entity('b', 'group')],
        [relation('r', type, 'a', 'b')],
      )
      const object = bundle.objects.find((o) => o.type === 'relationship')!
      expect(object).toMatchObject({ relationship_type: 'related-to', labels: [type] })
      expect(relationTypeOfStix('related-to', [type])).toBe(type)
    }
    expect(relationTypeOfStix('targets', [])).toBe('related-to')
  })
})

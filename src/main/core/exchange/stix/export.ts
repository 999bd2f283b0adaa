/**
 * A selection of the project as one STIX 2.1 bundle, one object per line. The export is
 * made in two steps so that it can be shared between threads:
 * - `planStixBundle` works out every object's id and what refers to what (cheap: no object
 *   is built), and numbers the objects in bundle order;
 * - `stixChunk` builds and serializes one run of CHUNK_OBJECTS of them, from the plan alone.
 * Any thread holding the same selection and plan makes the same chunk, so two workers can
 * each take chunks (exchange/worker.ts) while a `StixBundleWriter` puts them in order; the
 * main process's fallback makes them one after the other, in slices.
 */
import { randomUUID } from 'node:crypto'
import type { ExchangeFile, ExportScope, TlpLevel } from '../../../../shared/contract'
import type { Annotation, Entity, Relation, Report, SourceRecord } from '../../../../shared/model'
import { fileNameSlug } from '../../../../shared/text'
import { stixIdFor } from '../ids'
import type { ExportSelection } from '../scope'
import type { Slicer } from '../slices'
import {
  ACTOR_RELATIONS,
  confidenceOfCredibility,
  countryCode,
  entityExportRow,
  openCtiLocationType,
  openCtiReliability,
  stixConfidenceOfRelation,
  stixRelationshipType,
  tlpMarkingDefinition,
  TLP_MARKINGS,
} from './mapping'

type StixObject = Record<string, unknown>

export interface StixBundleText {
  /** The bundle, unless it went to a `write` callback part by part. */
  text: string
  /** Its size as UTF-8. */
  bytes: number
  /** Objects written, by STIX type. */
  counts: Record<string, number>
  notes: string[]
}

const STIX_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

/** STIX timestamps: UTC with milliseconds, as the spec's created/modified require. */
function stixTime(iso: string): string {
  // Most of ours are in that form already (toISOString); parsing every one costs.
  return STIX_TIME.test(iso) ? iso : new Date(iso).toISOString()
}

/** `modified` may not come before `created` in STIX. */
function stixModified(updatedAt: string, created: string): string {
  const modified = stixTime(updatedAt)
  return modified < created ? created : modified
}

/** A calendar date as the first instant of that day, UTC. */
function stixDate(date: string): string {
  return `${date}T00:00:00.000Z`
}

/** STIX lists are never empty: an empty one is left out. */
function nonEmpty<T>(items: readonly T[]): T[] | undefined {
  return items.length > 0 ? [...items] : undefined
}

/** Our attributes, all of them, so that a Sightline on the other side reads them back. */
function customAttributes(entity: Entity): Record<string, unknown> | undefined {
  return Object.keys(entity.attributes).length > 0 ? { ...entity.attributes } : undefined
}

/** Objects per chunk: one JSON.stringify each (one per object costs several times more). */
const CHUNK_OBJECTS = 512

/** What every object of the bundle needs to know of the others, and their order. */
export interface StixBundlePlan {
  readonly tlp: TlpLevel
  /** The publishers' objects are stamped with the moment of the export. */
  readonly exportedAt: string
  /** Every object refers to the one marking; one array serves them all. */
  readonly markingRefs: readonly string[]
  readonly actors: ReadonlySet<string>
  readonly leaders: ReadonlySet<string>
  readonly stixIdOfEntity: ReadonlyMap<string, string>
  readonly entities: readonly Entity[]
  readonly publishers: readonly { name: string; grade: SourceRecord['reliability'] }[]
  /** The relations whose two ends are exported, with their STIX ids. */
  readonly relations: readonly Relation[]
  readonly relationIds: readonly string[]
  readonly relationIdsByQuote: ReadonlyMap<string, readonly string[]>
  /** The quotes whose source is exported, and that source. */
  readonly annotations: readonly Annotation[]
  readonly annotationSources: readonly SourceRecord[]
  /** The sources holding at least one of them, with their indexes in `annotations`. */
  readonly sources: readonly { source: SourceRecord; notes: readonly number[] }[]
  /** The Sightline reports showing something exported, with their refs. */
  readonly reports: readonly { report: Report; refs: string[] }[]
  /** Objects in the bundle, the marking definition included. */
  readonly objectCount: number
  readonly chunkCount: number
  /** Said in the export's summary. */
  readonly notes: readonly string[]
}

/** A run of the bundle's objects as JSON, without brackets ("{…},{…}"). */
export interface StixChunk {
  index: number
  json: string
  /** Its size as UTF-8. */
  bytes: number
  /** Its objects by STIX type. */
  counts: Record<string, number>
}

/** What STIX wants of a place: a country, a region or coordinates, as far as we know them. */
function placeGeography(entity: Entity): {
  country: string | undefined
  region: string | undefined
  latitude: number | undefined
  longitude: number | undefined
  hasPoint: boolean
} {
  const attributes = entity.attributes
  const kind = attributes.placeKind
  const country =
    typeof attributes.country === 'string'
      ? countryCode(attributes.country)
      : kind === 'country'
        ? countryCode(entity.name)
        : undefined
  const latitude = typeof attributes.latitude === 'number' ? attributes.latitude : undefined
  const longitude = typeof attributes.longitude === 'number' ? attributes.longitude : undefined
  const hasPoint =
    latitude !== undefined &&
    longitude !== undefined &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180
  const region = kind === 'region' ? entity.name : undefined
  return { country, region, latitude, longitude, hasPoint }
}

/**
 * Works out the bundle: which records go, their ids and refs, its notes. Yields between
 * records through `slicer` (the main process's fallback); builds no STIX object.
 */
export async function planStixBundle(
  selection: ExportSelection,
  tlp: TlpLevel,
  slicer: Slicer,
  exportedAt: string,
): Promise<StixBundlePlan> {
  const notes = [...selection.notes]
  const actors = new Set<string>()
  const leaders = new Set<string>()
  for (const relation of selection.relations) {
    if (ACTOR_RELATIONS.includes(relation.type)) actors.add(relation.from)
    if (relation.type === 'leads') leaders.add(relation.from)
  }
  const stixIdOfEntity = new Map<string, string>()
  const placesWithoutGeography: string[] = []
  for (const entity of selection.entities) {
    const row = entityExportRow(entity.type, actors.has(entity.id))
    stixIdOfEntity.set(entity.id, stixIdFor(row.stixType, 'entity', entity.id))
    if (row.stixType === 'location') {
      const place = placeGeography(entity)
      if (!place.country && !place.hasPoint && !place.region) {
        placesWithoutGeography.push(entity.name)
      }
    }
    const pause = slicer.tick()
    if (pause) await pause
  }

  const publisherGrades = new Map<string, SourceRecord['reliability']>()
  for (const source of selection.sources) {
    if (source.publisher && !publisherGrades.has(source.publisher)) {
      publisherGrades.set(source.publisher, source.reliability)
    }
  }
  const publishers = [...publisherGrades].map(([name, grade]) => ({ name, grade }))

  const relations: Relation[] = []
  const relationIds: string[] = []
  const relationIdsByQuote = new Map<string, string[]>()
  for (const relation of selection.relations) {
    if (!stixIdOfEntity.has(relation.from) || !stixIdOfEntity.has(relation.to)) continue
    const id = stixIdFor('relationship', 'relation', relation.id)
    relations.push(relation)
    relationIds.push(id)
    for (const quoteId of relation.evidence) {
      const list = relationIdsByQuote.get(quoteId)
      if (list) list.push(id)
      else relationIdsByQuote.set(quoteId, [id])
    }
    const pause = slicer.tick()
    if (pause) await pause
  }

  // Only which quotes go, and which source holds which: their notes' ids and refs are
  // made with the notes, by whichever thread builds them.
  const sourceById = new Map(selection.sources.map((s) => [s.id, s]))
  const annotations: Annotation[] = []
  const annotationSources: SourceRecord[] = []
  const notesBySource = new Map<string, number[]>()
  for (const annotation of selection.annotations) {
    const source = sourceById.get(annotation.sourceId)
    if (!source) continue
    const held = notesBySource.get(source.id)
    if (held) held.push(annotations.length)
    else notesBySource.set(source.id, [annotations.length])
    annotations.push(annotation)
    annotationSources.push(source)
    const pause = slicer.tick()
    if (pause) await pause
  }

  // A source's report holds its notes, so a source without one is left out.
  const sources: { source: SourceRecord; notes: readonly number[] }[] = []
  for (const source of selection.sources) {
    const held = notesBySource.get(source.id)
    if (held) sources.push({ source, notes: held })
  }
  const sourcesLeftOut = selection.sources.length - sources.length
  if (sourcesLeftOut > 0) {
    notes.push(
      `${sourcesLeftOut} source${sourcesLeftOut === 1 ? ' has' : 's have'} no quote in this export and ${sourcesLeftOut === 1 ? 'was' : 'were'} left out (a STIX report must contain something).`,
    )
  }

  const reports: { report: Report; refs: string[] }[] = []
  const exportedQuotes =
    selection.reports.length > 0 ? new Set(annotations.map((a) => a.id)) : new Set<string>()
  for (const { report, entityIds, quoteIds } of selection.reports) {
    const refs: string[] = []
    for (const id of quoteIds) {
      if (exportedQuotes.has(id)) refs.push(noteIdOf(id))
    }
    for (const id of entityIds) {
      const stixId = stixIdOfEntity.get(id)
      if (stixId) refs.push(stixId)
    }
    if (refs.length === 0) {
      notes.push(`The report “${report.title}” shows nothing exported here and was left out.`)
      continue
    }
    reports.push({ report, refs })
  }

  if (placesWithoutGeography.length > 0) {
    const names = placesWithoutGeography
    notes.push(
      `${names.length} place${names.length === 1 ? '' : 's'} without a known country or coordinates went out with region "unknown": ${names.slice(0, 5).join(', ')}${names.length > 5 ? '…' : ''}.`,
    )
  }

  const objectCount =
    1 +
    publishers.length +
    selection.entities.length +
    relations.length +
    annotations.length +
    sources.length +
    reports.length
  return {
    tlp,
    exportedAt,
    markingRefs: [TLP_MARKINGS[tlp].id],
    actors,
    leaders,
    stixIdOfEntity,
    entities: selection.entities,
    publishers,
    relations,
    relationIds,
    relationIdsByQuote,
    annotations,
    annotationSources,
    sources,
    reports,
    objectCount,
    // The first chunk also holds the marking definition.
    chunkCount: Math.max(1, Math.ceil((objectCount - 1) / CHUNK_OBJECTS)),
    notes,
  }
}

/*
 * The objects. Each is one object literal with the same keys in the same order for every
 * object of its kind (undefined ones are left out by JSON.stringify), so that V8 makes them
 * all at once on one shape: spreads or Object.assign cost several times more.
 */

function entityObject(plan: StixBundlePlan, entity: Entity): StixObject {
  const row = entityExportRow(entity.type, plan.actors.has(entity.id))
  const id = plan.stixIdOfEntity.get(entity.id)!
  const created = stixTime(entity.createdAt)
  const modified = stixModified(entity.updatedAt, created)
  const description = entity.description || undefined
  const attributes = entity.attributes
  if (row.stixType === 'threat-actor') {
    const aliases = [...entity.aliases]
    if (attributes.acronym && !aliases.includes(attributes.acronym))
      aliases.push(attributes.acronym)
    const labels = [
      attributes.status ? `status:${attributes.status}` : undefined,
      attributes.phase ? `phase:${attributes.phase}` : undefined,
    ].filter((label): label is string => label !== undefined)
    return {
      type: 'threat-actor',
      spec_version: '2.1',
      id,
      created,
      modified,
      object_marking_refs: plan.markingRefs,
      name: entity.name,
      description,
      aliases: nonEmpty(aliases),
      first_seen: attributes.firstSeen ? stixDate(attributes.firstSeen) : undefined,
      labels: nonEmpty(labels),
      resource_level: row.fields.resource_level,
      roles: plan.leaders.has(entity.id) ? ['director'] : undefined,
      x_sightline_type: entity.type,
      x_sightline_attributes: customAttributes(entity),
    }
  }
  if (row.stixType === 'location') {
    const kind = attributes.placeKind
    const { country, latitude, longitude, hasPoint, region } = placeGeography(entity)
    return {
      type: 'location',
      spec_version: '2.1',
      id,
      created,
      modified,
      object_marking_refs: plan.markingRefs,
      name: entity.name,
      description,
      country,
      // STIX wants a region, a country or coordinates on every location.
      region: !country && !hasPoint && !region ? 'unknown' : region,
      administrative_area: kind === 'province' || kind === 'district' ? entity.name : undefined,
      city: kind === 'city' ? entity.name : undefined,
      latitude: hasPoint ? latitude : undefined,
      longitude: hasPoint ? longitude : undefined,
      x_opencti_location_type: openCtiLocationType(kind) ?? (hasPoint ? 'Position' : undefined),
      x_opencti_aliases: nonEmpty(entity.aliases),
      x_sightline_type: entity.type,
      x_sightline_attributes: customAttributes(entity),
    }
  }
  return {
    type: 'identity',
    spec_version: '2.1',
    id,
    created,
    modified,
    object_marking_refs: plan.markingRefs,
    name: entity.name,
    description,
    identity_class: row.fields.identity_class,
    roles: typeof attributes.role === 'string' && attributes.role ? [attributes.role] : undefined,
    x_opencti_aliases: nonEmpty(entity.aliases),
    x_sightline_type: entity.type,
    x_sightline_attributes: customAttributes(entity),
  }
}

function relationObject(plan: StixBundlePlan, index: number): StixObject {
  const relation = plan.relations[index]!
  const source = plan.stixIdOfEntity.get(relation.from)!
  const target = plan.stixIdOfEntity.get(relation.to)!
  const fromType = source.slice(0, source.indexOf('--'))
  const toType = target.slice(0, target.indexOf('--'))
  const created = stixTime(relation.createdAt)
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: plan.relationIds[index],
    created,
    modified: stixModified(relation.updatedAt, created),
    object_marking_refs: plan.markingRefs,
    relationship_type: stixRelationshipType(relation.type, fromType, toType),
    source_ref: source,
    target_ref: target,
    description: relation.comment || undefined,
    start_time: relation.validFrom ? stixDate(relation.validFrom) : undefined,
    stop_time: relation.validTo ? stixDate(relation.validTo) : undefined,
    confidence: stixConfidenceOfRelation(relation.confidence),
    // Our type, whatever STIX type it travels as: OpenCTI shows it, Sightline reads it back.
    labels: [relation.type],
  }
}

function publisherObject(plan: StixBundlePlan, index: number): StixObject {
  const { name, grade } = plan.publishers[index]!
  const at = stixTime(plan.exportedAt)
  return {
    type: 'identity',
    spec_version: '2.1',
    id: stixIdFor('identity', 'publisher', name),
    created: at,
    modified: at,
    object_marking_refs: plan.markingRefs,
    name,
    identity_class: 'organization',
    x_opencti_reliability: openCtiReliability(grade),
  }
}

function noteIdOf(annotationId: string): string {
  return stixIdFor('note', 'annotation', annotationId)
}

/** A note's refs: its entities, the relations it supports, its source's report (last). */
function noteRefsOf(plan: StixBundlePlan, index: number): string[] {
  const annotation = plan.annotations[index]!
  const refs: string[] = []
  for (const id of annotation.entityIds) {
    const ref = plan.stixIdOfEntity.get(id)
    if (ref !== undefined) refs.push(ref)
  }
  const supported = plan.relationIdsByQuote.get(annotation.id)
  if (supported) for (const ref of supported) refs.push(ref)
  refs.push(stixIdFor('report', 'source', plan.annotationSources[index]!.id))
  return refs
}

function noteObject(plan: StixBundlePlan, index: number): StixObject {
  const annotation = plan.annotations[index]!
  const { quote, position } = annotation.target
  const created = stixTime(annotation.createdAt)
  return {
    type: 'note',
    spec_version: '2.1',
    id: noteIdOf(annotation.id),
    created,
    modified: stixModified(annotation.updatedAt, created),
    object_marking_refs: plan.markingRefs,
    content: quote.exact,
    abstract: annotation.comment || undefined,
    object_refs: noteRefsOf(plan, index),
    confidence: confidenceOfCredibility(annotation.credibility),
    labels: nonEmpty(annotation.tags),
    lang: plan.annotationSources[index]!.language,
    x_sightline_kind: annotation.kind,
    x_sightline_anchor: {
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
      state: annotation.anchor.state,
    },
  }
}

/** What a source's report holds: each of its notes and what the note refers to (but the report). */
function sourceRefsOf(plan: StixBundlePlan, notes: readonly number[]): string[] {
  const refs = new Set<string>()
  for (const index of notes) {
    refs.add(noteIdOf(plan.annotations[index]!.id))
    const noteRefs = noteRefsOf(plan, index)
    for (let i = 0; i < noteRefs.length - 1; i++) refs.add(noteRefs[i]!)
  }
  return [...refs]
}

function sourceObject(plan: StixBundlePlan, index: number): StixObject {
  const { source, notes } = plan.sources[index]!
  const published = source.publishedAt ?? source.retrievedAt
  const created = stixTime(source.createdAt)
  return {
    type: 'report',
    spec_version: '2.1',
    id: stixIdFor('report', 'source', source.id),
    created,
    modified: stixModified(source.updatedAt, created),
    object_marking_refs: plan.markingRefs,
    name: source.title,
    report_types: ['threat-report'],
    published: published ? stixDate(published) : created,
    lang: source.language,
    created_by_ref: source.publisher
      ? stixIdFor('identity', 'publisher', source.publisher)
      : undefined,
    external_references: [
      {
        source_name: source.publisher ?? 'Sightline',
        description: source.title,
        url: source.url,
        hashes: { 'SHA-256': source.contentHash },
      },
    ],
    object_refs: sourceRefsOf(plan, notes),
    x_opencti_reliability: openCtiReliability(source.reliability),
    x_sightline_kind: source.kind,
    x_sightline_author: source.author,
  }
}

function reportObject(plan: StixBundlePlan, index: number): StixObject {
  const { report, refs } = plan.reports[index]!
  const created = stixTime(report.createdAt)
  const modified = stixModified(report.updatedAt, created)
  return {
    type: 'report',
    spec_version: '2.1',
    id: stixIdFor('report', 'report', report.id),
    created,
    modified,
    object_marking_refs: plan.markingRefs,
    name: report.title,
    report_types: ['internal-report'],
    published: report.date ? stixDate(report.date) : stixTime(report.updatedAt),
    object_refs: refs,
    x_sightline_author: report.author || undefined,
    x_sightline_classification: report.classification || undefined,
  }
}

/** The bundle's objects after the marking, in order: kinds one after the other. */
function segmentsOf(
  plan: StixBundlePlan,
): readonly { length: number; build: (index: number) => StixObject }[] {
  return [
    { length: plan.publishers.length, build: (i) => publisherObject(plan, i) },
    { length: plan.entities.length, build: (i) => entityObject(plan, plan.entities[i]!) },
    { length: plan.relations.length, build: (i) => relationObject(plan, i) },
    { length: plan.annotations.length, build: (i) => noteObject(plan, i) },
    { length: plan.sources.length, build: (i) => sourceObject(plan, i) },
    { length: plan.reports.length, build: (i) => reportObject(plan, i) },
  ]
}

/** Chunk `index` of the bundle (0 ≤ index < plan.chunkCount), built and serialized. */
export function stixChunk(plan: StixBundlePlan, index: number): StixChunk {
  const objects: StixObject[] = []
  const counts: Record<string, number> = {}
  // Numbered after the marking definition, which opens the first chunk.
  const start = index * CHUNK_OBJECTS
  const end = Math.min(start + CHUNK_OBJECTS, plan.objectCount - 1)
  if (index === 0) objects.push(tlpMarkingDefinition(plan.tlp))
  let base = 0
  for (const segment of segmentsOf(plan)) {
    const from = Math.max(start, base)
    const to = Math.min(end, base + segment.length)
    for (let i = from; i < to; i++) objects.push(segment.build(i - base))
    base += segment.length
  }
  for (const object of objects) {
    const type = object.type as string
    counts[type] = (counts[type] ?? 0) + 1
  }
  const json = JSON.stringify(objects)
  return {
    index,
    json: json.slice(1, -1),
    bytes: Buffer.byteLength(json, 'utf8') - 2,
    counts,
  }
}

/** A new bundle's opening, with its own random id. */
export function stixBundleHead(): string {
  return `{"type":"bundle","id":"bundle--${randomUUID()}","objects":[\n`
}

const BUNDLE_TAIL = '\n]}\n'

/**
 * Writes a bundle from its chunks, which must come in order: the head, each chunk after a
 * comma and a newline, the tail; counts its bytes and objects as they pass.
 */
export class StixBundleWriter {
  private bytes = 0
  private chunks = 0
  private readonly counts: Record<string, number> = {}

  constructor(private readonly write: (part: string) => void) {
    this.put(stixBundleHead(), null)
  }

  add(chunk: StixChunk): void {
    if (chunk.index !== this.chunks) {
      throw new Error(`Chunk ${chunk.index} of the bundle came where ${this.chunks} belongs.`)
    }
    const first = this.chunks === 0
    this.chunks++
    for (const [type, count] of Object.entries(chunk.counts)) {
      this.counts[type] = (this.counts[type] ?? 0) + count
    }
    // After a comma and a newline unless it comes first, as a part of its own: joined to
    // the chunk, it would cost a copy of the chunk when the part is sent.
    if (!first) this.put(',\n', 2)
    this.put(chunk.json, chunk.bytes)
  }

  get written(): number {
    return this.chunks
  }

  finish(): { bytes: number; counts: Record<string, number> } {
    this.put(BUNDLE_TAIL, null)
    return { bytes: this.bytes, counts: this.counts }
  }

  /** `utf8Bytes`: the part's size when known (measuring a joined part would flatten it first). */
  private put(part: string, utf8Bytes: number | null): void {
    this.bytes += utf8Bytes ?? Buffer.byteLength(part, 'utf8')
    this.write(part)
  }
}

/**
 * Writes the selection as a bundle under one TLP marking, chunk after chunk on this thread.
 * With `write`, the bundle goes to it a part at a time as it is made and `text` is empty.
 */
export async function writeStixBundle(
  selection: ExportSelection,
  tlp: TlpLevel,
  slicer: Slicer,
  options: { exportedAt?: string; write?: (part: string) => void } = {},
): Promise<StixBundleText> {
  const plan = await planStixBundle(
    selection,
    tlp,
    slicer,
    options.exportedAt ?? new Date().toISOString(),
  )
  const parts: string[] = []
  const writer = new StixBundleWriter(options.write ?? ((part) => parts.push(part)))
  for (let index = 0; index < plan.chunkCount; index++) {
    writer.add(stixChunk(plan, index))
    slicer.progress('Writing the bundle', index + 1, plan.chunkCount)
    const pause = slicer.due()
    if (pause) await pause
  }
  const { bytes, counts } = writer.finish()
  return { text: parts.join(''), bytes, counts, notes: [...plan.notes] }
}

/** The name of the file an export of `selection` goes to: after what the scope holds. */
export function stixFileName(
  selection: ExportSelection,
  scope: ExportScope,
  projectName: string,
): string {
  const name =
    scope.kind === 'report'
      ? (selection.reports[0]?.report.title ?? 'report')
      : scope.kind === 'entities'
        ? `${projectName} selection`
        : projectName
  return `${fileNameSlug(name)}.stix.json`
}

/** The export of `selection` as a file, made on this thread. */
export async function stixExportFile(
  selection: ExportSelection,
  scope: ExportScope,
  projectName: string,
  tlp: TlpLevel,
  slicer: Slicer,
): Promise<ExchangeFile> {
  const bundle = await writeStixBundle(selection, tlp, slicer)
  return {
    fileName: stixFileName(selection, scope, projectName),
    content: bundle.text,
    bytes: bundle.bytes,
    counts: bundle.counts,
    notes: bundle.notes,
  }
}

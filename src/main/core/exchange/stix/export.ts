/**
 * A selection of the project as one STIX 2.1 bundle. Objects are built and serialized one
 * at a time in slices (see slices.ts), one object per line, so exporting a large project
 * never blocks the main process for long and costs about one JSON.stringify of the bundle.
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

/** A calendar date as the first instant of that day, UTC. */
function stixDate(date: string): string {
  return `${date}T00:00:00.000Z`
}

/** STIX lists are never empty: an empty one is left out. */
function nonEmpty<T>(items: readonly T[]): T[] | undefined {
  return items.length > 0 ? [...items] : undefined
}

/**
 * An object: the common properties, then `fields`. Built by assignment, not spread, and
 * with the same keys in the same order for every object of a kind, so that V8 keeps them
 * on its fast paths (spreads made the export several times slower).
 */
function common(
  type: string,
  id: string,
  record: { createdAt: string; updatedAt: string },
  marking: string,
  fields: StixObject,
): StixObject {
  const created = stixTime(record.createdAt)
  const modified = stixTime(record.updatedAt)
  return Object.assign(
    {
      type,
      spec_version: '2.1',
      id,
      created,
      modified: modified < created ? created : modified,
      object_marking_refs: [marking],
    },
    fields,
  )
}

/** Our attributes, all of them, so that a Sightline on the other side reads them back. */
function customAttributes(entity: Entity): Record<string, unknown> | undefined {
  return Object.keys(entity.attributes).length > 0 ? { ...entity.attributes } : undefined
}

interface ExportContext {
  marking: string
  actors: ReadonlySet<string>
  leaders: ReadonlySet<string>
  stixIdOfEntity: Map<string, string>
  notes: string[]
  placesWithoutGeography: string[]
}

function entityObject(entity: Entity, ctx: ExportContext): StixObject {
  const row = entityExportRow(entity.type, ctx.actors.has(entity.id))
  const id = ctx.stixIdOfEntity.get(entity.id)!
  const object = (fields: StixObject): StixObject =>
    common(row.stixType, id, entity, ctx.marking, fields)
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
    return object({
      name: entity.name,
      description,
      aliases: nonEmpty(aliases),
      first_seen: attributes.firstSeen ? stixDate(attributes.firstSeen) : undefined,
      labels: nonEmpty(labels),
      resource_level: row.fields.resource_level,
      roles: ctx.leaders.has(entity.id) ? ['director'] : undefined,
      x_sightline_type: entity.type,
      x_sightline_attributes: customAttributes(entity),
    })
  }
  if (row.stixType === 'location') {
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
    let region = kind === 'region' ? entity.name : undefined
    // STIX wants a region, a country or coordinates on every location.
    if (!country && !hasPoint && !region) {
      region = 'unknown'
      ctx.placesWithoutGeography.push(entity.name)
    }
    return object({
      name: entity.name,
      description,
      country,
      region,
      administrative_area: kind === 'province' || kind === 'district' ? entity.name : undefined,
      city: kind === 'city' ? entity.name : undefined,
      latitude: hasPoint ? latitude : undefined,
      longitude: hasPoint ? longitude : undefined,
      x_opencti_location_type: openCtiLocationType(kind) ?? (hasPoint ? 'Position' : undefined),
      x_opencti_aliases: nonEmpty(entity.aliases),
      x_sightline_type: entity.type,
      x_sightline_attributes: customAttributes(entity),
    })
  }
  return object({
    name: entity.name,
    description,
    identity_class: row.fields.identity_class,
    roles: typeof attributes.role === 'string' && attributes.role ? [attributes.role] : undefined,
    x_opencti_aliases: nonEmpty(entity.aliases),
    x_sightline_type: entity.type,
    x_sightline_attributes: customAttributes(entity),
  })
}

function relationObject(relation: Relation, ctx: ExportContext): StixObject | null {
  const source = ctx.stixIdOfEntity.get(relation.from)
  const target = ctx.stixIdOfEntity.get(relation.to)
  if (!source || !target) return null
  const fromType = source.slice(0, source.indexOf('--'))
  const toType = target.slice(0, target.indexOf('--'))
  return common(
    'relationship',
    stixIdFor('relationship', 'relation', relation.id),
    relation,
    ctx.marking,
    {
      relationship_type: stixRelationshipType(relation.type, fromType, toType),
      source_ref: source,
      target_ref: target,
      description: relation.comment || undefined,
      start_time: relation.validFrom ? stixDate(relation.validFrom) : undefined,
      stop_time: relation.validTo ? stixDate(relation.validTo) : undefined,
      confidence: stixConfidenceOfRelation(relation.confidence),
      // Our type, whatever STIX type it travels as: OpenCTI shows it, Sightline reads it back.
      labels: [relation.type],
    },
  )
}

function publisherObject(
  name: string,
  grade: SourceRecord['reliability'],
  marking: string,
  at: string,
): StixObject {
  return common(
    'identity',
    stixIdFor('identity', 'publisher', name),
    { createdAt: at, updatedAt: at },
    marking,
    {
      name,
      identity_class: 'organization',
      x_opencti_reliability: openCtiReliability(grade),
    },
  )
}

function sourceObject(source: SourceRecord, objectRefs: string[], marking: string): StixObject {
  const published = source.publishedAt ?? source.retrievedAt
  return common('report', stixIdFor('report', 'source', source.id), source, marking, {
    name: source.title,
    report_types: ['threat-report'],
    published: published ? stixDate(published) : stixTime(source.createdAt),
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
    object_refs: objectRefs,
    x_opencti_reliability: openCtiReliability(source.reliability),
    x_sightline_kind: source.kind,
    x_sightline_author: source.author,
  })
}

function annotationObject(
  annotation: Annotation,
  objectRefs: string[],
  language: string | undefined,
  marking: string,
): StixObject {
  const { quote, position } = annotation.target
  return common('note', stixIdFor('note', 'annotation', annotation.id), annotation, marking, {
    content: quote.exact,
    abstract: annotation.comment || undefined,
    object_refs: objectRefs,
    confidence: confidenceOfCredibility(annotation.credibility),
    labels: nonEmpty(annotation.tags),
    lang: language,
    x_sightline_kind: annotation.kind,
    x_sightline_anchor: {
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
      state: annotation.anchor.state,
    },
  })
}

function reportObject(report: Report, objectRefs: string[], marking: string): StixObject {
  return common('report', stixIdFor('report', 'report', report.id), report, marking, {
    name: report.title,
    report_types: ['internal-report'],
    published: report.date ? stixDate(report.date) : stixTime(report.updatedAt),
    object_refs: objectRefs,
    x_sightline_author: report.author || undefined,
    x_sightline_classification: report.classification || undefined,
  })
}

/**
 * Writes the selection as a bundle under one TLP marking. With `write`, the bundle goes to
 * it a part at a time as it is made (a worker streams it out) and `text` is empty.
 */
export async function writeStixBundle(
  selection: ExportSelection,
  tlp: TlpLevel,
  slicer: Slicer,
  options: { exportedAt?: string; write?: (part: string) => void } = {},
): Promise<StixBundleText> {
  const exportedAt = options.exportedAt ?? new Date().toISOString()
  const marking = TLP_MARKINGS[tlp].id
  const parts: string[] = []
  let bytes = 0
  /** `utf8Bytes`: the part's size when known (measuring a joined part would flatten it first). */
  const write = (part: string, utf8Bytes = Buffer.byteLength(part, 'utf8')): void => {
    bytes += utf8Bytes
    if (options.write) options.write(part)
    else parts.push(part)
  }
  write(`{"type":"bundle","id":"bundle--${randomUUID()}","objects":[\n`)
  let first = true
  /** Batches of objects as JSON; one JSON.stringify per object costs several times more. */
  let batch: StixObject[] = []
  const flush = (): void => {
    if (batch.length === 0) return
    const json = JSON.stringify(batch)
    // Without its brackets, after a comma and a newline (2 bytes) unless it comes first.
    write(
      `${first ? '' : ',\n'}${json.slice(1, -1)}`,
      Buffer.byteLength(json, 'utf8') - (first ? 2 : 0),
    )
    first = false
    batch = []
  }
  const counts: Record<string, number> = {}
  const total =
    selection.entities.length +
    selection.relations.length +
    selection.annotations.length +
    selection.sources.length +
    selection.reports.length
  let done = 0
  const emit = async (object: StixObject): Promise<void> => {
    batch.push(object)
    const type = object.type as string
    counts[type] = (counts[type] ?? 0) + 1
    if ((++done & 511) === 0) {
      flush()
      slicer.progress('Writing the bundle', done, total)
    }
    const pause = slicer.tick()
    if (pause) await pause
  }

  const actors = new Set<string>()
  const leaders = new Set<string>()
  for (const relation of selection.relations) {
    if (ACTOR_RELATIONS.includes(relation.type)) actors.add(relation.from)
    if (relation.type === 'leads') leaders.add(relation.from)
  }
  const stixIdOfEntity = new Map<string, string>()
  for (const entity of selection.entities) {
    const row = entityExportRow(entity.type, actors.has(entity.id))
    stixIdOfEntity.set(entity.id, stixIdFor(row.stixType, 'entity', entity.id))
    const paused = slicer.tick()
    if (paused) await paused
  }
  const ctx: ExportContext = {
    marking,
    actors,
    leaders,
    stixIdOfEntity,
    notes: [...selection.notes],
    placesWithoutGeography: [],
  }

  batch.push(tlpMarkingDefinition(tlp))
  counts['marking-definition'] = 1

  const publishers = new Map<string, SourceRecord['reliability']>()
  for (const source of selection.sources) {
    if (source.publisher && !publishers.has(source.publisher)) {
      publishers.set(source.publisher, source.reliability)
    }
  }
  for (const [name, grade] of publishers)
    await emit(publisherObject(name, grade, marking, exportedAt))

  for (const entity of selection.entities) await emit(entityObject(entity, ctx))

  const relationIdsByQuote = new Map<string, string[]>()
  for (const relation of selection.relations) {
    const object = relationObject(relation, ctx)
    if (!object) continue
    for (const quoteId of relation.evidence) {
      const list = relationIdsByQuote.get(quoteId) ?? []
      list.push(object.id as string)
      relationIdsByQuote.set(quoteId, list)
    }
    await emit(object)
  }

  const sourceById = new Map(selection.sources.map((s) => [s.id, s]))
  const reportIds = new Map<string, string>()
  const refsBySource = new Map<string, Set<string>>()
  const noteIds = new Map<string, string>()
  for (const annotation of selection.annotations) {
    const source = sourceById.get(annotation.sourceId)
    if (!source) continue
    // The note's refs: its entities, the relations it supports, its source's report.
    const objectRefs: string[] = []
    for (const id of annotation.entityIds) {
      const ref = stixIdOfEntity.get(id)
      if (ref !== undefined) objectRefs.push(ref)
    }
    for (const ref of relationIdsByQuote.get(annotation.id) ?? []) objectRefs.push(ref)
    let reportRef = reportIds.get(source.id)
    if (!reportRef) {
      reportRef = stixIdFor('report', 'source', source.id)
      reportIds.set(source.id, reportRef)
    }
    objectRefs.push(reportRef)
    const note = annotationObject(annotation, objectRefs, source.language, marking)
    noteIds.set(annotation.id, note.id as string)
    // The source's report holds the note and what it refers to (but the report itself).
    let refs = refsBySource.get(source.id)
    if (!refs) {
      refs = new Set<string>()
      refsBySource.set(source.id, refs)
    }
    refs.add(note.id as string)
    for (let i = 0; i < objectRefs.length - 1; i++) refs.add(objectRefs[i]!)
    await emit(note)
  }

  for (const source of selection.sources) {
    const refs = refsBySource.get(source.id)
    if (!refs || refs.size === 0) continue
    await emit(sourceObject(source, [...refs], marking))
  }
  const sourcesLeftOut = selection.sources.length - refsBySource.size
  if (sourcesLeftOut > 0) {
    ctx.notes.push(
      `${sourcesLeftOut} source${sourcesLeftOut === 1 ? ' has' : 's have'} no quote in this export and ${sourcesLeftOut === 1 ? 'was' : 'were'} left out (a STIX report must contain something).`,
    )
  }

  for (const { report, entityIds, quoteIds } of selection.reports) {
    const refs: string[] = []
    for (const id of quoteIds) {
      const noteId = noteIds.get(id)
      if (noteId) refs.push(noteId)
    }
    for (const id of entityIds) {
      const stixId = stixIdOfEntity.get(id)
      if (stixId) refs.push(stixId)
    }
    if (refs.length === 0) {
      ctx.notes.push(`The report “${report.title}” shows nothing exported here and was left out.`)
      continue
    }
    await emit(reportObject(report, refs, marking))
  }

  if (ctx.placesWithoutGeography.length > 0) {
    const names = ctx.placesWithoutGeography
    ctx.notes.push(
      `${names.length} place${names.length === 1 ? '' : 's'} without a known country or coordinates went out with region "unknown": ${names.slice(0, 5).join(', ')}${names.length > 5 ? '…' : ''}.`,
    )
  }
  slicer.progress('Writing the bundle', total, total)
  flush()
  write('\n]}\n')
  return { text: parts.join(''), bytes, counts, notes: ctx.notes }
}

/** The export of `selection` as a file named after what the scope holds. */
export async function stixExportFile(
  selection: ExportSelection,
  scope: ExportScope,
  projectName: string,
  tlp: TlpLevel,
  slicer: Slicer,
  /** Where the bundle goes part by part (its `content` is then empty). */
  write?: (part: string) => void,
): Promise<ExchangeFile> {
  const name =
    scope.kind === 'report'
      ? (selection.reports[0]?.report.title ?? 'report')
      : scope.kind === 'entities'
        ? `${projectName} selection`
        : projectName
  const bundle = await writeStixBundle(selection, tlp, slicer, write ? { write } : {})
  return {
    fileName: `${fileNameSlug(name)}.stix.json`,
    content: bundle.text,
    bytes: bundle.bytes,
    counts: bundle.counts,
    notes: bundle.notes,
  }
}

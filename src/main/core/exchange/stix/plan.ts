/**
 * What a STIX bundle becomes in a project: entities (created, or merged with the one that
 * has the same STIX id, name or alias), relations, sources with their quotes (the notes),
 * Sightline reports, and the bundle itself as a "dataset" source whose lines every
 * imported entity and relation quotes. Nothing is written here; the draft is applied later.
 */
import { createHash } from 'node:crypto'
import approxSearch from 'approx-string-match'
import { describeRange, reanchor } from '../../../../shared/anchoring'
import {
  ANNOTATION_KINDS,
  Annotation,
  Entity,
  EntityType,
  Relation,
  Report,
  SOURCE_KINDS,
  SourceRecord,
  type AnnotationTarget,
  type EntityAttributes,
} from '../../../../shared/model'
import { fittingAttributes } from '../attributes'
import { emptyDraft, item, type ImportDraft, type NewSource } from '../draft'
import { asRecord, dateOf, line, lines, number, text, timestampOr } from '../fields'
import { stixType, stixUuid, uuidV5 } from '../ids'
import type { ProjectIndex } from '../project-index'
import { nameKey } from '../names'
import type { Slicer } from '../slices'
import {
  countryName,
  credibilityOfConfidence,
  entityTypeOfStix,
  placeKindOfLocation,
  relationConfidenceOf,
  relationTypeOfStix,
  reliabilityOfOpenCti,
  TLP_MARKINGS,
} from './mapping'
import type { StixBundle, StixRecord } from './read'
import { compiledSchema } from '../../store/collections'

/** Longest quote of an object's own JSON; the position selector still covers its start. */
const MAX_PROVENANCE_QUOTE = 4_000
/** Longest quote a note may carry (the TextQuoteSelector's limit). */
const MAX_QUOTE = 20_000
const ENTITY_STIX_TYPES = new Set(['threat-actor', 'intrusion-set', 'identity', 'location'])
const QUOTE_STIX_TYPES = new Set(['note', 'opinion'])

export interface StixPlanInput {
  bundle: StixBundle
  /** The bundle's normalized text: the dataset source, which spans refer to. */
  text: string
  contentHash: string
  fileName: string
  index: ProjectIndex
  /** Reads the text of a source already in the project (notes anchor on it). */
  readSourceText: (contentHash: string) => Promise<string>
  now: string
  slicer: Slicer
}

type StixObject = StixRecord['object']

/** Where an object of the bundle went: the record it became or merged with, or why not. */
type Resolution = { id: string; label: string } | { skipped: string }

interface QuotePlan {
  record: StixRecord
  exact: string
  comment: string
  kind: Annotation['kind']
  credibility: number
  tags: string[]
  entityIds: string[]
  relationIds: string[]
  anchor?: { prefix: string; suffix: string; start: number; end: number }
}

interface SourcePlan {
  source: NewSource['record'] | null
  existing: SourceRecord | null
  quotes: QuotePlan[]
  /** Text for a source that no note quotes: its description, or its name. */
  fallbackText: string
}

function label(object: StixObject): string {
  return line(object.name) ?? line(object.content, 120) ?? object.id
}

/** Labels of relations' ends: an actor is the end of many relations, its label made once. */
const endLabels = new WeakMap<StixObject, string>()

function endLabel(ref: string, byId: ReadonlyMap<string, StixRecord>): string {
  const object = byId.get(ref)?.object
  if (!object) return ref
  let made = endLabels.get(object)
  if (made === undefined) {
    made = label(object)
    endLabels.set(object, made)
  }
  return made
}

export async function planStixImport(input: StixPlanInput): Promise<ImportDraft> {
  const { bundle, slicer } = input
  const draft = emptyDraft()
  // Every loop over the whole bundle yields now and then: a bundle holds tens of thousands.
  // Only then is there a promise to await: awaiting one per object cost more than the
  // object's own work.
  const pause = (): Promise<void> | undefined => slicer.tick()
  const { byId } = bundle
  const resolved = new Map<string, Resolution>()
  const total = bundle.objects.length
  let done = 0
  const step = (): Promise<void> | undefined => {
    if ((++done & 511) === 0) slicer.progress('Planning the import', done, total)
    return slicer.tick()
  }

  // Identities that only ever author other objects are publishers, not subjects. Only
  // references to identities are kept: a bundle's notes and reports hold hundreds of
  // thousands of others.
  const referenced = new Set<string>()
  const refer = (ref: unknown): void => {
    if (typeof ref === 'string' && ref.startsWith('identity--')) referenced.add(ref)
  }
  const authors = new Map<string, number>()
  const markings = new Set<string>()
  for (const { object } of bundle.objects) {
    refer(object.source_ref)
    refer(object.target_ref)
    if (Array.isArray(object.object_refs)) for (const ref of object.object_refs) refer(ref)
    if (typeof object.created_by_ref === 'string') {
      authors.set(object.created_by_ref, (authors.get(object.created_by_ref) ?? 0) + 1)
    }
    for (const ref of refsOf(object.object_marking_refs)) markings.add(ref)
    const paused = pause()
    if (paused) await paused
  }

  // ---- entities
  const provenance: { record: StixRecord; entityIds: string[]; relationId?: string }[] = []
  for (const record of bundle.objects) {
    const { object } = record
    if (!ENTITY_STIX_TYPES.has(object.type)) continue
    const paused = step()
    if (paused) await paused
    if (object.type === 'identity' && authors.has(object.id) && !referenced.has(object.id)) {
      resolved.set(object.id, { skipped: 'it is the author of other objects' })
      draft.items.push(
        item('skip', 'entity', object.id, label(object), {
          detail: 'identity',
          reason: `author of ${authors.get(object.id)} object(s): kept as the publisher of their sources`,
        }),
      )
      continue
    }
    const outcome = planEntity(record, input, draft)
    resolved.set(object.id, outcome)
    if ('id' in outcome) provenance.push({ record, entityIds: [outcome.id] })
  }

  // ---- relations
  for (const record of bundle.objects) {
    const { object } = record
    if (object.type !== 'relationship') continue
    const paused = step()
    if (paused) await paused
    const outcome = planRelation(record, input, draft, resolved, byId)
    resolved.set(object.id, outcome)
    if ('id' in outcome) {
      const relation = input.index.relationById(outcome.id)
      provenance.push({
        record,
        entityIds: relation ? [relation.from, relation.to] : [],
        relationId: outcome.id,
      })
    }
  }

  // ---- sources (STIX reports) and the quotes (notes, opinions) anchored on them
  const sources = new Map<string, SourcePlan>()
  const internalReports: StixRecord[] = []
  for (const record of bundle.objects) {
    const { object } = record
    if (object.type !== 'report') continue
    const paused = step()
    if (paused) await paused
    if (lines(object.report_types).includes('internal-report')) {
      internalReports.push(record)
      continue
    }
    sources.set(object.id, planSource(record, input, draft, byId))
  }
  const looseQuotes: QuotePlan[] = []
  for (const record of bundle.objects) {
    if (!QUOTE_STIX_TYPES.has(record.object.type)) continue
    const paused = step()
    if (paused) await paused
    const quote = planQuote(record, draft, resolved)
    if (!quote) continue
    const sourceRef = refsOf(record.object.object_refs).find((ref) => sources.has(ref))
    if (sourceRef) sources.get(sourceRef)!.quotes.push(quote)
    else looseQuotes.push(quote)
  }
  if (looseQuotes.length > 0) {
    const title = `Notes from ${input.fileName}`.slice(0, 500)
    sources.set('', {
      source: newSourceRecord(
        `source--${uuidV5(`notes:${input.contentHash}`)}`,
        { title, kind: 'other', reliability: 'F' },
        input,
      ),
      existing: null,
      quotes: looseQuotes,
      fallbackText: '',
    })
  }
  for (const plan of sources.values()) {
    const paused = slicer.tick()
    if (paused) await paused
    await placeQuotes(plan, input, draft, resolved)
  }

  // ---- Sightline reports
  for (const record of internalReports) {
    planInternalReport(record, input, draft, resolved)
  }

  // ---- the bundle itself, quoted by everything imported from it
  await planDataset(provenance, input, draft)

  // ---- what was not read at all
  for (const { object } of bundle.objects) {
    const paused = pause()
    if (paused) await paused
    if (
      ENTITY_STIX_TYPES.has(object.type) ||
      QUOTE_STIX_TYPES.has(object.type) ||
      object.type === 'relationship' ||
      object.type === 'report' ||
      object.type === 'marking-definition'
    ) {
      continue
    }
    draft.skippedTypes.set(object.type, (draft.skippedTypes.get(object.type) ?? 0) + 1)
  }
  const tlp = Object.values(TLP_MARKINGS).filter((m) => markings.has(m.id))
  if (tlp.length > 0) {
    draft.notes.push(
      `The bundle is marked ${tlp.map((m) => m.name).join(', ')}: share what you import under the same terms.`,
    )
  }
  if (bundle.olderVersions > 0) {
    draft.notes.push(
      `${bundle.olderVersions} object(s) came in more than one version; the most recently modified was read.`,
    )
  }
  slicer.progress('Planning the import', total, total)
  return draft
}

function refsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

// ---------------------------------------------------------------- entities

function entityTypeOf(object: StixObject): string | null {
  const declared = object.x_sightline_type
  if (typeof declared === 'string' && EntityType.safeParse(declared).success) return declared
  return entityTypeOfStix(object)
}

function entityAttributes(object: StixObject, type: string): Partial<EntityAttributes> {
  const candidate: Record<string, unknown> = { ...asRecord(object.x_sightline_attributes) }
  if (type === 'group') {
    candidate.firstSeen ??= dateOf(object.first_seen)
    for (const labelText of lines(object.labels, 64)) {
      const [key, value] = labelText.split(':', 2)
      if ((key === 'status' || key === 'phase') && value) candidate[key] ??= value
    }
  }
  if (type === 'person' && object.type === 'identity')
    candidate.role ??= lines(object.roles, 500)[0]
  if (type === 'place') {
    candidate.placeKind ??= placeKindOfLocation(object)
    if (typeof object.country === 'string') candidate.country ??= countryName(object.country)
    const latitude = number(object.latitude)
    const longitude = number(object.longitude)
    if (latitude !== undefined && longitude !== undefined) {
      candidate.latitude ??= latitude
      candidate.longitude ??= longitude
    }
  }
  return fittingAttributes(type, candidate)
}

function entityName(object: StixObject): string | undefined {
  return (
    line(object.name) ??
    line(object.city) ??
    line(object.administrative_area) ??
    (typeof object.country === 'string' ? countryName(object.country) : undefined) ??
    line(object.region)
  )
}

function planEntity(record: StixRecord, input: StixPlanInput, draft: ImportDraft): Resolution {
  const { object } = record
  const { index, now } = input
  const type = entityTypeOf(object)
  const name = entityName(object)
  if (!type) {
    const reason = `an identity of class “${String(object.identity_class ?? 'unknown')}” has no Sightline type`
    draft.items.push(
      item('skip', 'entity', object.id, name ?? object.id, { detail: object.type, reason }),
    )
    return { skipped: reason }
  }
  if (!name) {
    const reason = 'it has no name'
    draft.items.push(item('skip', 'entity', object.id, object.id, { detail: type, reason }))
    return { skipped: reason }
  }
  const aliases = [...lines(object.aliases), ...lines(object.x_opencti_aliases)].filter(
    (alias, i, all) => nameKey(alias) !== nameKey(name) && all.indexOf(alias) === i,
  )
  const description = text(object.description) ?? ''
  const attributes = entityAttributes(object, type)

  const uuid = stixUuid(object.id)!
  const sameId = index.entityByUuid(uuid)
  const matches = sameId
    ? [sameId]
    : distinct([name, ...aliases].flatMap((n) => index.entitiesNamed(type, n)))
  if (matches.length > 1) {
    const reason = `it matches ${matches.length} entities (${matches
      .slice(0, 3)
      .map((e) => `“${e.name}”`)
      .join(', ')}); merge those first`
    draft.items.push(item('skip', 'entity', object.id, name, { detail: type, reason }))
    return { skipped: reason }
  }
  const existing = matches[0]
  if (existing) {
    const known = new Set([existing.name, ...existing.aliases].map(nameKey))
    const newAliases = [name, ...aliases].filter((n) => !known.has(nameKey(n)))
    const newAttributes = fittingAttributes(
      existing.type,
      Object.fromEntries(
        Object.entries(attributes).filter(([key]) => !(key in existing.attributes)),
      ),
    )
    const previous = draft.entityAdditions.get(existing.id)
    draft.entityAdditions.set(existing.id, {
      aliases: [...(previous?.aliases ?? []), ...newAliases],
      attributes: { ...newAttributes, ...previous?.attributes },
      description:
        previous?.description ?? (existing.description ? undefined : description || undefined),
    })
    index.addNames(existing, newAliases)
    const why = sameId
      ? 'the same STIX id'
      : nameKey(existing.name) === nameKey(name)
        ? 'the same name'
        : `a shared name (“${name}”)`
    draft.items.push(
      item('merge', 'entity', object.id, name, {
        detail: existing.type,
        reason: `${why}${newAliases.length || Object.keys(newAttributes).length ? '; adds what it lacks' : ''}`,
        target: { id: existing.id, label: existing.name },
      }),
    )
    return { id: existing.id, label: existing.name }
  }
  const parsed = compiledSchema(Entity).safeParse({
    id: index.ids.has(object.id) ? `${object.type}--${uuidV5(`import:${object.id}`)}` : object.id,
    createdAt: timestampOr(object.created, now),
    updatedAt: timestampOr(object.modified, now),
    type,
    name,
    aliases: aliases.slice(0, 100),
    description,
    attributes,
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const reason = `${issue.path.join('.') || 'it'}: ${issue.message}`
    draft.items.push(item('skip', 'entity', object.id, name, { detail: type, reason }))
    return { skipped: reason }
  }
  const entity = parsed.data
  draft.entities.push(entity)
  index.addEntity(entity)
  draft.items.push(item('create', 'entity', object.id, name, { detail: type }))
  return { id: entity.id, label: entity.name }
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)]
}

// ---------------------------------------------------------------- relations

function planRelation(
  record: StixRecord,
  input: StixPlanInput,
  draft: ImportDraft,
  resolved: Map<string, Resolution>,
  byId: ReadonlyMap<string, StixRecord>,
): Resolution {
  const { object } = record
  const { index, now } = input
  const ends = (['source_ref', 'target_ref'] as const).map((key) => {
    const ref = object[key] as string
    return {
      ref,
      resolution: resolved.get(ref),
      name: endLabel(ref, byId),
    }
  })
  const [from, to] = ends
  const stixType = String(object.relationship_type ?? 'related-to')
  const type = relationTypeOfStix(stixType, lines(object.labels, 64))
  const describe = `${from!.name} ${type.replace(/-/g, ' ')} ${to!.name}`
  for (const end of ends) {
    const resolution = end.resolution
    if (!resolution || 'skipped' in resolution) {
      const why = resolution
        ? `${end.name} was not imported (${resolution.skipped})`
        : `${end.name} is a ${byId.get(end.ref)?.object.type ?? 'missing object'}, which Sightline does not keep`
      draft.items.push(item('skip', 'relation', object.id, describe, { detail: type, reason: why }))
      return { skipped: why }
    }
  }
  const fromId = (from!.resolution as { id: string }).id
  const toId = (to!.resolution as { id: string }).id
  if (fromId === toId) {
    const reason = `both ends are ${from!.name}`
    draft.items.push(item('skip', 'relation', object.id, describe, { detail: type, reason }))
    return { skipped: reason }
  }
  const validFrom = dateOf(object.start_time)
  const validTo = dateOf(object.stop_time)
  const comment = [
    type === 'related-to' && stixType !== 'related-to' ? `STIX relationship “${stixType}”.` : '',
    text(object.description) ?? '',
  ]
    .filter(Boolean)
    .join(' ')
  const existing = index.relationByUuid(stixUuid(object.id)!) ?? index.relation(type, fromId, toId)
  if (existing) {
    const previous = draft.relationAdditions.get(existing.id)
    draft.relationAdditions.set(existing.id, {
      evidence: previous?.evidence ?? [],
      validFrom: previous?.validFrom ?? validFrom,
      validTo: previous?.validTo ?? validTo,
      comment: previous?.comment ?? (comment || undefined),
    })
    draft.items.push(
      item('merge', 'relation', object.id, describe, {
        detail: type,
        reason: 'the project has this relation already',
        target: { id: existing.id, label: describe },
      }),
    )
    return { id: existing.id, label: describe }
  }
  const parsed = compiledSchema(Relation).safeParse({
    id: index.ids.has(object.id) ? `relationship--${uuidV5(`import:${object.id}`)}` : object.id,
    createdAt: timestampOr(object.created, now),
    updatedAt: timestampOr(object.modified, now),
    type,
    from: fromId,
    to: toId,
    evidence: [],
    confidence: relationConfidenceOf(number(object.confidence)),
    ...(validFrom ? { validFrom } : {}),
    ...(validTo ? { validTo } : {}),
    comment,
  })
  if (!parsed.success) {
    const reason = parsed.error.issues[0]!.message
    draft.items.push(item('skip', 'relation', object.id, describe, { detail: type, reason }))
    return { skipped: reason }
  }
  draft.relations.push(parsed.data)
  index.addRelation(parsed.data, true)
  draft.items.push(item('create', 'relation', object.id, describe, { detail: type }))
  return { id: parsed.data.id, label: describe }
}

// ---------------------------------------------------------------- sources

function newSourceRecord(
  id: string,
  fields: Partial<SourceRecord> & Pick<SourceRecord, 'title' | 'kind' | 'reliability'>,
  input: StixPlanInput,
  created?: { createdAt: string; updatedAt: string },
): SourceRecord {
  // Hash and length are set once the text is assembled (placeQuotes).
  return {
    id,
    createdAt: created?.createdAt ?? input.now,
    updatedAt: created?.updatedAt ?? input.now,
    ...fields,
    retrievedAt: input.now.slice(0, 10),
    contentHash: '0'.repeat(64),
    length: 0,
    origin: { fileName: input.fileName.slice(0, 500), format: 'stix' },
  }
}

function planSource(
  record: StixRecord,
  input: StixPlanInput,
  draft: ImportDraft,
  byId: ReadonlyMap<string, StixRecord>,
): SourcePlan {
  const { object } = record
  const { index } = input
  const references = Array.isArray(object.external_references)
    ? object.external_references.map((r) => asRecord(r)).filter((r) => r !== undefined)
    : []
  const urls = references.map((r) => line(r.url, 2_000)).filter((u): u is string => !!u)
  const hashes = references
    .map((r) => asRecord(r.hashes)?.['SHA-256'])
    .filter((h): h is string => typeof h === 'string')
  const title = line(object.name, 500) ?? 'Untitled report'
  const existing =
    index.sourceByUuid(stixUuid(object.id)!) ??
    hashes.map((h) => index.sourceByHash(h)).find(Boolean) ??
    urls.map((u) => index.sourceByUrl(u)).find(Boolean)
  if (existing) {
    draft.items.push(
      item('merge', 'source', object.id, title, {
        reason: 'the project has this source: its quotes are anchored in it',
        target: { id: existing.id, label: existing.title },
      }),
    )
    return { source: null, existing, quotes: [], fallbackText: '' }
  }
  const author =
    typeof object.created_by_ref === 'string' ? byId.get(object.created_by_ref) : undefined
  const publisher =
    (author ? line(author.object.name, 500) : undefined) ??
    references.map((r) => line(r.source_name, 500)).find((n) => n && n !== 'Sightline')
  const reliability =
    reliabilityOfOpenCti(object.x_opencti_reliability) ??
    reliabilityOfOpenCti(author?.object.x_opencti_reliability) ??
    'F'
  const kind =
    SOURCE_KINDS.find((k) => k === object.x_sightline_kind && k !== 'dataset') ?? 'report'
  const candidate: Partial<SourceRecord> = {
    url: urls.find((u) => SourceRecord.shape.url.safeParse(u).success),
    publisher,
    author: line(object.x_sightline_author, 500),
    publishedAt: dateOf(object.published),
    language: SourceRecord.shape.language.safeParse(object.lang).success
      ? (object.lang as string)
      : undefined,
  }
  const fields = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined))
  const source = newSourceRecord(
    index.ids.has(object.id) ? `report--${uuidV5(`import:${object.id}`)}` : object.id,
    { title, kind, reliability, ...fields },
    input,
    {
      createdAt: timestampOr(object.created, input.now),
      updatedAt: timestampOr(object.modified, input.now),
    },
  )
  index.ids.add(source.id)
  draft.items.push(item('create', 'source', object.id, title, { detail: kind }))
  return {
    source,
    existing: null,
    quotes: [],
    fallbackText: text(object.description) ?? title,
  }
}

// ---------------------------------------------------------------- quotes

function planQuote(
  record: StixRecord,
  draft: ImportDraft,
  resolved: Map<string, Resolution>,
): QuotePlan | null {
  const { object } = record
  const isOpinion = object.type === 'opinion'
  const opinion = line(object.opinion, 64)
  const exact = isOpinion
    ? (text(object.explanation) ?? (opinion ? `Opinion: ${opinion}` : undefined))
    : text(object.content)
  const shown = exact ?? object.id
  if (!exact) {
    draft.items.push(
      item('skip', 'quote', object.id, shown, { detail: object.type, reason: 'it has no content' }),
    )
    return null
  }
  if (exact.length > MAX_QUOTE) {
    draft.items.push(
      item('skip', 'quote', object.id, shown, {
        detail: object.type,
        reason: `it is longer than ${MAX_QUOTE.toLocaleString('en')} characters`,
      }),
    )
    return null
  }
  const entityIds: string[] = []
  const relationIds: string[] = []
  for (const ref of refsOf(object.object_refs)) {
    const resolution = resolved.get(ref)
    if (!resolution || !('id' in resolution)) continue
    const list = stixType(ref) === 'relationship' ? relationIds : entityIds
    if (!list.includes(resolution.id)) list.push(resolution.id)
  }
  const anchor = asRecord(object.x_sightline_anchor)
  const start = number(anchor?.start)
  const end = number(anchor?.end)
  const declaredKind = ANNOTATION_KINDS.find((k) => k === object.x_sightline_kind)
  return {
    record,
    exact,
    comment: isOpinion ? (opinion ? `Opinion: ${opinion}.` : '') : (text(object.abstract) ?? ''),
    kind: declaredKind ?? 'assessment',
    credibility: credibilityOfConfidence(number(object.confidence)),
    tags: [
      ...lines(object.labels, 64),
      ...(isOpinion && opinion ? [`opinion:${opinion}`] : []),
    ].slice(0, 100),
    entityIds,
    relationIds,
    ...(start !== undefined && end !== undefined && end > start
      ? {
          anchor: {
            prefix: typeof anchor?.prefix === 'string' ? anchor.prefix.slice(0, 200) : '',
            suffix: typeof anchor?.suffix === 'string' ? anchor.suffix.slice(0, 200) : '',
            start,
            end,
          },
        }
      : {}),
  }
}

/**
 * Anchors a source's quotes: in the text of a source the project has (our anchoring, so
 * a quote whose words moved or changed waits in the review queue), or in a new source
 * made of the quotes themselves, one paragraph each, in their original order.
 */
async function placeQuotes(
  plan: SourcePlan,
  input: StixPlanInput,
  draft: ImportDraft,
  resolved: Map<string, Resolution>,
): Promise<void> {
  const { index, now } = input
  let sourceText: string
  let sourceId: string
  const targets = new Map<QuotePlan, { target: AnnotationTarget; state: Annotation['anchor'] }>()
  if (plan.existing) {
    sourceId = plan.existing.id
    sourceText = await input.readSourceText(plan.existing.contentHash)
    for (const quote of plan.quotes) {
      const stated: AnnotationTarget = {
        quote: {
          type: 'TextQuoteSelector',
          exact: quote.exact,
          prefix: quote.anchor?.prefix ?? '',
          suffix: quote.anchor?.suffix ?? '',
        },
        position: {
          type: 'TextPositionSelector',
          start: quote.anchor?.start ?? 0,
          end: quote.anchor?.end ?? quote.exact.length,
        },
      }
      const found = reanchor(sourceText, stated, { fuzzy: approxSearch })
      targets.set(quote, { target: found.target, state: found.anchor })
      const paused = input.slicer.tick()
      if (paused) await paused
    }
  } else {
    const source = plan.source!
    sourceId = source.id
    const ordered = plan.quotes.every((q) => q.anchor)
      ? [...plan.quotes].sort((a, b) => a.anchor!.start - b.anchor!.start)
      : plan.quotes
    const parts: string[] = []
    let offset = 0
    for (const quote of ordered) {
      if (parts.length > 0) offset += 2
      targets.set(quote, {
        target: {
          quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: '', suffix: '' },
          position: {
            type: 'TextPositionSelector',
            start: offset,
            end: offset + quote.exact.length,
          },
        },
        state: { state: 'exact' },
      })
      parts.push(quote.exact)
      offset += quote.exact.length
    }
    sourceText = parts.length > 0 ? parts.join('\n\n') : plan.fallbackText
    for (const [quote, placed] of targets) {
      targets.set(quote, {
        target: describeRange(sourceText, placed.target.position.start, placed.target.position.end),
        state: placed.state,
      })
    }
    const { contentHash, length } = hashText(sourceText)
    const record = compiledSchema(SourceRecord).parse({ ...source, contentHash, length })
    draft.sources.push({ record, text: sourceText })
    index.addSource(record)
  }

  for (const quote of plan.quotes) {
    const { object } = quote.record
    const placed = targets.get(quote)!
    const uuid = stixUuid(object.id)!
    // A new source's quotes each have a place of their own: only an existing source may
    // hold one of them already.
    const existingId =
      index.annotationIdByUuid(uuid) ??
      (plan.existing ? sameQuoteIn(index, sourceId, placed.target) : undefined)
    if (existingId) {
      const previous = draft.annotationAdditions.get(existingId)
      draft.annotationAdditions.set(existingId, {
        entityIds: [...(previous?.entityIds ?? []), ...quote.entityIds],
        tags: [...(previous?.tags ?? []), ...quote.tags],
      })
      for (const relationId of quote.relationIds) addEvidence(draft, index, relationId, existingId)
      resolved.set(object.id, { id: existingId, label: quote.exact })
      draft.items.push(
        item('merge', 'quote', object.id, quote.exact, {
          detail: object.type,
          reason: 'the project has this quote already',
          target: { id: existingId, label: quote.exact },
        }),
      )
      continue
    }
    const parsed = compiledSchema(Annotation).safeParse({
      id: index.ids.has(object.id) ? `note--${uuidV5(`import:${object.id}`)}` : object.id,
      createdAt: timestampOr(object.created, now),
      updatedAt: timestampOr(object.modified, now),
      sourceId,
      target: placed.target,
      comment: quote.comment,
      kind: quote.kind,
      credibility: quote.credibility,
      entityIds: quote.entityIds.slice(0, 500),
      tags: quote.tags,
      anchor: placed.state,
    })
    if (!parsed.success) {
      draft.items.push(
        item('skip', 'quote', object.id, quote.exact, {
          detail: object.type,
          reason: parsed.error.issues[0]!.message,
        }),
      )
      continue
    }
    draft.annotations.push(parsed.data)
    if (plan.existing) index.addAnnotationId(parsed.data.id, uuid, sourceId, placed.target)
    else index.addAnnotationUuid(parsed.data.id, uuid)
    for (const relationId of quote.relationIds)
      addEvidence(draft, index, relationId, parsed.data.id)
    resolved.set(object.id, { id: parsed.data.id, label: quote.exact })
    const state = placed.state.state
    draft.items.push(
      item('create', 'quote', object.id, quote.exact, {
        detail: object.type,
        ...(state === 'fuzzy' || state === 'orphaned'
          ? {
              reason: `its words ${state === 'fuzzy' ? 'changed' : 'were not found'} in “${plan.existing?.title ?? ''}”: it waits in the review queue`,
            }
          : {}),
      }),
    )
  }
}

function sameQuoteIn(
  index: ProjectIndex,
  sourceId: string,
  target: AnnotationTarget,
): string | undefined {
  return index.annotationAt(sourceId, target.position.start, target.quote.exact)
}

/** Adds a quote to a relation's evidence, whether the relation is new or already there. */
function addEvidence(
  draft: ImportDraft,
  index: ProjectIndex,
  relationId: string,
  annotationId: string,
): void {
  const relation = index.relationById(relationId)
  if (!relation) return
  if (index.isNew(relation.id)) {
    if (!relation.evidence.includes(annotationId)) relation.evidence.push(annotationId)
    return
  }
  const additions = draft.relationAdditions.get(relationId) ?? { evidence: [] }
  if (!additions.evidence.includes(annotationId)) additions.evidence.push(annotationId)
  draft.relationAdditions.set(relationId, additions)
}

// ---------------------------------------------------------------- Sightline reports

function planInternalReport(
  record: StixRecord,
  input: StixPlanInput,
  draft: ImportDraft,
  resolved: Map<string, Resolution>,
): void {
  const { object } = record
  const title = line(object.name, 500) ?? 'Imported report'
  if (input.index.ids.has(object.id)) {
    draft.items.push(
      item('skip', 'report', object.id, title, { reason: 'the project has this report already' }),
    )
    return
  }
  const quoteIds = refsOf(object.object_refs)
    .filter((ref) => QUOTE_STIX_TYPES.has(stixType(ref) ?? ''))
    .map((ref) => resolved.get(ref))
    .filter((r): r is { id: string; label: string } => !!r && 'id' in r)
    .map((r) => r.id)
  if (quoteIds.length === 0) {
    draft.items.push(
      item('skip', 'report', object.id, title, { reason: 'none of its quotes was imported' }),
    )
    return
  }
  const parsed = compiledSchema(Report).safeParse({
    id: object.id,
    createdAt: timestampOr(object.created, input.now),
    updatedAt: timestampOr(object.modified, input.now),
    title,
    author: line(object.x_sightline_author, 500) ?? '',
    ...(dateOf(object.published) ? { date: dateOf(object.published) } : {}),
    classification: line(object.x_sightline_classification, 500) ?? '',
    sections: [
      { id: `${object.id}-quotes`, kind: 'quotes', annotationIds: quoteIds.slice(0, 5_000) },
    ],
    options: { pageSize: 'A4', appendixOfEntityQuotes: false },
  })
  if (!parsed.success) {
    draft.items.push(
      item('skip', 'report', object.id, title, { reason: parsed.error.issues[0]!.message }),
    )
    return
  }
  draft.reports.push(parsed.data)
  draft.items.push(item('create', 'report', object.id, title, { detail: 'report' }))
}

// ---------------------------------------------------------------- the bundle as a source

async function planDataset(
  provenance: { record: StixRecord; entityIds: string[]; relationId?: string }[],
  input: StixPlanInput,
  draft: ImportDraft,
): Promise<void> {
  if (provenance.length === 0) return
  const { index, text: bundleText, now } = input
  const existing = index.sourceByHash(input.contentHash)
  const sourceId = existing?.id ?? `source--${uuidV5(`dataset:${input.contentHash}`)}`
  if (!existing) {
    draft.dataset = {
      record: compiledSchema(SourceRecord).parse({
        id: sourceId,
        createdAt: now,
        updatedAt: now,
        title: `STIX bundle ${input.fileName}`.slice(0, 500),
        kind: 'dataset',
        retrievedAt: now.slice(0, 10),
        reliability: 'F',
        contentHash: input.contentHash,
        length: bundleText.length,
        origin: { fileName: input.fileName.slice(0, 500), format: 'stix' },
      }),
      text: bundleText,
    }
  }
  // One comment per STIX type, shared by its quotes (thousands of the same few strings).
  const comments = new Map<string, string>()
  const commentOf = (type: string): string => {
    let comment = comments.get(type)
    if (comment === undefined) {
      comment = `What ${input.fileName} says of this ${type === 'relationship' ? 'relation' : 'entity'} (${type}).`
      comments.set(type, comment)
    }
    return comment
  }
  let added = 0
  for (const { record, entityIds, relationId } of provenance) {
    const tick = input.slicer.tick()
    if (tick) await tick
    const id = uuidV5(`provenance:${input.contentHash}:${record.object.id}`)
    if (index.ids.has(id)) {
      if (relationId) addEvidence(draft, index, relationId, id)
      continue
    }
    let end = Math.min(record.span.end, record.span.start + MAX_PROVENANCE_QUOTE)
    const last = bundleText.charCodeAt(end - 1)
    if (last >= 0xd800 && last <= 0xdbff) end--
    const annotation: Annotation = {
      id,
      createdAt: now,
      updatedAt: now,
      sourceId,
      target: describeRange(bundleText, record.span.start, end),
      comment: commentOf(record.object.type),
      kind: 'quote',
      credibility: credibilityOfConfidence(number(record.object.confidence)),
      entityIds: [...new Set(entityIds)],
      tags: ['stix'],
      anchor: { state: 'exact' },
    }
    draft.annotations.push(annotation)
    // The plan's last lookups are done: nothing asks for this quote by its place or UUID.
    index.ids.add(id)
    if (relationId) addEvidence(draft, index, relationId, id)
    added++
  }
  if (added > 0) {
    draft.notes.push(
      `Each imported entity and relation quotes its own lines of the bundle, kept as the source “STIX bundle ${input.fileName}” (${added} quote${added === 1 ? '' : 's'}).`,
    )
  }
}

function hashText(value: string): { contentHash: string; length: number } {
  return {
    contentHash: createHash('sha256').update(value, 'utf8').digest('hex'),
    length: value.length,
  }
}

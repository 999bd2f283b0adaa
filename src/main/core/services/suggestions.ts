/**
 * Suggestions from a source's text: computed in a worker (suggestions/runner.ts), kept per
 * text and per state of the project's names, filtered against what was already accepted or
 * dismissed. Accept writes the whole chain — quote, new entities, relations with the quote as
 * evidence — in one edit, all or nothing; its receipt lets undo take back exactly that.
 */
import { randomUUID } from 'node:crypto'
import {
  SYMMETRIC_RELATION_TYPES,
  type AcceptItem,
  type AcceptReceipt,
  type DateSuggestion,
  type MethodOutput,
  type ParsedInput,
  type SourceSuggestions,
  type SuggestedEntity,
  type SuggestedEvent,
  type Suggestion,
} from '../../../shared/contract'
import { describeRange } from '../../../shared/anchoring'
import { foldForMatching } from '../../../shared/match-text'
import {
  Annotation,
  Entity,
  Relation,
  SuggestionDismissal,
  type ProjectFile,
} from '../../../shared/model'
import { AppError, appError, notFound } from '../errors'
import type { ProjectStore } from '../project-store'
import { dateSuggestions } from '../suggestions/events'
import { SuggestionRunner } from '../suggestions/runner'
import type { SuggestOutput } from '../suggestions/suggest'
import { findSource } from './sources'
import { validRecord } from './validate'

/** One answer carries at most this many suggestions; a longer text says it was cut. */
const MAX_SUGGESTIONS = 2_000
/** Quotes created from suggestions carry this tag, so they can be found and reviewed. */
const SUGGESTED_TAG = 'suggested'
/** The tag that makes a quote support an event's date (services/evidence.ts). */
const DATE_TAG = 'date'

const runner = new SuggestionRunner()

interface Computed {
  output: SuggestOutput
  /** The dates with the events their sentences would make. */
  dates: DateSuggestion[]
}
interface Cached extends Computed {
  contentHash: string
  names: string
}
const caches = new WeakMap<ProjectStore, Map<string, Cached>>()

/** The project's names and affiliations, as the suggester sees them; a change recomputes. */
function suggesterInput(data: Readonly<ProjectFile>) {
  const entities = data.entities.map((e) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
  }))
  const types = new Map(data.entities.map((e) => [e.id, e.type]))
  const affiliations = data.relations
    .filter(
      (r) =>
        (r.type === 'leads' || r.type === 'member-of') &&
        types.get(r.from) === 'person' &&
        types.get(r.to) === 'group',
    )
    .map((r) => ({ personId: r.from, groupId: r.to }))
  return { entities, affiliations }
}

function fingerprint(value: unknown): string {
  const text = JSON.stringify(value)
  let a = 0x811c9dc5
  for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193)
  return `${text.length}:${(a >>> 0).toString(16)}`
}

async function computeSuggestions(
  store: ProjectStore,
  sourceId: string,
): Promise<Computed & { contentHash: string }> {
  const source = findSource(store, sourceId)
  const { entities, affiliations } = suggesterInput(store.data)
  const names = fingerprint([entities, affiliations])
  let cache = caches.get(store)
  if (!cache) caches.set(store, (cache = new Map()))
  const cached = cache.get(sourceId)
  if (cached && cached.contentHash === source.contentHash && cached.names === names) {
    return { output: cached.output, dates: cached.dates, contentHash: source.contentHash }
  }
  const text = await store.readSourceText(source.contentHash)
  const output = await runner.run({
    text,
    entities,
    affiliations,
    ...(source.publishedAt ? { publishedAt: source.publishedAt } : {}),
  })
  const dates = dateSuggestions(text, output.dates, output.suggestions)
  cache.set(sourceId, { contentHash: source.contentHash, names, output, dates })
  return { output, dates, contentHash: source.contentHash }
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end
}

/** Whether the project already records what the suggestion proposes, from that sentence. */
function alreadyAccepted(
  suggestion: Suggestion,
  quotes: readonly Annotation[],
  data: Readonly<ProjectFile>,
): boolean {
  const here = quotes.filter((a) => overlaps(a.target.position, suggestion.sentence))
  if (here.length === 0) return false
  if (suggestion.kind === 'entity') {
    const entity = suggestion.entity
    return entity.status === 'existing' && here.some((a) => a.entityIds.includes(entity.entityId))
  }
  const { from, to, type } = suggestion.relation
  if (from.status !== 'existing' || to.status !== 'existing') return false
  const ids = new Set(here.map((a) => a.id))
  return data.relations.some(
    (r) => sameLink(r, type, from.entityId, to.entityId) && r.evidence.some((e) => ids.has(e)),
  )
}

function sameLink(r: Relation, type: string, from: string, to: string): boolean {
  if (r.type !== type) return false
  if (r.from === from && r.to === to) return true
  return (
    (SYMMETRIC_RELATION_TYPES as readonly string[]).includes(type) && r.from === to && r.to === from
  )
}

export async function suggestionsForSource(
  store: ProjectStore,
  sourceId: string,
): Promise<SourceSuggestions> {
  const { output, dates, contentHash } = await computeSuggestions(store, sourceId)
  const data = store.data
  const quotes = data.annotations.filter((a) => a.sourceId === sourceId)
  const dismissedKeys = new Set(
    data.suggestionDismissals.filter((d) => d.sourceId === sourceId).map((d) => d.key),
  )
  const open: Suggestion[] = []
  const dismissed: Suggestion[] = []
  for (const suggestion of output.suggestions) {
    if (alreadyAccepted(suggestion, quotes, data)) continue
    ;(dismissedKeys.has(suggestion.key) ? dismissed : open).push(suggestion)
  }
  const newEntities: Record<string, number> = {}
  const counted = new Set<string>()
  let mentions = 0
  let relations = 0
  for (const s of open) {
    if (s.kind === 'relation') relations++
    else if (s.entity.status === 'existing') mentions++
    else if (!counted.has(`${s.entity.type}|${s.entity.name}`)) {
      counted.add(`${s.entity.type}|${s.entity.name}`)
      newEntities[s.entity.type] = (newEntities[s.entity.type] ?? 0) + 1
    }
  }
  return {
    sourceId,
    contentHash,
    suggestions: open.slice(0, MAX_SUGGESTIONS),
    dismissed: dismissed.slice(0, MAX_SUGGESTIONS),
    dates: dates.slice(0, MAX_SUGGESTIONS),
    summary: { newEntities, mentions, relations },
    truncated: open.length > MAX_SUGGESTIONS || dismissed.length > MAX_SUGGESTIONS,
  }
}

// ---------------------------------------------------------------- accept

function foldedNames(entity: { name: string; aliases: readonly string[] }): string[] {
  return [entity.name, ...entity.aliases].map((n) => foldForMatching(n.trim()))
}

/** Plans the records an accept writes; nothing is written until all of them are valid. */
class AcceptPlan {
  readonly stamp = new Date().toISOString()
  readonly newEntities: Entity[] = []
  readonly newAnnotations: Annotation[] = []
  readonly newRelations: Relation[] = []
  readonly annotationLinks = new Map<string, Set<string>>()
  /** Tags existing annotations gain (an event's `date`), kept apart so undo removes just those. */
  readonly annotationTags = new Map<string, Set<string>>()
  readonly evidenceAdded: Array<{ relationId: string; annotationId: string }> = []
  private readonly annotationByRange = new Map<string, Annotation>()
  private readonly newEntityByName = new Map<string, Entity>()

  constructor(
    private readonly data: Readonly<ProjectFile>,
    private readonly sourceId: string,
    private readonly text: string,
  ) {}

  /** The id of an entity the item names: an existing one, one made in this accept, or a new one. */
  entityId(suggested: SuggestedEntity): string {
    if (suggested.status === 'existing') {
      if (!this.data.entities.some((e) => e.id === suggested.entityId))
        throw notFound('entity', suggested.entityId)
      return suggested.entityId
    }
    const names = foldedNames({ name: suggested.name, aliases: suggested.aliases })
    const key = `${suggested.type}|${names[0]}`
    const planned = this.newEntityByName.get(key)
    if (planned) return planned.id
    // Accepted meanwhile, or known under another spelling: link rather than duplicate.
    const existing = this.data.entities.find(
      (e) => e.type === suggested.type && foldedNames(e).some((n) => n === names[0]),
    )
    if (existing) return existing.id
    const entity = validRecord(
      Entity,
      {
        id: randomUUID(),
        createdAt: this.stamp,
        updatedAt: this.stamp,
        type: suggested.type,
        name: suggested.name.trim(),
        aliases: [...new Set(suggested.aliases.map((a) => a.trim()).filter(Boolean))],
        description: '',
        attributes: suggested.attributes ?? {},
      },
      'entity',
    )
    this.newEntities.push(entity)
    this.newEntityByName.set(key, entity)
    return entity.id
  }

  /** The quote for an item: one annotation per sentence, reused if the sentence has one. */
  annotationFor(
    item: AcceptItem,
    entityIds: readonly string[],
    tags: readonly string[] = [],
  ): string {
    const { start, end, exact } = item.quote
    if (end > this.text.length || end <= start || this.text.slice(start, end) !== exact) {
      throw appError('conflict', 'suggestionSentenceGone')
    }
    const rangeKey = `${start}:${end}`
    const planned = this.annotationByRange.get(rangeKey)
    if (planned) {
      for (const id of entityIds) if (!planned.entityIds.includes(id)) planned.entityIds.push(id)
      for (const tag of tags) if (!planned.tags.includes(tag)) planned.tags.push(tag)
      return planned.id
    }
    const existing = this.data.annotations.find(
      (a) =>
        a.sourceId === this.sourceId &&
        a.target.position.start === start &&
        a.target.position.end === end,
    )
    if (existing) {
      const links = this.annotationLinks.get(existing.id) ?? new Set<string>()
      for (const id of entityIds) if (!existing.entityIds.includes(id)) links.add(id)
      this.annotationLinks.set(existing.id, links)
      const gained = this.annotationTags.get(existing.id) ?? new Set<string>()
      for (const tag of tags) if (!existing.tags.includes(tag)) gained.add(tag)
      this.annotationTags.set(existing.id, gained)
      return existing.id
    }
    const annotation: Annotation = {
      id: randomUUID(),
      createdAt: this.stamp,
      updatedAt: this.stamp,
      sourceId: this.sourceId,
      target: describeRange(this.text, start, end),
      comment: '',
      kind: item.kind,
      credibility: item.credibility,
      entityIds: [...new Set(entityIds)],
      tags: [...new Set([SUGGESTED_TAG, ...tags])],
      anchor: { state: 'exact' },
    }
    this.newAnnotations.push(annotation)
    this.annotationByRange.set(rangeKey, annotation)
    return annotation.id
  }

  relation(item: AcceptItem, from: string, to: string, annotationId: string): void {
    const { type, validFrom } = item.relation!
    this.link(type, from, to, annotationId, validFrom)
  }

  /** The event, its quote (supporting its date) and each participant's participated-in link. */
  event(item: AcceptItem, event: SuggestedEvent): void {
    const participants = event.participants.map((p) => {
      if (p.type !== 'group' && p.type !== 'person')
        throw appError('invalid_input', 'eventParticipants')
      return this.entityId(p)
    })
    const eventId = this.entityId({
      status: 'new',
      type: 'event',
      name: event.title,
      aliases: [],
      attributes: {
        eventKind: event.eventKind,
        eventDate: event.eventDate,
        datePrecision: event.datePrecision,
        ...(event.dateText.trim() ? { dateText: event.dateText.trim() } : {}),
        ...(event.ongoing ? { ongoing: true } : {}),
      },
    })
    const annotationId = this.annotationFor(item, [eventId, ...participants], [DATE_TAG])
    for (const participant of new Set(participants))
      this.link('participated-in', participant, eventId, annotationId)
  }

  private link(
    type: Relation['type'],
    from: string,
    to: string,
    annotationId: string,
    validFrom?: string,
  ): void {
    if (from === to) {
      throw appError('invalid_input', 'relationSelfLink')
    }
    const planned = this.newRelations.find((r) => sameLink(r, type, from, to))
    if (planned) {
      if (!planned.evidence.includes(annotationId)) planned.evidence.push(annotationId)
      return
    }
    const existing = this.data.relations.find((r) => sameLink(r, type, from, to))
    if (existing) {
      const already = this.evidenceAdded.some(
        (e) => e.relationId === existing.id && e.annotationId === annotationId,
      )
      if (!existing.evidence.includes(annotationId) && !already)
        this.evidenceAdded.push({ relationId: existing.id, annotationId })
      return
    }
    this.newRelations.push({
      id: randomUUID(),
      createdAt: this.stamp,
      updatedAt: this.stamp,
      type,
      from,
      to,
      evidence: [annotationId],
      confidence: 'medium',
      ...(validFrom ? { validFrom } : {}),
      comment: '',
    })
  }

  /** Checks every record against the model before anything is written. */
  validate(): void {
    for (const e of this.newEntities) validRecord(Entity, e, 'entity')
    for (const a of this.newAnnotations) validRecord(Annotation, a, 'annotation')
    for (const r of this.newRelations) validRecord(Relation, r, 'relation')
  }
}

export async function acceptSuggestions(
  store: ProjectStore,
  input: ParsedInput<'suggestions.accept'>,
): Promise<AcceptReceipt> {
  const source = findSource(store, input.sourceId)
  if (source.contentHash !== input.contentHash) {
    throw appError('conflict', 'suggestionsRecomputed')
  }
  const text = await store.readSourceText(source.contentHash)
  const plan = new AcceptPlan(store.data, source.id, text)
  for (const item of input.items) {
    if (item.relation) {
      const from = plan.entityId(item.relation.from)
      const to = plan.entityId(item.relation.to)
      const annotationId = plan.annotationFor(item, [from, to])
      plan.relation(item, from, to, annotationId)
    } else if (item.event) {
      plan.event(item, item.event)
    } else {
      plan.annotationFor(item, [plan.entityId(item.entity!)])
    }
  }
  plan.validate()

  store.mutate((data) => {
    // The project may have moved while the text was read: check before changing anything.
    const current = findSource(store, source.id)
    if (current.contentHash !== input.contentHash)
      throw new AppError('conflict', 'The text changed.')
    const entityIds = new Set(data.entities.map((e) => e.id))
    for (const a of plan.newAnnotations)
      for (const id of a.entityIds)
        if (!entityIds.has(id) && !plan.newEntities.some((e) => e.id === id))
          throw notFound('entity', id)
    for (const { relationId } of plan.evidenceAdded)
      if (!data.relations.some((r) => r.id === relationId)) throw notFound('relation', relationId)
    for (const id of plan.annotationLinks.keys())
      if (!data.annotations.some((a) => a.id === id)) throw notFound('annotation', id)

    data.entities.push(...plan.newEntities)
    data.annotations.push(...plan.newAnnotations)
    data.relations.push(...plan.newRelations)
    for (const [id, links] of plan.annotationLinks) {
      const tags = plan.annotationTags.get(id) ?? new Set<string>()
      if (links.size === 0 && tags.size === 0) continue
      const index = data.annotations.findIndex((a) => a.id === id)
      const a = data.annotations[index]!
      data.annotations[index] = {
        ...a,
        entityIds: [...a.entityIds, ...links],
        tags: [...a.tags, ...tags],
        updatedAt: plan.stamp,
      }
    }
    for (const { relationId, annotationId } of plan.evidenceAdded) {
      const index = data.relations.findIndex((r) => r.id === relationId)
      const r = data.relations[index]!
      data.relations[index] = {
        ...r,
        evidence: [...r.evidence, annotationId],
        updatedAt: plan.stamp,
      }
    }
  })

  const touched = new Set<string>()
  for (const e of plan.newEntities) touched.add(e.id)
  for (const a of plan.newAnnotations) for (const id of a.entityIds) touched.add(id)
  for (const links of plan.annotationLinks.values()) for (const id of links) touched.add(id)
  for (const r of [
    ...plan.newRelations,
    ...plan.evidenceAdded.map((e) => findRelation(store, e.relationId)),
  ]) {
    touched.add(r.from)
    touched.add(r.to)
  }
  return {
    stamp: plan.stamp,
    annotationsCreated: plan.newAnnotations.map((a) => a.id),
    annotationLinks: [...plan.annotationLinks].flatMap(([annotationId, links]) => {
      const tags = [...(plan.annotationTags.get(annotationId) ?? [])]
      if (links.size === 0 && tags.length === 0) return []
      return [{ annotationId, entityIds: [...links], ...(tags.length > 0 ? { tags } : {}) }]
    }),
    entitiesCreated: plan.newEntities.map((e) => e.id),
    relationsCreated: plan.newRelations.map((r) => r.id),
    evidenceAdded: plan.evidenceAdded,
    entityIds: [...touched],
    summary: acceptSummary(plan),
  }
}

function findRelation(store: ProjectStore, id: string): Relation {
  const relation = store.data.relations.find((r) => r.id === id)
  if (!relation) throw notFound('relation', id)
  return relation
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

function acceptSummary(plan: AcceptPlan): string {
  const parts = [
    plan.newAnnotations.length > 0 ? plural(plan.newAnnotations.length, 'quote', 'quotes') : '',
    plan.newEntities.length > 0
      ? `${plural(plan.newEntities.length, 'new entity', 'new entities')} (${plan.newEntities.map((e) => e.name).join(', ')})`
      : '',
    plan.newRelations.length > 0 ? plural(plan.newRelations.length, 'relation', 'relations') : '',
    plan.evidenceAdded.length > 0
      ? `${plural(plan.evidenceAdded.length, 'quote', 'quotes')} added as evidence`
      : '',
  ].filter(Boolean)
  return parts.length > 0 ? `Accepted: ${parts.join(', ')}` : 'Accepted: already recorded'
}

// ---------------------------------------------------------------- undo

export function undoAccept(
  store: ProjectStore,
  input: ParsedInput<'suggestions.undoAccept'>,
): MethodOutput<'suggestions.undoAccept'> {
  const { receipt } = input
  const data = store.data
  const changed: string[] = []
  const createdAnnotations = new Set(receipt.annotationsCreated)
  const createdRelations = new Set(receipt.relationsCreated)
  const createdEntities = new Set(receipt.entitiesCreated)
  const untouched = <T extends { id: string; updatedAt: string }>(
    records: readonly T[],
    id: string,
    what: string,
  ): T | undefined => {
    const record = records.find((r) => r.id === id)
    if (!record) changed.push(`the ${what} is gone`)
    else if (record.updatedAt !== receipt.stamp) changed.push(`the ${what} was edited`)
    return record
  }
  for (const id of createdAnnotations) untouched(data.annotations, id, 'quote')
  for (const id of createdRelations) untouched(data.relations, id, 'relation')
  for (const id of createdEntities) {
    const entity = untouched(data.entities, id, 'entity')
    if (!entity) continue
    const usedElsewhere =
      data.relations.some((r) => (r.from === id || r.to === id) && !createdRelations.has(r.id)) ||
      data.annotations.some(
        (a) =>
          a.entityIds.includes(id) &&
          !createdAnnotations.has(a.id) &&
          // An existing quote this accept linked to the entity is taken back with it.
          !receipt.annotationLinks.some((l) => l.annotationId === a.id && l.entityIds.includes(id)),
      )
    if (usedElsewhere) changed.push(`${entity.name} is now used by other records`)
  }
  for (const link of receipt.annotationLinks) {
    const a = untouched(data.annotations, link.annotationId, 'quote it linked')
    if (a && link.entityIds.some((id) => !a.entityIds.includes(id)))
      changed.push('a quote lost its links')
    if (a && link.tags?.some((tag) => !a.tags.includes(tag))) changed.push('a quote lost its tags')
  }
  for (const added of receipt.evidenceAdded) {
    const r = untouched(data.relations, added.relationId, 'relation it added evidence to')
    if (r && !r.evidence.includes(added.annotationId)) changed.push('a relation lost that quote')
  }
  if (changed.length > 0) {
    throw new AppError(
      'conflict',
      `This accept cannot be undone: ${[...new Set(changed)].join('; ')} since. Nothing was removed.`,
    )
  }
  const now = new Date().toISOString()
  const removedEvidence = new Map<string, Set<string>>()
  for (const { relationId, annotationId } of receipt.evidenceAdded) {
    const set = removedEvidence.get(relationId) ?? new Set<string>()
    set.add(annotationId)
    removedEvidence.set(relationId, set)
  }
  const removedLinks = new Map(receipt.annotationLinks.map((l) => [l.annotationId, l]))
  store.mutate((file) => {
    file.relations = file.relations
      .filter((r) => !createdRelations.has(r.id))
      .map((r) => {
        const drop = removedEvidence.get(r.id)
        return drop ? { ...r, evidence: r.evidence.filter((e) => !drop.has(e)), updatedAt: now } : r
      })
    file.annotations = file.annotations
      .filter((a) => !createdAnnotations.has(a.id))
      .map((a) => {
        const drop = removedLinks.get(a.id)
        if (!drop) return a
        return {
          ...a,
          entityIds: a.entityIds.filter((e) => !drop.entityIds.includes(e)),
          tags: a.tags.filter((t) => !(drop.tags ?? []).includes(t)),
          updatedAt: now,
        }
      })
    file.entities = file.entities.filter((e) => !createdEntities.has(e.id))
  })
  return {
    entityIds: receipt.entityIds.filter((id) => !createdEntities.has(id)),
    removedEntityIds: [...createdEntities],
  }
}

// ---------------------------------------------------------------- dismissals

export function dismissSuggestions(
  store: ProjectStore,
  input: ParsedInput<'suggestions.dismiss'>,
): MethodOutput<'suggestions.dismiss'> {
  findSource(store, input.sourceId)
  const known = new Set(
    store.data.suggestionDismissals.filter((d) => d.sourceId === input.sourceId).map((d) => d.key),
  )
  const now = new Date().toISOString()
  const records: SuggestionDismissal[] = []
  for (const item of input.items) {
    if (known.has(item.key)) continue
    known.add(item.key)
    records.push(
      validRecord(
        SuggestionDismissal,
        {
          id: randomUUID(),
          createdAt: now,
          updatedAt: now,
          sourceId: input.sourceId,
          key: item.key,
          label: item.label.slice(0, 500),
        },
        'dismissal',
      ),
    )
  }
  if (records.length > 0) store.mutate((data) => data.suggestionDismissals.push(...records))
  return { dismissed: records.length }
}

export function restoreSuggestions(
  store: ProjectStore,
  input: ParsedInput<'suggestions.restore'>,
): MethodOutput<'suggestions.restore'> {
  findSource(store, input.sourceId)
  const keys = new Set(input.keys)
  const before = store.data.suggestionDismissals.length
  const matches = (d: SuggestionDismissal): boolean =>
    d.sourceId === input.sourceId && keys.has(d.key)
  if (!store.data.suggestionDismissals.some(matches)) return { restored: 0 }
  store.mutate((data) => {
    data.suggestionDismissals = data.suggestionDismissals.filter((d) => !matches(d))
  })
  return { restored: before - store.data.suggestionDismissals.length }
}

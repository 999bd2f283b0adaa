import type {
  AttributeEvidence,
  EntityBrief,
  EntityEvidence,
  QuoteEvidence,
  RelationEvidence,
} from '../../../shared/contract'
import type { Annotation, Entity, ProjectFile, Relation } from '../../../shared/model'
import { notFound } from '../errors'
import type { ProjectStore } from '../project-store'

/**
 * Tags besides the attribute's own name that mark a quote as evidence for it: an analyst
 * tags a quote "strength" rather than "estimated-strength".
 */
const ATTRIBUTE_TAG_SYNONYMS: Record<string, readonly string[]> = {
  estimatedStrength: ['strength'],
  firstSeen: ['founded', 'founding'],
  placeKind: ['kind'],
  communityKind: ['kind'],
  role: ['leadership'],
  // A quote tagged "date" speaks to every part of an event's date.
  eventDate: ['date', 'when'],
  eventEnd: ['date', 'end'],
  datePrecision: ['date'],
  dateText: ['date'],
  ongoing: ['date'],
  eventKind: ['kind'],
}

/** "estimatedStrength", "Estimated-Strength" and "estimated strength" all become "estimatedstrength". */
function fold(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/** Whether a quote about an entity, by one of its tags, speaks to this attribute. */
export function tagSupportsAttribute(tag: string, key: string): boolean {
  const folded = fold(tag.replace(/^attr(ibute)?:/i, ''))
  if (folded === fold(key)) return true
  return (ATTRIBUTE_TAG_SYNONYMS[key] ?? []).some((s) => fold(s) === folded)
}

export function entityEvidence(store: ProjectStore, id: string): EntityEvidence {
  const data = store.data
  const entity = data.entities.find((e) => e.id === id)
  if (!entity) throw notFound('entity', id)
  const linked = data.annotations.filter((a) => a.entityIds.includes(id))
  const touching = data.relations.filter((r) => r.from === id || r.to === id)
  const context = evidenceContext(data, touching)
  const relations = touching
    .map((r) => relationEvidenceOf(r, context))
    .sort(
      (a, b) =>
        a.relation.type.localeCompare(b.relation.type) ||
        otherEnd(a, id).name.localeCompare(otherEnd(b, id).name),
    )
  const attributes: AttributeEvidence[] = Object.entries(entity.attributes).map(([key, value]) => ({
    key,
    value,
    annotationIds: linked
      .filter((a) => a.tags.some((tag) => tagSupportsAttribute(tag, key)))
      .map((a) => a.id),
  }))
  const quotes = new Map<string, QuoteEvidence>()
  for (const a of linked) quotes.set(a.id, context.quote(a))
  for (const r of relations) for (const q of r.quotes) quotes.set(q.annotationId, q)
  return { entity, attributes, relations, quotes: sortQuotes([...quotes.values()]) }
}

export function relationEvidence(store: ProjectStore, id: string): RelationEvidence {
  const relation = store.data.relations.find((r) => r.id === id)
  if (!relation) throw notFound('relation', id)
  return relationEvidenceOf(relation, evidenceContext(store.data, [relation]))
}

function otherEnd(r: RelationEvidence, id: string): EntityBrief {
  return r.from.id === id ? r.to : r.from
}

function relationEvidenceOf(
  relation: Relation,
  context: ReturnType<typeof evidenceContext>,
): RelationEvidence {
  return {
    relation,
    from: context.brief(relation.from),
    to: context.brief(relation.to),
    quotes: sortQuotes(
      relation.evidence.flatMap((a) => {
        const annotation = context.annotation(a)
        return annotation ? [context.quote(annotation)] : []
      }),
    ),
  }
}

/** Best grade first, then the newest source. */
function sortQuotes(quotes: QuoteEvidence[]): QuoteEvidence[] {
  return quotes.sort(
    (a, b) =>
      a.credibility - b.credibility ||
      a.reliability.localeCompare(b.reliability) ||
      (b.sourcePublishedAt ?? '').localeCompare(a.sourcePublishedAt ?? ''),
  )
}

/**
 * What the panel needs to describe some relations: their ends and their quotes, found in
 * one pass over entities and annotations rather than by indexing a 100k-record project.
 */
function evidenceContext(data: Readonly<ProjectFile>, relations: readonly Relation[]) {
  const entityIds = new Set<string>()
  const annotationIds = new Set<string>()
  for (const r of relations) {
    entityIds.add(r.from)
    entityIds.add(r.to)
    for (const a of r.evidence) annotationIds.add(a)
  }
  const entities = new Map<string, Entity>()
  for (const e of data.entities) if (entityIds.has(e.id)) entities.set(e.id, e)
  const annotations = new Map<string, Annotation>()
  if (annotationIds.size > 0) {
    for (const a of data.annotations) if (annotationIds.has(a.id)) annotations.set(a.id, a)
  }
  const sources = new Map(data.sources.map((s) => [s.id, s]))
  return {
    brief(id: string): EntityBrief {
      const e = entities.get(id)
      return { id, name: e?.name ?? id, type: e?.type ?? 'unknown' }
    },
    annotation(id: string): Annotation | undefined {
      return annotations.get(id)
    },
    quote(a: Annotation): QuoteEvidence {
      const source = sources.get(a.sourceId)
      return {
        annotationId: a.id,
        sourceId: a.sourceId,
        sourceTitle: source?.title ?? a.sourceId,
        ...(source?.publishedAt ? { sourcePublishedAt: source.publishedAt } : {}),
        reliability: source?.reliability ?? 'F',
        credibility: a.credibility,
        kind: a.kind,
        exact: a.target.quote.exact,
        prefix: a.target.quote.prefix,
        suffix: a.target.quote.suffix,
        comment: a.comment,
        tags: a.tags,
        anchorState: a.anchor.state,
      }
    },
  }
}

/**
 * The timeline's data: lanes (groups and people) and the dated items on them, gathered in
 * one pass over events, relations, attributes and quotes, so 10k events stay a few ms.
 */
import {
  RELATION_PHRASES,
  type ParsedInput,
  type TimelineData,
  type TimelineItem,
  type TimelineLane,
} from '../../../shared/contract'
import type { Annotation, Entity, ProjectFile } from '../../../shared/model'
import { notFound } from '../errors'
import type { ProjectStore } from '../project-store'
import { tagSupportsAttribute } from './evidence'

/** Entity types that can be a lane: the actors whose story the timeline tells. */
const LANE_TYPES: ReadonlySet<string> = new Set(['group', 'person'])

export function timelineLanes(store: ProjectStore): TimelineLane[] {
  return timelineLanesOf(store.data)
}

export function timelineLanesOf(data: Readonly<ProjectFile>): TimelineLane[] {
  const quotes = new Map<string, number>()
  for (const a of data.annotations) {
    for (const id of a.entityIds) quotes.set(id, (quotes.get(id) ?? 0) + 1)
  }
  return data.entities
    .filter((e) => LANE_TYPES.has(e.type))
    .map((e) => ({ id: e.id, name: e.name, type: e.type, quoteCount: quotes.get(e.id) ?? 0 }))
    .sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name))
}

/** Best (lowest) credibility of some annotations, if any exists. */
function bestGrade(ids: Iterable<string>, annotations: ReadonlyMap<string, Annotation>) {
  let best: number | undefined
  for (const id of ids) {
    const a = annotations.get(id)
    if (a && (best === undefined || a.credibility < best)) best = a.credibility
  }
  return best
}

export function timelineItems(
  store: ProjectStore,
  input: ParsedInput<'timeline.items'>,
): TimelineData {
  return timelineOf(store.data, input.laneIds, input.unassigned ?? false)
}

/** The lanes asked for, in that order, with every dated item on them. */
export function timelineOf(
  data: Readonly<ProjectFile>,
  laneIds: readonly string[],
  unassigned: boolean,
): TimelineData {
  const entityById = new Map<string, Entity>()
  for (const e of data.entities) entityById.set(e.id, e)
  const lanes: TimelineLane[] = []
  for (const id of new Set(laneIds)) {
    const entity = entityById.get(id)
    if (!entity) throw notFound('entity', id)
    lanes.push({ id, name: entity.name, type: entity.type, quoteCount: 0 })
  }
  const onLane = new Map(lanes.map((lane) => [lane.id, lane]))

  const annotations = new Map<string, Annotation>()
  const linkedTo = new Map<string, string[]>()
  for (const a of data.annotations) {
    annotations.set(a.id, a)
    for (const id of a.entityIds) {
      const lane = onLane.get(id)
      if (lane) lane.quoteCount++
      const list = linkedTo.get(id)
      if (list) list.push(a.id)
      else linkedTo.set(id, [a.id])
    }
  }

  const items: TimelineItem[] = []
  // Participants of each event, from the participated-in relations.
  const participants = new Map<string, string[]>()
  for (const r of data.relations) {
    if (r.type === 'participated-in') {
      const list = participants.get(r.to)
      if (list) list.push(r.from)
      else participants.set(r.to, [r.from])
    }
    if (r.validFrom === undefined && r.validTo === undefined) continue
    for (const [laneId, otherId] of [
      [r.from, r.to],
      [r.to, r.from],
    ] as const) {
      if (!onLane.has(laneId)) continue
      const grade = bestGrade(r.evidence, annotations)
      const from = entityById.get(r.from)?.name ?? r.from
      const to = entityById.get(r.to)?.name ?? r.to
      items.push({
        key: `relation:${r.id}:${laneId}`,
        kind: 'relation',
        laneId,
        recordId: r.id,
        label: `${from} ${RELATION_PHRASES[r.type]} ${to}`,
        start: r.validFrom ?? r.validTo!,
        ...(r.validFrom !== undefined && r.validTo !== undefined ? { end: r.validTo } : {}),
        ...(r.validFrom !== undefined && r.validTo === undefined ? { open: true } : {}),
        relationType: r.type,
        otherId,
        ...(grade !== undefined ? { grade } : {}),
        supported: grade !== undefined,
      })
    }
  }

  let undated = 0
  for (const entity of data.entities) {
    const attributes = entity.attributes
    if (entity.type === 'event') {
      const who = participants.get(entity.id) ?? []
      const laneHits = who.filter((id) => onLane.has(id))
      const targets: (string | null)[] = laneHits.length > 0 ? laneHits : []
      if (who.length === 0 && unassigned) targets.push(null)
      if (targets.length === 0) continue
      if (!attributes.eventDate) {
        undated++
        continue
      }
      const quotes = linkedTo.get(entity.id) ?? []
      const grade = bestGrade(quotes, annotations)
      for (const laneId of targets) {
        items.push({
          key: `event:${entity.id}:${laneId ?? ''}`,
          kind: 'event',
          laneId,
          recordId: entity.id,
          label: entity.name,
          start: attributes.eventDate,
          ...(attributes.eventEnd ? { end: attributes.eventEnd } : {}),
          ...(attributes.ongoing && !attributes.eventEnd ? { open: true } : {}),
          ...(attributes.datePrecision ? { precision: attributes.datePrecision } : {}),
          ...(attributes.dateText ? { dateText: attributes.dateText } : {}),
          ...(attributes.eventKind ? { eventKind: attributes.eventKind } : {}),
          ...(grade !== undefined ? { grade } : {}),
          supported: grade !== undefined,
        })
      }
      continue
    }
    if (!onLane.has(entity.id)) continue
    const firstSeen = attributes.firstSeen
    if (firstSeen) {
      const backing = (linkedTo.get(entity.id) ?? []).filter((id) =>
        annotations.get(id)?.tags.some((tag) => tagSupportsAttribute(tag, 'firstSeen')),
      )
      const grade = bestGrade(backing, annotations)
      items.push({
        key: `first-seen:${entity.id}`,
        kind: 'first-seen',
        laneId: entity.id,
        recordId: entity.id,
        label: `${entity.name} first seen`,
        start: firstSeen,
        ...(grade !== undefined ? { grade } : {}),
        supported: grade !== undefined,
      })
    }
  }

  const published = new Map<string, string>()
  for (const s of data.sources) if (s.publishedAt) published.set(s.id, s.publishedAt)
  for (const lane of lanes) {
    for (const annotationId of linkedTo.get(lane.id) ?? []) {
      const a = annotations.get(annotationId)!
      const date = published.get(a.sourceId)
      if (!date) continue
      const exact = a.target.quote.exact
      items.push({
        key: `quote:${a.id}:${lane.id}`,
        kind: 'quote',
        laneId: lane.id,
        recordId: a.id,
        label: exact.length > 120 ? `${exact.slice(0, 119)}…` : exact,
        start: date,
        otherId: a.sourceId,
        grade: a.credibility,
        supported: true,
      })
    }
  }

  items.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  return { lanes, items, undated }
}

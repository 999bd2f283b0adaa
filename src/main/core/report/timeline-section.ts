/**
 * A report's timeline section: the chosen lanes over the chosen range, drawn as SVG, and
 * the events shown listed in date order with numbered citations for their quotes.
 */
import type { TimelineItem } from '../../../shared/contract'
import type { ProjectFile, ReportSection } from '../../../shared/model'
import { dateLabel, dateMs, defaultLaneIds, isoDateOf, itemTimes } from '../../../shared/timeline'
import { drawTimelineSvg } from '../../../shared/timeline-svg'
import { timelineLanesOf, timelineOf } from '../services/timeline'

type TimelineSection = Extract<ReportSection, { kind: 'timeline' }>

export interface TimelineEventRow {
  id: string
  name: string
  date: string
  kind: string
  lanes: string[]
  /** The quotes linked to the event, cited in this order. */
  annotationIds: string[]
}

export interface TimelineSectionView {
  kind: 'timeline'
  sectionId: string
  caption?: string
  lanes: { id: string; name: string }[]
  from: string
  to: string
  /** The drawn items within the range. */
  items: TimelineItem[]
  events: TimelineEventRow[]
  /** Events in range beyond the listed ones. */
  omittedEvents: number
  /** Where open spans end (ms): the time the report was gathered. */
  now: number
}

/** Lanes a section without a choice shows; the most events a section lists. */
const DEFAULT_LANES = 6
const MAX_LISTED_EVENTS = 200
const YEAR_MS = 365 * 86_400_000

export function gatherTimelineSection(
  data: Readonly<ProjectFile>,
  section: TimelineSection,
  now: number,
): TimelineSectionView {
  const known = new Set(data.entities.map((e) => e.id))
  const chosen = section.laneIds.filter((id) => known.has(id))
  const laneIds = chosen.length > 0 ? chosen : defaultLaneIds(timelineLanesOf(data), DEFAULT_LANES)
  const timeline = timelineOf(data, laneIds, false)
  const drawn = timeline.items.filter((item) => item.kind !== 'quote')
  let from = section.from
  let to = section.to
  if (from === undefined || to === undefined) {
    const times = drawn.map((item) => itemTimes(item, now))
    const first = Math.min(...times.map((t) => t.start))
    const last = Math.max(...times.map((t) => t.end))
    const pad = Number.isFinite(first) ? Math.max((last - first) * 0.05, YEAR_MS / 4) : 0
    from ??= Number.isFinite(first) ? isoDateOf(first - pad) : isoDateOf(now - YEAR_MS)
    to ??= Number.isFinite(last) ? isoDateOf(last + pad) : isoDateOf(now)
  }
  const rangeStart = dateMs(from)
  const rangeEnd = dateMs(to)
  const items = drawn.filter((item) => {
    const t = itemTimes(item, now)
    return t.end >= rangeStart && t.start <= rangeEnd
  })

  const laneName = new Map(timeline.lanes.map((l) => [l.id, l.name]))
  const quotesOf = new Map<string, string[]>()
  for (const a of data.annotations) {
    for (const id of a.entityIds) {
      const list = quotesOf.get(id)
      if (list) list.push(a.id)
      else quotesOf.set(id, [a.id])
    }
  }
  const rows = new Map<string, TimelineEventRow>()
  for (const item of items) {
    if (item.kind !== 'event') continue
    const lane = item.laneId === null ? null : (laneName.get(item.laneId) ?? null)
    const existing = rows.get(item.recordId)
    if (existing) {
      if (lane) existing.lanes.push(lane)
      continue
    }
    rows.set(item.recordId, {
      id: item.recordId,
      name: item.label,
      date: dateLabel(item),
      kind: item.eventKind ?? 'other',
      lanes: lane ? [lane] : [],
      annotationIds: quotesOf.get(item.recordId) ?? [],
    })
  }
  const events = [...rows.values()]
  return {
    kind: 'timeline',
    sectionId: section.id,
    ...(section.caption ? { caption: section.caption } : {}),
    lanes: timeline.lanes.map((l) => ({ id: l.id, name: l.name })),
    from,
    to,
    items,
    events: events.slice(0, MAX_LISTED_EVENTS),
    omittedEvents: Math.max(0, events.length - MAX_LISTED_EVENTS),
    now,
  }
}

/** The section's chart as SVG markup, 760 px wide like the link chart. */
export function timelineSectionSvg(section: TimelineSectionView, title: string) {
  return drawTimelineSvg({
    title,
    lanes: section.lanes,
    items: section.items,
    from: section.from,
    to: section.to,
    width: 760,
    now: section.now,
  })
}

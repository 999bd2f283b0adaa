/**
 * Where the items of one lane go on screen: single dates become points, merged into a
 * cluster when they crowd within a few pixels; periods and relation spans become bars
 * packed into a few rows. Pure, and linear in the lane's items, so the chart runs it on
 * every frame of a zoom and the SVG export runs the same code once.
 */
import type { TimelineItem } from './api/timeline'
import type { EventKind } from './model'
import { itemTimes, type ItemTimes } from './timeline'

export interface PlacedItem {
  item: TimelineItem
  times: ItemTimes
}

export interface PointMark {
  /** Centre, in pixels. */
  x: number
  /** From the first to the last item merged (equal for one item). */
  x0: number
  x1: number
  items: PlacedItem[]
}

export interface SpanMark {
  x0: number
  x1: number
  row: number
  placed: PlacedItem
}

export interface LaneMarks {
  points: PointMark[]
  spans: SpanMark[]
  /** Spans that found no free row and were drawn over the last one. */
  crowdedSpans: number
}

export const SPAN_ROWS = 3

/**
 * Places a lane's items (sorted by start) between `left` and `right` pixels. Points closer
 * than `clusterPx` to a cluster's first point join it: about twice a cluster's radius, so
 * clusters never overlap.
 */
export function layoutLane(
  placed: readonly PlacedItem[],
  x: (ms: number) => number,
  left: number,
  right: number,
  clusterPx = 18,
): LaneMarks {
  const points: PointMark[] = []
  const spans: SpanMark[] = []
  const rowEnds: number[] = new Array<number>(SPAN_ROWS).fill(-Infinity)
  let crowdedSpans = 0
  let open: PointMark | null = null
  for (const p of placed) {
    const x0 = x(p.times.start)
    // Sorted by start: everything after this starts right of the view.
    if (x0 > right + clusterPx) break
    if (p.times.span) {
      const x1 = Math.max(x0 + 2, x(p.times.end))
      if (x1 < left || x0 > right) continue
      let row = rowEnds.findIndex((end) => end < x0 - 2)
      if (row < 0) {
        row = SPAN_ROWS - 1
        crowdedSpans++
      }
      rowEnds[row] = Math.max(rowEnds[row]!, x1)
      spans.push({ x0, x1, row, placed: p })
      continue
    }
    if (x0 < left - clusterPx || x0 > right + clusterPx) continue
    if (open && x0 - open.x0 <= clusterPx) {
      open.items.push(p)
      open.x1 = x0
      open.x = (open.x0 + x0) / 2
      continue
    }
    open = { x: x0, x0, x1: x0, items: [p] }
    points.push(open)
  }
  return { points, spans, crowdedSpans }
}

/** Places items once: their times against `now`, for a run of layouts while the view moves. */
export function placeItems(items: readonly TimelineItem[], now: number): PlacedItem[] {
  return items.map((item) => ({ item, times: itemTimes(item, now) }))
}

/** Colour and mark of each kind of item; shape and colour both differ. */
export const EVENT_KIND_COLOURS: Record<EventKind, string> = {
  attack: '#b03a2e',
  claim: '#7d3c98',
  announcement: '#1f5fa8',
  formation: '#2e7d4f',
  split: '#b9770e',
  other: '#566573',
}
export const FIRST_SEEN_COLOUR = '#117a8b'
export const QUOTE_COLOUR = '#7f8c8d'
export const RELATION_COLOUR = '#34495e'

export function itemColour(item: TimelineItem): string {
  switch (item.kind) {
    case 'event':
      return EVENT_KIND_COLOURS[item.eventKind ?? 'other']
    case 'first-seen':
      return FIRST_SEEN_COLOUR
    case 'quote':
      return QUOTE_COLOUR
    case 'relation':
      return RELATION_COLOUR
  }
}

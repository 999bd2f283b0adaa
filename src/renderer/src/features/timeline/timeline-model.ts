/**
 * From the lanes' items to what the chart and the list draw: filtered, placed in time, split
 * by lane. Pure, so a filter change is one pass over the items (measured in the bench).
 */
import type { TimelineData, TimelineItem } from '../../../../shared/contract'
import { placeItems } from '../../../../shared/timeline-layout'
import type { ChartLane } from './chart-draw'
import { itemPasses, type TimelineFilter } from './timeline-filter'

export const UNASSIGNED_LANE = 'Events with no participant'

const DAY_MS = 86_400_000
const YEAR_MS = 365 * DAY_MS

export interface TimelineModel {
  lanes: ChartLane[]
  /** Every item that passes the filters, in date order. */
  shown: TimelineItem[]
  laneNames: Map<string | null, string>
  /** The whole time the lanes' items cover (ms), padded; the zoomed-out view. */
  extent: [number, number]
}

export function timelineModel(
  data: TimelineData | undefined,
  filter: TimelineFilter,
  unassigned: boolean,
  now: number,
): TimelineModel {
  const laneNames = new Map<string | null, string>()
  const chartLanes: ChartLane[] = []
  const byLane = new Map<string | null, TimelineItem[]>()
  for (const lane of data?.lanes ?? []) {
    laneNames.set(lane.id, lane.name)
    byLane.set(lane.id, [])
  }
  if (unassigned) {
    laneNames.set(null, UNASSIGNED_LANE)
    byLane.set(null, [])
  }
  const shown: TimelineItem[] = []
  for (const item of data?.items ?? []) {
    if (!itemPasses(item, filter)) continue
    const list = byLane.get(item.laneId)
    if (!list) continue
    list.push(item)
    shown.push(item)
  }
  for (const [id, items] of byLane) {
    chartLanes.push({ id, name: laneNames.get(id) ?? '', placed: placeItems(items, now) })
  }
  return { lanes: chartLanes, shown, laneNames, extent: extentOf(data?.items ?? [], now) }
}

/** The span of all items (filters aside, so filtering never rescales the chart). */
function extentOf(items: readonly TimelineItem[], now: number): [number, number] {
  if (items.length === 0) return [now - 5 * YEAR_MS, now + YEAR_MS / 4]
  const placed = placeItems(items, now)
  let first = Infinity
  let last = -Infinity
  for (const p of placed) {
    if (p.times.start < first) first = p.times.start
    if (p.times.end > last) last = p.times.end
  }
  const pad = Math.max((last - first) * 0.04, 30 * DAY_MS)
  return [first - pad, last + pad]
}

/** The shown items that overlap [from, to] (ms), in date order. */
export function itemsInWindow(model: TimelineModel, from: number, to: number): TimelineItem[] {
  const result: TimelineItem[] = []
  for (const lane of model.lanes) {
    for (const p of lane.placed) if (p.times.end >= from && p.times.start <= to) result.push(p.item)
  }
  return result.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
}

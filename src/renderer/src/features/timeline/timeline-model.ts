/**
 * From the lanes' items to what the chart and the list draw: placed in time and split by lane
 * once when the items arrive (`prepareTimeline`), then filtered in one pass whenever a filter
 * changes (`filterTimeline`, measured in the bench). Pure, and tested without a page.
 */
import type { TimelineData, TimelineItem } from '../../../../shared/contract'
import { placeItems, type PlacedItem } from '../../../../shared/timeline-layout'
import type { ChartLane } from './chart-draw'
import { itemPasses, type TimelineFilter } from './timeline-filter'
import { t } from '../../ui/i18n'

export const UNASSIGNED_LANE = t('timeline.eventsWithNoParticipant')

const DAY_MS = 86_400_000
const YEAR_MS = 365 * DAY_MS

/** Every item of the lanes, placed in time, before any filter. */
export interface PreparedTimeline {
  lanes: ChartLane[]
  /** The items on these lanes, in date order. */
  items: PlacedItem[]
  laneNames: Map<string | null, string>
  /** Each lane's entity type (group, person). */
  laneTypes: Map<string, string>
  /** The whole time the lanes' items cover (ms), padded; the zoomed-out view. */
  extent: [number, number]
}

export interface TimelineModel {
  lanes: ChartLane[]
  /** Every item that passes the filters, in date order. */
  shown: TimelineItem[]
  /** The same, placed in time. */
  shownPlaced: PlacedItem[]
  laneNames: Map<string | null, string>
  extent: [number, number]
}

export function prepareTimeline(
  data: TimelineData | undefined,
  unassigned: boolean,
  now: number,
): PreparedTimeline {
  const laneNames = new Map<string | null, string>()
  const laneTypes = new Map<string, string>()
  const byLane = new Map<string | null, PlacedItem[]>()
  for (const lane of data?.lanes ?? []) {
    laneNames.set(lane.id, lane.name)
    laneTypes.set(lane.id, lane.type)
    byLane.set(lane.id, [])
  }
  if (unassigned) {
    laneNames.set(null, UNASSIGNED_LANE)
    byLane.set(null, [])
  }
  let first = Infinity
  let last = -Infinity
  const items: PlacedItem[] = []
  for (const placed of placeItems(data?.items ?? [], now)) {
    const lane = byLane.get(placed.item.laneId)
    if (!lane) continue
    lane.push(placed)
    items.push(placed)
    if (placed.times.start < first) first = placed.times.start
    if (placed.times.end > last) last = placed.times.end
  }
  const lanes = [...byLane].map(([id, placed]) => ({ id, name: laneNames.get(id) ?? '', placed }))
  return { lanes, items, laneNames, laneTypes, extent: extentOf(first, last, now) }
}

/** The span of all items (filters aside, so filtering never rescales the chart). */
function extentOf(first: number, last: number, now: number): [number, number] {
  if (first > last) return [now - 5 * YEAR_MS, now + YEAR_MS / 4]
  const pad = Math.max((last - first) * 0.04, 30 * DAY_MS)
  return [first - pad, last + pad]
}

/** The prepared lanes with only the items that pass the filters. */
export function filterTimeline(prepared: PreparedTimeline, filter: TimelineFilter): TimelineModel {
  const laneShown = (id: string | null): boolean =>
    id === null || filter.laneTypes.has(prepared.laneTypes.get(id) ?? '')
  const lanes = prepared.lanes
    .filter((lane) => laneShown(lane.id))
    .map((lane) => ({ ...lane, placed: lane.placed.filter((p) => itemPasses(p.item, filter)) }))
  const shownPlaced = prepared.items.filter(
    (p) => laneShown(p.item.laneId) && itemPasses(p.item, filter),
  )
  const shown = shownPlaced.map((p) => p.item)
  return { lanes, shown, shownPlaced, laneNames: prepared.laneNames, extent: prepared.extent }
}

/** The shown items that overlap [from, to] (ms), in date order. */
export function itemsInWindow(model: TimelineModel, from: number, to: number): TimelineItem[] {
  const result: TimelineItem[] = []
  for (const p of model.shownPlaced) {
    if (p.times.end >= from && p.times.start <= to) result.push(p.item)
  }
  return result
}

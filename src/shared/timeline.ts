/**
 * Dates on the timeline: where an item sits in time and how its date reads. Shared so the
 * chart, its list, the SVG export and the report agree to the day.
 */
import type { DatePrecision } from './model'

const DAY_MS = 86_400_000

/** Milliseconds since the epoch of a calendar date (UTC midnight). */
export function dateMs(isoDate: string): number {
  return Date.UTC(
    Number(isoDate.slice(0, 4)),
    Number(isoDate.slice(5, 7)) - 1,
    Number(isoDate.slice(8, 10)),
  )
}

/** The calendar date (YYYY-MM-DD) of a UTC instant. */
export function isoDateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The last day of the period a partial date stands for (a month, a year). */
function periodEnd(isoDate: string, precision: DatePrecision | undefined): number {
  const year = Number(isoDate.slice(0, 4))
  const month = Number(isoDate.slice(5, 7)) - 1
  if (precision === 'month') return Date.UTC(year, month + 1, 1) - DAY_MS
  if (precision === 'year' || precision === 'approximate') return Date.UTC(year + 1, 0, 1) - DAY_MS
  return dateMs(isoDate)
}

export interface ItemTimes {
  /** Where the item starts (ms). */
  start: number
  /** Where its period, span or uncertainty ends (ms); equal to start for a single day. */
  end: number
  /** Whether `end` marks a span (period, relation) rather than the spread of a partial date. */
  span: boolean
}

/**
 * Where an item lies in time. A single date known to the month or year spreads over that
 * month or year (drawn faint); an open span runs to `now`.
 */
export function itemTimes(
  item: { start: string; end?: string; open?: boolean; precision?: DatePrecision },
  now: number,
): ItemTimes {
  const start = dateMs(item.start)
  if (item.end !== undefined) return { start, end: Math.max(start, dateMs(item.end)), span: true }
  if (item.open) return { start, end: Math.max(start, now), span: true }
  return { start, end: periodEnd(item.start, item.precision), span: false }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "15 Aug 2021", "Aug 2021" or "2021", as much as the precision allows. */
export function formatDate(isoDate: string, precision?: DatePrecision): string {
  const year = isoDate.slice(0, 4)
  const month = MONTHS[Number(isoDate.slice(5, 7)) - 1] ?? ''
  if (precision === 'year') return year
  if (precision === 'approximate') return `c. ${year}`
  if (precision === 'month') return `${month} ${year}`
  return `${Number(isoDate.slice(8, 10))} ${month} ${year}`
}

/** How an item's date reads in the list and the report: "Aug 2021", "since 2021 (c. 2021)"… */
export function dateLabel(item: {
  start: string
  end?: string
  open?: boolean
  precision?: DatePrecision
  dateText?: string
}): string {
  const from = formatDate(item.start, item.precision)
  let label: string
  if (item.end !== undefined) label = `${from} – ${formatDate(item.end, item.precision)}`
  else if (item.open) label = `since ${from}`
  else label = from
  return item.dateText && item.dateText !== label ? `${label} (“${item.dateText}”)` : label
}

/** The groups with the most quotes (people when there are no groups): a first look's lanes. */
export function defaultLaneIds(
  lanes: readonly { id: string; type: string }[],
  count: number,
): string[] {
  const groups = lanes.filter((l) => l.type === 'group')
  return (groups.length > 0 ? groups : lanes).slice(0, count).map((l) => l.id)
}

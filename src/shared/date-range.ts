/**
 * A period of calendar dates, as the timeline's brush sets it and a report's map section
 * keeps it: shared so that the live views and the printed report filter alike.
 */

/** Inclusive calendar dates (YYYY-MM-DD); null means the range is open on that side. */
export interface DateRange {
  from: string | null
  to: string | null
}

/** Whether a dated span [from, to] (either end may be unknown) overlaps the range. */
export function overlapsDateRange(
  range: DateRange | null,
  from: string | undefined,
  to: string | undefined,
): boolean {
  if (!range) return true
  if (range.to !== null && from !== undefined && from > range.to) return false
  if (range.from !== null && to !== undefined && to < range.from) return false
  return true
}

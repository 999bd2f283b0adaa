/**
 * The date range the analyst brushed on the timeline, read by other views (the map filters
 * relations by it). One small store outside React so that views which never meet in the tree
 * agree; kept for the browser session so a reload keeps the range.
 */
import { useSyncExternalStore } from 'react'
import type { DateRange } from '../../../shared/date-range'

export { overlapsDateRange, type DateRange } from '../../../shared/date-range'

const STORAGE_KEY = 'sightline.dateRange'
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

let current: DateRange | null = readStored()
const listeners = new Set<() => void>()

function readStored(): DateRange | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY)
    return raw ? parseRange(JSON.parse(raw)) : null
  } catch {
    return null
  }
}

function parseRange(value: unknown): DateRange | null {
  if (typeof value !== 'object' || value === null) return null
  const { from, to } = value as Record<string, unknown>
  const date = (d: unknown): string | null => (typeof d === 'string' && ISO_DATE.test(d) ? d : null)
  const range = { from: date(from), to: date(to) }
  if (range.from === null && range.to === null) return null
  if (range.from !== null && range.to !== null && range.from > range.to) return null
  return range
}

/** Sets the shared range; null (or a range open on both sides) clears it. */
export function setDateRange(range: DateRange | null): void {
  const next = range ? parseRange(range) : null
  if (JSON.stringify(next) === JSON.stringify(current)) return
  current = next
  try {
    if (next) globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(next))
    else globalThis.sessionStorage?.removeItem(STORAGE_KEY)
  } catch {
    // Storage may be unavailable (private mode, quota): the range still holds for this page.
  }
  for (const listener of listeners) listener()
}

export function getDateRange(): DateRange | null {
  return current
}

/** Calls the listener after every change of the range; returns the unsubscribe. */
export function subscribeDateRange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The shared range, re-rendering when any view changes it. */
export function useDateRange(): DateRange | null {
  return useSyncExternalStore(subscribeDateRange, getDateRange, getDateRange)
}

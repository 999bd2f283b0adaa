/**
 * Reading fields of foreign JSON (STIX objects, W3C annotations) without trusting their
 * types: each helper returns a value of the wanted type or nothing.
 */
import { IsoDate, Timestamp } from '../../../shared/model'
import { normalizeText } from '../../../shared/text'

/** What normalizeText would change; most imported strings (our own exports) have none of it. */
const NOT_NORMAL = /[\r\t\f\v\u00A0\u2000-\u200A\u202F\u205F\u3000\uFEFF]| [ \n]|\n |\n\n\n|^\s|\s$/
const NON_ASCII = /[^ -~\n]/

/**
 * A non-empty string, normalized as source text is (shared/text.ts); at most `max`
 * characters. The full normalization costs more than parsing a bundle, so a string that
 * is already normal (checked cheaply) is kept as it is.
 */
export function text(value: unknown, max = 200_000): string | undefined {
  if (typeof value !== 'string') return undefined
  // Plain ASCII is in NFC already; only other text needs the (slower) check.
  const normal =
    !NOT_NORMAL.test(value) && (!NON_ASCII.test(value) || value.normalize('NFC') === value)
  const normalized = normal ? value : normalizeText(value)
  return normalized ? normalized.slice(0, max) : undefined
}

/** A one-line name: whitespace runs become one space. */
export function line(value: unknown, max = 300): string | undefined {
  if (typeof value !== 'string') return undefined
  const cleaned = value.normalize('NFC').replace(/\s+/g, ' ').trim()
  return cleaned ? cleaned.slice(0, max) : undefined
}

/** The non-empty one-line strings of a list (a single string counts as a list of one). */
export function lines(value: unknown, max = 300): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  const out: string[] = []
  for (const entry of list) {
    const cleaned = line(entry, max)
    if (cleaned && !out.includes(cleaned)) out.push(cleaned)
  }
  return out
}

export function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

/** The calendar date of a timestamp or date ("2021-08-15T00:00:00Z" → "2021-08-15"). */
export function dateOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const date = value.slice(0, 10)
  return IsoDate.safeParse(date).success ? date : undefined
}

/** A timestamp our records accept, or the fallback. */
export function timestampOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && Timestamp.safeParse(value).success ? value : fallback
}

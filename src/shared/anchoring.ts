/**
 * Anchoring of quotes in a source's normalized text (W3C TextQuote + TextPosition
 * selectors). Pure, shared by main and renderer.
 */
import type { AnnotationTarget } from './model'

/** Characters of context kept on each side of a quote, as Hypothesis does. */
export const CONTEXT_LENGTH = 32

/** Builds both selectors for text[start, end). */
export function describeRange(text: string, start: number, end: number): AnnotationTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw new RangeError(`range ${start}..${end} is outside a text of length ${text.length}`)
  }
  if (end <= start) throw new RangeError('an empty range cannot be anchored')
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  }
}

/**
 * Finds the one occurrence of `exact` in text, using the given prefix and suffix
 * to pick among repeats. Returns null when the quote is absent.
 */
export function locateQuote(
  text: string,
  exact: string,
  prefix = '',
  suffix = '',
): { start: number; end: number } | null {
  let best: { start: number; score: number } | null = null
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const before = text.slice(Math.max(0, at - prefix.length), at)
    const after = text.slice(at + exact.length, at + exact.length + suffix.length)
    const score = commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix)
    if (!best || score > best.score) best = { start: at, score }
  }
  return best ? { start: best.start, end: best.start + exact.length } : null
}

/** True when the position selector still covers exactly the quoted text. */
export function positionStillMatches(text: string, target: AnnotationTarget): boolean {
  const { start, end } = target.position
  return end <= text.length && text.slice(start, end) === target.quote.exact
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

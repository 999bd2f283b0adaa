/**
 * Anchoring of quotes in a source's normalized text (W3C TextQuote + TextPosition
 * selectors). Pure, shared by main and renderer. The fuzzy matcher is passed in
 * (main hands over approx-string-match) so this module keeps to the shared layer's
 * one dependency.
 */
import type { AnchorState, AnnotationTarget } from './model'

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
  const best = bestExactOccurrence(text, exact, prefix, suffix, 0, text.length, null)
  return best ? { start: best.start, end: best.start + exact.length } : null
}

/** True when the position selector still covers exactly the quoted text. */
export function positionStillMatches(text: string, target: AnnotationTarget): boolean {
  const { start, end } = target.position
  return end <= text.length && text.slice(start, end) === target.quote.exact
}

// ---------------------------------------------------------------- edits

/**
 * The one region an edit changed: old[start, oldEnd) became new[start, newEnd).
 * Everything before `start` and after the ends is identical in both texts.
 */
export interface TextChange {
  start: number
  oldEnd: number
  newEnd: number
}

/** The changed region between two versions (common prefix and suffix); null when equal. */
export function changedRegion(oldText: string, newText: string): TextChange | null {
  if (oldText === newText) return null
  const limit = Math.min(oldText.length, newText.length)
  let start = 0
  while (start < limit && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++
  let tail = 0
  const tailLimit = limit - start
  while (
    tail < tailLimit &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  ) {
    tail++
  }
  return { start, oldEnd: oldText.length - tail, newEnd: newText.length - tail }
}

/**
 * Where an offset of the old text lands in the new one. Offsets inside the changed
 * region are mapped proportionally: a guess, good enough to centre a search window.
 */
export function mapOffset(offset: number, change: TextChange | null): number {
  if (!change || offset <= change.start) return offset
  if (offset >= change.oldEnd) return offset + (change.newEnd - change.oldEnd)
  const oldSpan = change.oldEnd - change.start
  const newSpan = change.newEnd - change.start
  return change.start + Math.round(((offset - change.start) / oldSpan) * newSpan)
}

// ---------------------------------------------------------------- re-anchoring

/** A best-matches search such as approx-string-match's default export. */
export type FuzzyMatcher = (
  text: string,
  pattern: string,
  maxErrors: number,
) => { start: number; end: number; errors: number }[]

export interface ReanchorOptions {
  /** Without a matcher, a quote that is not found verbatim is orphaned. */
  fuzzy?: FuzzyMatcher
  /** The edit that produced `text`, used to predict where each quote went. */
  change?: TextChange | null
  /** Minimum similarity of the quote itself for a fuzzy anchor (0..1). */
  minQuoteSimilarity?: number
  /** Texts up to this length are scanned whole when the window finds no fuzzy match. */
  fullScanLimit?: number
}

export interface Reanchored {
  target: AnnotationTarget
  anchor: AnchorState
}

const DEFAULT_MIN_QUOTE_SIMILARITY = 0.6
const DEFAULT_FULL_SCAN_LIMIT = 256 * 1024
/** Longest quote the fuzzy matcher is asked about; longer ones match on their ends. */
const FUZZY_PATTERN_LIMIT = 1_000
const WEIGHTS = { quote: 0.7, prefix: 0.12, suffix: 0.12, position: 0.06 }

/**
 * Finds a quote again in a text that may have changed:
 * 1. the (edit-mapped) position still holds the quote: exact;
 * 2. the quote is found verbatim elsewhere, context breaking ties: moved;
 * 3. a close match near the expected place, scored on quote, context and position: fuzzy;
 * 4. otherwise orphaned, keeping the old selectors so nothing is lost.
 * A fuzzy anchor keeps the original quote, so it stays fuzzy until someone accepts it.
 */
export function reanchor(
  text: string,
  target: AnnotationTarget,
  options: ReanchorOptions = {},
): Reanchored {
  const { exact, prefix, suffix } = target.quote
  const change = options.change ?? null
  const expectedStart = mapOffset(target.position.start, change)
  const expectedEnd = expectedStart + exact.length

  if (expectedEnd <= text.length && text.startsWith(exact, expectedStart)) {
    return {
      target: describeRange(text, expectedStart, expectedEnd),
      anchor: { state: 'exact' },
    }
  }

  const window = searchWindow(text.length, expectedStart, exact.length)
  const nearby =
    bestExactOccurrence(text, exact, prefix, suffix, window.from, window.to, expectedStart) ??
    bestExactOccurrence(text, exact, prefix, suffix, 0, text.length, expectedStart)
  if (nearby) {
    return {
      target: describeRange(text, nearby.start, nearby.start + exact.length),
      anchor: { state: 'moved' },
    }
  }

  if (options.fuzzy) {
    const minQuote = options.minQuoteSimilarity ?? DEFAULT_MIN_QUOTE_SIMILARITY
    let found = fuzzyMatch(text, target, expectedStart, window, options.fuzzy, minQuote)
    const fullScanLimit = options.fullScanLimit ?? DEFAULT_FULL_SCAN_LIMIT
    if (!found && text.length <= fullScanLimit && (window.from > 0 || window.to < text.length)) {
      found = fuzzyMatch(
        text,
        target,
        expectedStart,
        { from: 0, to: text.length },
        options.fuzzy,
        minQuote,
      )
    }
    if (found) {
      return {
        target: {
          quote: target.quote,
          position: { type: 'TextPositionSelector', start: found.start, end: found.end },
        },
        anchor: { state: 'fuzzy', score: roundScore(found.score) },
      }
    }
  }
  return { target, anchor: { state: 'orphaned' } }
}

/** Re-anchors every target after `oldText` became `newText`, sharing one diff. */
export function reanchorAll(
  oldText: string,
  newText: string,
  targets: readonly AnnotationTarget[],
  options: Omit<ReanchorOptions, 'change'> = {},
): Reanchored[] {
  const change = changedRegion(oldText, newText)
  return targets.map((target) => reanchor(newText, target, { ...options, change }))
}

function searchWindow(
  length: number,
  expectedStart: number,
  quoteLength: number,
): { from: number; to: number } {
  const margin = Math.max(2_000, quoteLength * 2)
  return {
    from: Math.max(0, expectedStart - margin),
    to: Math.min(length, expectedStart + quoteLength + margin),
  }
}

function bestExactOccurrence(
  text: string,
  exact: string,
  prefix: string,
  suffix: string,
  from: number,
  to: number,
  expectedStart: number | null,
): { start: number } | null {
  let best: { start: number; context: number; distance: number } | null = null
  const lastStart = to - exact.length
  for (
    let at = text.indexOf(exact, from);
    at !== -1 && at <= lastStart;
    at = text.indexOf(exact, at + 1)
  ) {
    const before = text.slice(Math.max(0, at - prefix.length), at)
    const after = text.slice(at + exact.length, at + exact.length + suffix.length)
    const context = commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix)
    const distance = expectedStart === null ? 0 : Math.abs(at - expectedStart)
    if (!best || context > best.context || (context === best.context && distance < best.distance)) {
      best = { start: at, context, distance }
    }
  }
  return best
}

function fuzzyMatch(
  text: string,
  target: AnnotationTarget,
  expectedStart: number,
  window: { from: number; to: number },
  matcher: FuzzyMatcher,
  minQuoteSimilarity: number,
): { start: number; end: number; score: number } | null {
  const { exact, prefix, suffix } = target.quote
  const pattern = exact.length > FUZZY_PATTERN_LIMIT ? exact.slice(0, FUZZY_PATTERN_LIMIT) : exact
  const maxErrors = Math.floor(pattern.length * (1 - minQuoteSimilarity))
  if (maxErrors < 1) return null
  const haystack = text.slice(window.from, window.to)
  let best: { start: number; end: number; score: number } | null = null
  for (const match of matcher(haystack, pattern, maxErrors)) {
    let start = window.from + match.start
    let end = window.from + match.end
    if (pattern !== exact) end = Math.min(text.length, start + exact.length)
    start = avoidSplitSurrogate(text, start, -1)
    end = avoidSplitSurrogate(text, end, 1)
    if (end <= start) continue
    const quoteSimilarity = 1 - match.errors / pattern.length
    if (quoteSimilarity < minQuoteSimilarity) continue
    const score =
      WEIGHTS.quote * quoteSimilarity +
      WEIGHTS.prefix *
        contextSimilarity(
          text.slice(Math.max(0, start - prefix.length), start),
          prefix,
          matcher,
          'end',
        ) +
      WEIGHTS.suffix *
        contextSimilarity(text.slice(end, end + suffix.length), suffix, matcher, 'start') +
      WEIGHTS.position *
        (1 - Math.min(1, Math.abs(start - expectedStart) / Math.max(1, text.length)))
    if (!best || score > best.score) best = { start, end, score }
  }
  return best
}

/** How well the text next to a match agrees with the stored context (1 = identical). */
function contextSimilarity(
  actual: string,
  expected: string,
  matcher: FuzzyMatcher,
  anchoredAt: 'start' | 'end',
): number {
  if (expected.length === 0) return 1
  if (actual === expected) return 1
  const exactPart =
    anchoredAt === 'end'
      ? commonSuffixLength(actual, expected)
      : commonPrefixLength(actual, expected)
  const approximate = matcher(actual, expected, expected.length)
  const errors =
    approximate.length > 0 ? Math.min(...approximate.map((m) => m.errors)) : expected.length
  return Math.max(exactPart / expected.length, 1 - errors / expected.length)
}

/** Moves an offset off the middle of a surrogate pair (characters outside the BMP). */
function avoidSplitSurrogate(text: string, offset: number, direction: -1 | 1): number {
  if (offset <= 0 || offset >= text.length) return offset
  const before = text.charCodeAt(offset - 1)
  const after = text.charCodeAt(offset)
  const splits = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
  return splits ? offset + (direction === -1 ? -1 : 1) : offset
}

function roundScore(score: number): number {
  return Math.max(0, Math.min(1, Math.round(score * 1000) / 1000))
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

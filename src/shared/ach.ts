/**
 * Analysis of Competing Hypotheses, scored as PARC ACH 2.0 scores it: each hypothesis
 * collects the inconsistencies of the evidence against it (I = −1, II = −2, everything else
 * 0), each weighted by the evidence's credibility and relevance; the least inconsistent
 * hypothesis ranks first. Also which rows are diagnostic, and which are linchpins (removing
 * or downgrading them changes the leader). Pure, so the matrix view, the report and the
 * bench compute the same numbers.
 */
import type { EvidenceView } from './api/analyses'
import type { AchRating, Relevance } from './model'

export const RATING_LABELS: Readonly<Record<AchRating, string>> = {
  CC: 'Very consistent',
  C: 'Consistent',
  N: 'Neutral',
  I: 'Inconsistent',
  II: 'Very inconsistent',
  NA: 'Not applicable',
}

export const RELEVANCE_LABELS: Readonly<Record<Relevance, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
}

/** Consistent evidence adds nothing: ACH refutes hypotheses, it does not prove them. */
const RATING_VALUE: Readonly<Record<AchRating, 0 | -1 | -2>> = {
  CC: 0,
  C: 0,
  N: 0,
  I: -1,
  II: -2,
  NA: 0,
}

export type WeightBand = 'high' | 'medium' | 'low'

/** PARC's weights for a high, medium and low credibility or relevance. */
export const BAND_WEIGHTS: Readonly<Record<WeightBand, number>> = {
  high: Math.SQRT2,
  medium: 1,
  low: Math.SQRT1_2,
}

/** Admiralty credibility 1–2 weighs high, 3–4 medium, 5–6 (improbable, cannot be judged) low. */
export function credibilityBand(credibility: number): WeightBand {
  return credibility <= 2 ? 'high' : credibility <= 4 ? 'medium' : 'low'
}

/** The rule in words, for the view and the report. */
export const WEIGHT_RULE =
  'Credibility weight from the quote’s Admiralty credibility: 1–2 high (√2), 3–4 medium (1), ' +
  '5–6 low (1/√2). Relevance weight: high √2, medium 1, low 1/√2. Each I counts −1 and each ' +
  'II −2, times both weights; other ratings count 0.'

export const REFUTATION_NOTE =
  'ACH ranks hypotheses by how much evidence argues against them, not by how much supports ' +
  'them: the first is the least refuted, not the proven one.'

/**
 * A score kept exact as (rational + root2·√2) / 4. Every weight is 1, √2 or 1/√2, so every
 * product of two is such a number with integer parts: ties are real ties and no rounding
 * decides a rank.
 */
interface Exact {
  rational: number
  root2: number
}

/** Each band's weight as (a + b·√2) / 2. */
const BAND_HALVES: Readonly<Record<WeightBand, readonly [number, number]>> = {
  high: [0, 2],
  medium: [2, 0],
  low: [0, 1],
}

function weightProduct(credibility: WeightBand, relevance: WeightBand): Exact {
  const [a1, b1] = BAND_HALVES[credibility]
  const [a2, b2] = BAND_HALVES[relevance]
  return { rational: a1 * a2 + 2 * b1 * b2, root2: a1 * b2 + a2 * b1 }
}

/** The sign of x − y, exactly: compares p against −q·√2 through their squares. */
function compareExact(x: Exact, y: Exact): number {
  const p = x.rational - y.rational
  const q = x.root2 - y.root2
  if (p >= 0 && q >= 0) return p + q === 0 ? 0 : 1
  if (p <= 0 && q <= 0) return -1
  // Opposite signs: whichever part is larger in magnitude decides.
  return p * p > 2 * q * q ? Math.sign(p) : Math.sign(q)
}

function toNumber(x: Exact): number {
  return (x.rational + x.root2 * Math.SQRT2) / 4
}

/** One evidence row as the scoring sees it. */
export interface MatrixRow {
  id: string
  /** Admiralty credibility 1–6; null when unknown (the quote was deleted): the row is left out. */
  credibility: number | null
  relevance: Relevance
  /** Ratings by hypothesis id; a hypothesis missing here is not rated yet. */
  ratings: Readonly<Record<string, AchRating | undefined>>
}

export interface Matrix {
  /** The columns, in their order (which breaks ties in the ranking). */
  hypothesisIds: readonly string[]
  rows: readonly MatrixRow[]
}

export interface HypothesisScore {
  hypothesisId: string
  /** The weighted inconsistency score: 0 or below, closer to 0 is better. */
  weighted: number
  /** The plain count of I and II ratings against it. */
  inconsistencies: number
  /** 1 for the least inconsistent; hypotheses with equal scores share a rank. */
  rank: number
  /** Whether another hypothesis has exactly the same weighted score. */
  tied: boolean
}

export interface Scores {
  /** One score per hypothesis, in column order. */
  byHypothesis: HypothesisScore[]
  /** Hypothesis ids, least inconsistent first; ties by fewer inconsistencies, then column order. */
  ranking: string[]
  /** The hypotheses ranked first: more than one when they tie, all of them before any rating. */
  leaders: string[]
  /** Rows that counted: neither excluded nor of unknown credibility. */
  counted: number
}

function rowWeight(row: MatrixRow, credibility: WeightBand | null = null): Exact | null {
  if (row.credibility === null) return null
  return weightProduct(credibility ?? credibilityBand(row.credibility), row.relevance)
}

function addRow(
  totals: Exact[],
  hypothesisIds: readonly string[],
  row: MatrixRow,
  weight: Exact,
  sign: 1 | -1,
) {
  hypothesisIds.forEach((id, i) => {
    const rating = row.ratings[id]
    const value = rating === undefined ? 0 : RATING_VALUE[rating] * sign
    if (value === 0) return
    const total = totals[i]!
    total.rational += value * weight.rational
    total.root2 += value * weight.root2
  })
}

/** The exact totals per hypothesis, over the rows not excluded. */
function exactTotals(matrix: Matrix, excluded: ReadonlySet<string>): Exact[] {
  const totals = matrix.hypothesisIds.map(() => ({ rational: 0, root2: 0 }))
  for (const row of matrix.rows) {
    if (excluded.has(row.id)) continue
    const weight = rowWeight(row)
    if (weight) addRow(totals, matrix.hypothesisIds, row, weight, 1)
  }
  return totals
}

/** Indexes of the highest totals (the least inconsistent). */
function leaderIndexes(totals: readonly Exact[]): number[] {
  let best: number[] = []
  totals.forEach((total, i) => {
    const first = best[0]
    const order = first === undefined ? 1 : compareExact(total, totals[first]!)
    if (order > 0) best = [i]
    else if (order === 0) best.push(i)
  })
  return best
}

/** Scores every hypothesis over the rows not in `excluded` (the analyst's "what if"). */
export function scoreMatrix(matrix: Matrix, excluded: ReadonlySet<string> = new Set()): Scores {
  const { hypothesisIds } = matrix
  const totals = exactTotals(matrix, excluded)
  const inconsistencies = hypothesisIds.map(() => 0)
  let counted = 0
  for (const row of matrix.rows) {
    if (excluded.has(row.id) || row.credibility === null) continue
    counted++
    hypothesisIds.forEach((id, i) => {
      const rating = row.ratings[id]
      if (rating === 'I' || rating === 'II') inconsistencies[i]!++
    })
  }
  const order = hypothesisIds
    .map((_, i) => i)
    .sort(
      (a, b) =>
        compareExact(totals[b]!, totals[a]!) || inconsistencies[a]! - inconsistencies[b]! || a - b,
    )
  const byHypothesis = hypothesisIds.map((hypothesisId, i): HypothesisScore => {
    let better = 0
    let equal = 0
    totals.forEach((other, j) => {
      if (j === i) return
      const c = compareExact(other, totals[i]!)
      if (c > 0) better++
      else if (c === 0) equal++
    })
    return {
      hypothesisId,
      weighted: toNumber(totals[i]!),
      inconsistencies: inconsistencies[i]!,
      rank: better + 1,
      tied: equal > 0,
    }
  })
  return {
    byHypothesis,
    ranking: order.map((i) => hypothesisIds[i]!),
    leaders: leaderIndexes(totals).map((i) => hypothesisIds[i]!),
    counted,
  }
}

/**
 * Diagnostic: the row's ratings differ between hypotheses, so it helps tell them apart.
 * Non-diagnostic: every hypothesis has the same rating (NA included). Unrated: not every
 * hypothesis is rated yet and those that are agree, so it cannot be told yet.
 */
export type Diagnosticity = 'diagnostic' | 'non-diagnostic' | 'unrated'

export function diagnosticity(row: MatrixRow, hypothesisIds: readonly string[]): Diagnosticity {
  let seen: AchRating | undefined
  let complete = true
  for (const id of hypothesisIds) {
    const rating = row.ratings[id]
    if (rating === undefined) complete = false
    else if (seen === undefined) seen = rating
    else if (rating !== seen) return 'diagnostic'
  }
  return complete && seen !== undefined ? 'non-diagnostic' : 'unrated'
}

/** How a linchpin row moves the lead: the hypotheses that would lead instead. */
export interface Linchpin {
  rowId: string
  /** The leaders without this row; absent when removing it changes nothing at the top. */
  removed?: string[]
  /** The leaders with its credibility one band lower (high → medium → low); absent likewise. */
  downgraded?: string[]
}

/** One band lower, or null when it is low already. */
function lowerBand(band: WeightBand): WeightBand | null {
  return band === 'high' ? 'medium' : band === 'medium' ? 'low' : null
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/**
 * For each counted row, whether taking it out, or downgrading its credibility by one band,
 * changes which hypotheses lead; only the rows that do are returned, in row order. Each
 * test is a subtraction from the totals, so all rows together cost rows × hypotheses.
 */
export function findLinchpins(
  matrix: Matrix,
  excluded: ReadonlySet<string> = new Set(),
): Linchpin[] {
  const { hypothesisIds } = matrix
  if (hypothesisIds.length < 2) return []
  const totals = exactTotals(matrix, excluded)
  const leaders = leaderIndexes(totals)
  const linchpins: Linchpin[] = []
  const leadersWith = (row: MatrixRow, replacement: Exact | null, weight: Exact): number[] => {
    const trial = totals.map((t) => ({ ...t }))
    addRow(trial, hypothesisIds, row, weight, -1)
    if (replacement) addRow(trial, hypothesisIds, row, replacement, 1)
    return leaderIndexes(trial)
  }
  for (const row of matrix.rows) {
    if (excluded.has(row.id) || row.credibility === null) continue
    if (!hypothesisIds.some((id) => RATING_VALUE[row.ratings[id] ?? 'N'] !== 0)) continue
    const weight = rowWeight(row)!
    const linchpin: Linchpin = { rowId: row.id }
    const withoutRow = leadersWith(row, null, weight)
    if (!sameSet(withoutRow, leaders)) linchpin.removed = withoutRow.map((i) => hypothesisIds[i]!)
    const lower = lowerBand(credibilityBand(row.credibility))
    if (lower) {
      const downgraded = leadersWith(row, rowWeight(row, lower), weight)
      if (!sameSet(downgraded, leaders)) {
        linchpin.downgraded = downgraded.map((i) => hypothesisIds[i]!)
      }
    }
    if (linchpin.removed || linchpin.downgraded) linchpins.push(linchpin)
  }
  return linchpins
}

/** The credibility a row counts with: its quote's, a note's own, or null for a deleted quote. */
export function rowCredibility(view: EvidenceView): number | null {
  if (view.quote === null) return view.row.credibility ?? null
  return view.quote.status === 'missing' ? null : view.quote.credibility
}

/** An analysis's rows as the scoring sees them. */
export function toMatrix(
  hypotheses: readonly { id: string }[],
  evidence: readonly EvidenceView[],
): Matrix {
  return {
    hypothesisIds: hypotheses.map((h) => h.id),
    rows: evidence.map((view) => toMatrixRow(view)),
  }
}

export function toMatrixRow(view: EvidenceView): MatrixRow {
  const ratings: Record<string, AchRating> = {}
  for (const [id, cell] of Object.entries(view.row.cells)) {
    if (cell.rating !== undefined) ratings[id] = cell.rating
  }
  return {
    id: view.row.id,
    credibility: rowCredibility(view),
    relevance: view.row.relevance,
    ratings,
  }
}

/** A score as printed: two decimals, a true minus sign, and 0 without one. */
export function formatScore(score: number): string {
  const fixed = Math.abs(score).toFixed(2)
  return score < 0 && fixed !== '0.00' ? `−${fixed}` : fixed
}

/** Short column and row names the matrix, the report and the CSV share: H1…, E1…. */
export const hypothesisLabel = (index: number): string => `H${index + 1}`
export const evidenceLabel = (index: number): string => `E${index + 1}`

/** "H2" for the id of an analysis's second hypothesis. */
export function hypothesisNamer(hypotheses: readonly { id: string }[]): (id: string) => string {
  const labels = new Map(hypotheses.map((h, i) => [h.id, hypothesisLabel(i)]))
  return (id) => labels.get(id) ?? '?'
}

/** The ratings with their words, for a legend. */
export const RATING_LEGEND = (Object.keys(RATING_LABELS) as AchRating[])
  .map((rating) => `${rating} ${RATING_LABELS[rating].toLowerCase()}`)
  .join(' · ')

function listed(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`
}

function wouldLead(names: readonly string[]): string {
  return names.length === 1 ? `${names[0]!} would lead` : `${listed(names)} would tie`
}

/** Which hypothesis the matrix favours, in a sentence; `name` gives each one's label. */
export function leadSentence(scores: Scores, name: (hypothesisId: string) => string): string {
  const total = scores.byHypothesis.length
  if (total === 0) return 'No hypotheses yet.'
  if (scores.leaders.length === total) {
    return total === 1
      ? `${name(scores.leaders[0]!)} is the only hypothesis.`
      : 'No hypothesis is ahead: the evidence rated so far weighs equally against all of them.'
  }
  const leaders = scores.leaders.map(name)
  return leaders.length === 1
    ? `${leaders[0]!} is the least inconsistent with the evidence.`
    : `${listed(leaders)} tie as the least inconsistent with the evidence.`
}

/** What taking out or downgrading a linchpin row would do, in a sentence. */
export function linchpinSentence(
  linchpin: Linchpin,
  name: (hypothesisId: string) => string,
): string {
  const parts: string[] = []
  if (linchpin.removed) parts.push(`without it, ${wouldLead(linchpin.removed.map(name))}`)
  if (linchpin.downgraded) {
    parts.push(`one credibility band lower, ${wouldLead(linchpin.downgraded.map(name))}`)
  }
  const text = parts.join('; ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

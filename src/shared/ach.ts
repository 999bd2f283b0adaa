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

/** The sign of x − y for x = (r1, s1) and y = (r2, s2): compares p against −q·√2 by squares. */
function compareParts(r1: number, s1: number, r2: number, s2: number): number {
  const p = r1 - r2
  const q = s1 - s2
  if (p >= 0 && q >= 0) return p + q === 0 ? 0 : 1
  if (p <= 0 && q <= 0) return -1
  // Opposite signs: whichever part is larger in magnitude decides.
  return p * p > 2 * q * q ? Math.sign(p) : Math.sign(q)
}

/** One evidence row as the scoring sees it; treated as immutable (its terms are cached). */
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

/** One band lower, or null when it is low already. */
function lowerBand(band: WeightBand): WeightBand | null {
  return band === 'high' ? 'medium' : band === 'medium' ? 'low' : null
}

/** Exact numbers for every column: the integer parts of each. */
interface Totals {
  rational: Float64Array
  root2: Float64Array
}

/**
 * What a row adds to the totals under one column order. Rating a cell changes one row, so
 * the scores, diagnosticity and linchpins recomputed after it read the other rows' terms
 * from this cache instead of looking their ratings up again (20 × 2,000 cells per keystroke).
 */
interface RowTerms {
  columns: object
  /** By column: −1 for I, −2 for II, 0 otherwise. */
  values: Int8Array
  /** The row's weight; null when it does not count (its credibility is unknown). */
  own: Exact | null
  /** Its weight with its credibility one band lower; null when low already or not counted. */
  downgraded: Exact | null
  /** Whether it counts and holds an I or II: only such a row can move the lead. */
  weighs: boolean
  diagnosticity: Diagnosticity
}

/** Column orders seen, each as one token object, so a cached row's order is checked by identity. */
const columnTokens = new Map<string, object>()

function columnsToken(hypothesisIds: readonly string[]): object {
  const key = hypothesisIds.join('\u0000')
  let token = columnTokens.get(key)
  if (!token) {
    if (columnTokens.size >= 64) columnTokens.clear()
    token = {}
    columnTokens.set(key, token)
  }
  return token
}

const termsCache = new WeakMap<MatrixRow, RowTerms>()

function rowTerms(row: MatrixRow, hypothesisIds: readonly string[], columns: object): RowTerms {
  const cached = termsCache.get(row)
  if (cached?.columns === columns) return cached
  const values = new Int8Array(hypothesisIds.length)
  let anyInconsistent = false
  hypothesisIds.forEach((id, i) => {
    const rating = row.ratings[id]
    const value = rating === undefined ? 0 : RATING_VALUE[rating]
    values[i] = value
    if (value !== 0) anyInconsistent = true
  })
  const band = row.credibility === null ? null : credibilityBand(row.credibility)
  const lower = band === null ? null : lowerBand(band)
  const terms: RowTerms = {
    columns,
    values,
    own: band === null ? null : weightProduct(band, row.relevance),
    downgraded: lower === null ? null : weightProduct(lower, row.relevance),
    weighs: band !== null && anyInconsistent,
    diagnosticity: diagnosticity(row, hypothesisIds),
  }
  termsCache.set(row, terms)
  return terms
}

function matrixTerms(matrix: Matrix): RowTerms[] {
  const columns = columnsToken(matrix.hypothesisIds)
  return matrix.rows.map((row) => rowTerms(row, matrix.hypothesisIds, columns))
}

/** The exact totals per hypothesis, over the rows not excluded. */
function exactTotals(matrix: Matrix, terms: readonly RowTerms[], excluded: ReadonlySet<string>) {
  const n = matrix.hypothesisIds.length
  const totals: Totals = { rational: new Float64Array(n), root2: new Float64Array(n) }
  terms.forEach((row, k) => {
    if (!row.weighs || excluded.has(matrix.rows[k]!.id)) return
    const { rational, root2 } = row.own!
    for (let i = 0; i < n; i++) {
      const value = row.values[i]!
      if (value === 0) continue
      totals.rational[i]! += value * rational
      totals.root2[i]! += value * root2
    }
  })
  return totals
}

/** Writes the indexes of the highest totals (the least inconsistent) into `out`; returns how many. */
function leadersInto(totals: Totals, out: Int32Array): number {
  let count = 0
  for (let i = 0; i < totals.rational.length; i++) {
    const order =
      count === 0
        ? 1
        : compareParts(
            totals.rational[i]!,
            totals.root2[i]!,
            totals.rational[out[0]!]!,
            totals.root2[out[0]!]!,
          )
    if (order > 0) {
      out[0] = i
      count = 1
    } else if (order === 0) out[count++] = i
  }
  return count
}

function leaderIndexes(totals: Totals): number[] {
  const out = new Int32Array(totals.rational.length)
  return Array.from(out.subarray(0, leadersInto(totals, out)))
}

function toScores(
  matrix: Matrix,
  terms: readonly RowTerms[],
  totals: Totals,
  excluded: ReadonlySet<string>,
): Scores {
  const { hypothesisIds } = matrix
  const n = hypothesisIds.length
  const inconsistencies = new Array<number>(n).fill(0)
  let counted = 0
  terms.forEach((row, k) => {
    if (row.own === null || excluded.has(matrix.rows[k]!.id)) return
    counted++
    for (let i = 0; i < n; i++) if (row.values[i] !== 0) inconsistencies[i]!++
  })
  const compare = (a: number, b: number): number =>
    compareParts(totals.rational[a]!, totals.root2[a]!, totals.rational[b]!, totals.root2[b]!)
  const order = hypothesisIds
    .map((_, i) => i)
    .sort((a, b) => compare(b, a) || inconsistencies[a]! - inconsistencies[b]! || a - b)
  const byHypothesis = hypothesisIds.map((hypothesisId, i): HypothesisScore => {
    let better = 0
    let equal = 0
    for (let j = 0; j < n; j++) {
      if (j === i) continue
      const c = compare(j, i)
      if (c > 0) better++
      else if (c === 0) equal++
    }
    return {
      hypothesisId,
      weighted: (totals.rational[i]! + totals.root2[i]! * Math.SQRT2) / 4,
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

/** Scores every hypothesis over the rows not in `excluded` (the analyst's "what if"). */
export function scoreMatrix(matrix: Matrix, excluded: ReadonlySet<string> = new Set()): Scores {
  const terms = matrixTerms(matrix)
  return toScores(matrix, terms, exactTotals(matrix, terms, excluded), excluded)
}

/** How a linchpin row moves the lead: the hypotheses that would lead instead. */
export interface Linchpin {
  rowId: string
  /** The leaders without this row; absent when removing it changes nothing at the top. */
  removed?: string[]
  /** The leaders with its credibility one band lower (high → medium → low); absent likewise. */
  downgraded?: string[]
}

function linchpinsOf(
  matrix: Matrix,
  terms: readonly RowTerms[],
  totals: Totals,
  excluded: ReadonlySet<string>,
): Linchpin[] {
  const { hypothesisIds } = matrix
  const n = hypothesisIds.length
  if (n < 2) return []
  const leaders = new Int32Array(n)
  const leaderCount = leadersInto(totals, leaders)
  const trial: Totals = { rational: new Float64Array(n), root2: new Float64Array(n) }
  const trialLeaders = new Int32Array(n)
  /** The leaders with the row weighed by `weight` instead of its own, or null if unchanged. */
  const leadersWith = (row: RowTerms, weight: Exact | null): string[] | null => {
    // What each of its ratings adds now, and would add instead.
    const rational = (weight?.rational ?? 0) - row.own!.rational
    const root2 = (weight?.root2 ?? 0) - row.own!.root2
    for (let i = 0; i < n; i++) {
      const value = row.values[i]!
      trial.rational[i] = totals.rational[i]! + value * rational
      trial.root2[i] = totals.root2[i]! + value * root2
    }
    const count = leadersInto(trial, trialLeaders)
    let same = count === leaderCount
    for (let i = 0; same && i < count; i++) same = trialLeaders[i] === leaders[i]
    return same
      ? null
      : Array.from(trialLeaders.subarray(0, count), (index) => hypothesisIds[index]!)
  }
  const linchpins: Linchpin[] = []
  terms.forEach((row, k) => {
    const rowId = matrix.rows[k]!.id
    if (!row.weighs || excluded.has(rowId)) return
    const removed = leadersWith(row, null)
    const downgraded = row.downgraded ? leadersWith(row, row.downgraded) : null
    if (removed || downgraded) {
      linchpins.push({
        rowId,
        ...(removed ? { removed } : {}),
        ...(downgraded ? { downgraded } : {}),
      })
    }
  })
  return linchpins
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
  const terms = matrixTerms(matrix)
  return linchpinsOf(matrix, terms, exactTotals(matrix, terms, excluded), excluded)
}

/** Everything the matrix view and the report show, from one pass over the rows. */
export interface MatrixAnalysis {
  scores: Scores
  linchpins: Linchpin[]
  /** By row, in row order. */
  diagnosticity: Diagnosticity[]
}

export function analyseMatrix(
  matrix: Matrix,
  excluded: ReadonlySet<string> = new Set(),
): MatrixAnalysis {
  const terms = matrixTerms(matrix)
  const totals = exactTotals(matrix, terms, excluded)
  return {
    scores: toScores(matrix, terms, totals, excluded),
    linchpins: linchpinsOf(matrix, terms, totals, excluded),
    diagnosticity: terms.map((row) => row.diagnosticity),
  }
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

/** Each view's row, kept while the view is: an unchanged view keeps its cached terms. */
const rowsByView = new WeakMap<EvidenceView, MatrixRow>()

function toMatrixRow(view: EvidenceView): MatrixRow {
  const cached = rowsByView.get(view)
  if (cached) return cached
  const ratings: Record<string, AchRating> = {}
  for (const [id, cell] of Object.entries(view.row.cells)) {
    if (cell.rating !== undefined) ratings[id] = cell.rating
  }
  const row: MatrixRow = {
    id: view.row.id,
    credibility: rowCredibility(view),
    relevance: view.row.relevance,
    ratings,
  }
  rowsByView.set(view, row)
  return row
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

import { describe, expect, it } from 'vitest'
import {
  analyseMatrix,
  credibilityBand,
  diagnosticity,
  findLinchpins,
  scoreMatrix,
  type Matrix,
  type MatrixRow,
} from './ach'
import type { AchRating, Relevance } from './model'

const H = ['h1', 'h2', 'h3']
const SQRT2 = Math.SQRT2

function row(
  id: string,
  credibility: number | null,
  relevance: Relevance,
  ratings: (AchRating | undefined)[],
  hypotheses: readonly string[] = H,
): MatrixRow {
  return {
    id,
    credibility,
    relevance,
    ratings: Object.fromEntries(
      hypotheses.flatMap((h, i) => (ratings[i] === undefined ? [] : [[h, ratings[i]]])),
    ),
  }
}

/**
 * Worked by hand. Weight = credibility weight × relevance weight:
 *   e1  B2 → high √2,  relevance high √2  → 2      C   I   II  → h2 −2, h3 −4
 *   e2  3  → medium 1, relevance medium 1 → 1      I   N   NA  → h1 −1
 *   e3  5  → low 1/√2, relevance high √2  → 1      II  C   C   → h1 −2
 *   e4  4  → medium 1, relevance low 1/√2 → 1/√2   C   C   C   (non-diagnostic)
 *   e5  deleted quote (credibility unknown): left out, though it says II against h2
 * Totals: h1 −3, h2 −2, h3 −4. Inconsistencies: h1 2, h2 1, h3 1.
 */
const WORKED: Matrix = {
  hypothesisIds: H,
  rows: [
    row('e1', 2, 'high', ['C', 'I', 'II']),
    row('e2', 3, 'medium', ['I', 'N', 'NA']),
    row('e3', 5, 'high', ['II', 'C', 'C']),
    row('e4', 4, 'low', ['C', 'C', 'C']),
    row('e5', null, 'high', ['C', 'II', 'C']),
  ],
}

describe('credibility bands', () => {
  it('maps Admiralty 1–2 to high, 3–4 to medium, 5–6 to low', () => {
    expect([1, 2, 3, 4, 5, 6].map(credibilityBand)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
    ])
  })
})

describe('scoreMatrix', () => {
  it('sums I = −1 and II = −2 times both weights, per hypothesis', () => {
    const scores = scoreMatrix(WORKED)
    expect(scores.byHypothesis.map((s) => s.hypothesisId)).toEqual(H)
    expect(scores.byHypothesis[0]!.weighted).toBeCloseTo(-3, 12)
    expect(scores.byHypothesis[1]!.weighted).toBeCloseTo(-2, 12)
    expect(scores.byHypothesis[2]!.weighted).toBeCloseTo(-4, 12)
    expect(scores.byHypothesis.map((s) => s.inconsistencies)).toEqual([2, 1, 1])
  })

  it('ranks the least inconsistent first', () => {
    const scores = scoreMatrix(WORKED)
    expect(scores.ranking).toEqual(['h2', 'h1', 'h3'])
    expect(scores.byHypothesis.map((s) => s.rank)).toEqual([2, 1, 3])
    expect(scores.leaders).toEqual(['h2'])
    expect(scores.byHypothesis.some((s) => s.tied)).toBe(false)
  })

  it('counts NA, N, C and CC as nothing and leaves out rows of unknown credibility', () => {
    const scores = scoreMatrix(WORKED)
    // e2's NA on h3 and e5's II on h2 (deleted quote) are not counted.
    expect(scores.byHypothesis[2]!.inconsistencies).toBe(1)
    expect(scores.byHypothesis[1]!.inconsistencies).toBe(1)
    expect(scores.counted).toBe(4)
  })

  it('scores only the rows left in by a "what if"', () => {
    const scores = scoreMatrix(WORKED, new Set(['e3']))
    expect(scores.byHypothesis.map((s) => s.weighted)).toEqual([-1, -2, -4])
    expect(scores.leaders).toEqual(['h1'])
    expect(scores.counted).toBe(3)
  })

  it('weighs a low relevance by 1/√2 and a low credibility by 1/√2', () => {
    const scores = scoreMatrix({
      hypothesisIds: ['a', 'b'],
      rows: [row('x', 6, 'low', ['II', 'I'], ['a', 'b'])],
    })
    expect(scores.byHypothesis[0]!.weighted).toBeCloseTo(-1, 12)
    expect(scores.byHypothesis[1]!.weighted).toBeCloseTo(-0.5, 12)
  })

  it('ties equal scores exactly, even where floating-point sums disagree', () => {
    // a: 1/√2 + 1/2 + 1/√2, b: √2 + 1/2. Equal, but summed as doubles they differ in the
    // last bit (1.914213562373095 against 1.9142135623730951).
    const ab = ['a', 'b']
    const matrix: Matrix = {
      hypothesisIds: ab,
      rows: [
        row('r1', 5, 'medium', ['I', undefined], ab),
        row('r2', 5, 'low', ['I', 'I'], ab),
        row('r3', 5, 'medium', ['I', undefined], ab),
        row('r4', 1, 'medium', [undefined, 'I'], ab),
      ],
    }
    const floatA = Math.SQRT1_2 + 0.5 + Math.SQRT1_2
    const floatB = SQRT2 + 0.5
    expect(floatA).not.toBe(floatB)
    const scores = scoreMatrix(matrix)
    expect(scores.byHypothesis.map((s) => s.rank)).toEqual([1, 1])
    expect(scores.byHypothesis.every((s) => s.tied)).toBe(true)
    expect(scores.leaders).toEqual(['a', 'b'])
    // Inside a tie, fewer inconsistencies come first: b has 2, a has 3.
    expect(scores.ranking).toEqual(['b', 'a'])
  })

  it('puts every hypothesis first before anything is rated, in column order', () => {
    const scores = scoreMatrix({ hypothesisIds: H, rows: [] })
    expect(scores.leaders).toEqual(H)
    expect(scores.ranking).toEqual(H)
    expect(scores.byHypothesis.map((s) => [s.weighted, s.rank, s.tied])).toEqual([
      [0, 1, true],
      [0, 1, true],
      [0, 1, true],
    ])
  })

  it('shares a rank between tied hypotheses and skips the next (1, 1, 3)', () => {
    const scores = scoreMatrix({
      hypothesisIds: H,
      rows: [row('r', 3, 'medium', ['N', 'N', 'I'])],
    })
    expect(scores.byHypothesis.map((s) => s.rank)).toEqual([1, 1, 3])
  })
})

describe('diagnosticity', () => {
  const of = (ratings: (AchRating | undefined)[]) =>
    diagnosticity(row('r', 3, 'medium', ratings), H)

  it('is non-diagnostic when every hypothesis has the same rating', () => {
    expect(of(['C', 'C', 'C'])).toBe('non-diagnostic')
    expect(of(['NA', 'NA', 'NA'])).toBe('non-diagnostic')
    expect(of(['II', 'II', 'II'])).toBe('non-diagnostic')
  })

  it('is diagnostic as soon as two ratings differ, rated or not', () => {
    expect(of(['C', 'I', 'C'])).toBe('diagnostic')
    expect(of(['CC', 'C', 'C'])).toBe('diagnostic')
    expect(of(['C', undefined, 'NA'])).toBe('diagnostic')
  })

  it('cannot be told while unrated hypotheses remain and the rated ones agree', () => {
    expect(of([undefined, undefined, undefined])).toBe('unrated')
    expect(of(['C', undefined, 'C'])).toBe('unrated')
  })

  it('marks the worked example’s e4 alone as non-diagnostic', () => {
    expect(WORKED.rows.map((r) => diagnosticity(r, H))).toEqual([
      'diagnostic',
      'diagnostic',
      'diagnostic',
      'non-diagnostic',
      'diagnostic',
    ])
  })
})

describe('findLinchpins', () => {
  it('flags the rows whose removal changes the leader, with who would lead instead', () => {
    // Without e1: h1 −3, h2 0, h3 0 → h2 and h3 tie. Without e2: h1 −2 ties h2.
    // Without e3: h1 −1 leads. e4 has no inconsistency; e5 does not count.
    expect(findLinchpins(WORKED)).toEqual([
      { rowId: 'e1', removed: ['h2', 'h3'] },
      { rowId: 'e2', removed: ['h1', 'h2'] },
      { rowId: 'e3', removed: ['h1'] },
    ])
  })

  it('flags a row whose credibility, one band lower, changes the leader', () => {
    // a: B1 (high) × medium → √2 against x. b: 3 (medium) × medium → 1 against y. y leads.
    // a one band lower: 1 against x, x and y tie. b one band lower: y still leads.
    // Without a: x leads; without b: y still leads.
    const xy = ['x', 'y']
    const matrix: Matrix = {
      hypothesisIds: xy,
      rows: [row('a', 1, 'medium', ['I', 'C'], xy), row('b', 3, 'medium', ['C', 'I'], xy)],
    }
    expect(scoreMatrix(matrix).leaders).toEqual(['y'])
    expect(findLinchpins(matrix)).toEqual([{ rowId: 'a', removed: ['x'], downgraded: ['x', 'y'] }])
  })

  it('tests only the rows still in', () => {
    // Without e3, h1 −1 leads h2 −2. Without e1: h1 −1, h2 0, h3 0 → h2 and h3 lead.
    // e1 one band lower (√2): h2 −√2, so h1 still leads. Without e2 h1 still leads, at 0.
    expect(findLinchpins(WORKED, new Set(['e3']))).toEqual([{ rowId: 'e1', removed: ['h2', 'h3'] }])
  })

  it('finds none with fewer than two hypotheses', () => {
    expect(
      findLinchpins({ hypothesisIds: ['only'], rows: [row('r', 1, 'high', ['II'], ['only'])] }),
    ).toEqual([])
  })
})

describe('analyseMatrix', () => {
  it('gives what scoreMatrix, findLinchpins and diagnosticity give, in one pass', () => {
    const excluded = new Set(['e4'])
    expect(analyseMatrix(WORKED, excluded)).toEqual({
      scores: scoreMatrix(WORKED, excluded),
      linchpins: findLinchpins(WORKED, excluded),
      diagnosticity: WORKED.rows.map((r) => diagnosticity(r, H)),
    })
  })

  it('scores the same row objects afresh when the columns are reordered or removed', () => {
    // Rows keep their terms between calls; a new column order must not read stale ones.
    expect(scoreMatrix(WORKED).byHypothesis.map((s) => s.weighted)).toEqual([-3, -2, -4])
    const reversed = scoreMatrix({ hypothesisIds: ['h3', 'h2', 'h1'], rows: WORKED.rows })
    expect(reversed.byHypothesis.map((s) => [s.hypothesisId, s.weighted])).toEqual([
      ['h3', -4],
      ['h2', -2],
      ['h1', -3],
    ])
    const twoColumns = analyseMatrix({ hypothesisIds: ['h1', 'h3'], rows: WORKED.rows })
    expect(twoColumns.scores.leaders).toEqual(['h1'])
    expect(twoColumns.diagnosticity[3]).toBe('non-diagnostic')
  })
})

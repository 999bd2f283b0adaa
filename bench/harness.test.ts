import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext } from './context'
import { line, median, target } from './measure'
import { storeSuite } from './suites/store'
import { renderTable, verdict } from './table'
import type { BenchContext, Measurement } from './types'

describe('the bench table', () => {
  it('judges a figure or its ratio against the target', () => {
    const fast = line({ name: 'a', unit: 'ms', value: 3, floor: { name: 'f', value: 2 } })
    expect(fast.ratio).toBe(1.5)
    expect(verdict({ ...fast, target: target.ratioAtMost(2) })).toBe('pass')
    expect(verdict({ ...fast, target: target.ratioAtMost(1.2) })).toBe('MISSED')
    expect(verdict({ ...fast, target: target.atMost(3) })).toBe('pass')
    expect(verdict({ ...fast, target: target.atMost(2.9) })).toBe('MISSED')
    expect(verdict(fast)).toBe('')
    expect(verdict({ name: 'b', unit: 'ms', value: 1, target: target.ratioAtMost(2) })).toBe(
      'MISSED',
    )
  })

  it('prints one aligned table with the floor, ratio, target and result, and numbered notes', () => {
    const rows: { suite: string; measurement: Measurement }[] = [
      {
        suite: 'store',
        measurement: {
          ...line({ name: 'open', unit: 'ms', value: 420, floor: { name: 'parse', value: 200 } }),
          target: target.ratioAtMost(2),
          note: 'why it is slow',
        },
      },
      { suite: 'store', measurement: { name: 'writes', unit: 'count', value: 1 } },
    ]
    const lines = renderTable(rows).split('\n')
    expect(lines[0]).toMatch(
      /^name +\| value \| unit +\| floor \(name = value\) \| ratio \| target \| result$/,
    )
    expect(lines[2]).toContain('store: open [1]')
    expect(lines[2]).toContain('parse = 200')
    expect(lines[2]).toContain('2.10×')
    expect(lines[2]).toContain('≤ 2×')
    expect(lines[2]).toContain('MISSED')
    expect(lines[2]!.indexOf('|')).toBe(lines[3]!.indexOf('|'))
    expect(lines.at(-1)).toBe('[1] why it is slow')
  })

  it('takes the median', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })
})

// Keeps the harness from rotting: the real store suite, once, on the small preset. Only
// the shape of its answer is checked; how fast this machine is never fails a test.
describe('a quick store suite on the small preset', () => {
  let ctx: BenchContext
  let dispose: () => Promise<void>
  beforeAll(async () => {
    ;({ ctx, dispose } = await createContext({ quick: true, runs: 1, log: () => undefined }))
  })
  afterAll(() => dispose())

  it('measures every figure with its floor and target', async () => {
    const measurements = await storeSuite.run(ctx)
    expect(measurements.map((m) => m.name)).toEqual([
      'open small project → ready store (reopen: the snapshot has a receipt)',
      'open small project → integrity verdict (reopen)',
      'longest main-thread stall while opening (small, reopen)',
      'open small project → ready store (first open: no receipt)',
      'open small project → integrity verdict (first open)',
      'longest main-thread stall while opening (small, first open)',
      'one edit acknowledged (entities.update, small)',
      'one batch on disk (append + fdatasync, small)',
      'longest main-thread stall, 100 edits 10 ms apart, compaction included (small)',
      'compaction of small in the worker',
      'longest main-thread stall during compaction (small)',
    ])
    for (const m of measurements) {
      expect(Number.isFinite(m.value) && m.value >= 0, m.name).toBe(true)
      expect(m.target ?? m.floor, m.name).toBeDefined()
      if (m.floor) expect(m.ratio, m.name).toBeCloseTo(m.value / m.floor.value)
    }
  }, 60_000)
})

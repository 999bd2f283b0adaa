import { describe, expect, it } from 'vitest'
import { seededRandom } from './random'

const take = (next: () => number, count: number): number[] => Array.from({ length: count }, next)

describe('seededRandom', () => {
  it('gives the published mulberry32 sequence, so seeded data never drifts', () => {
    expect(take(seededRandom(0), 3)).toEqual([
      0.26642920868471265, 0.0003297457005828619, 0.2232720274478197,
    ])
    expect(take(seededRandom(1), 3)).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ])
    expect(take(seededRandom(42), 3)).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099,
    ])
  })

  it('repeats for a seed, differs between seeds, and takes seeds mod 2^32', () => {
    expect(take(seededRandom(7), 50)).toEqual(take(seededRandom(7), 50))
    expect(take(seededRandom(7), 50)).not.toEqual(take(seededRandom(8), 50))
    expect(take(seededRandom(2 ** 32 + 5), 5)).toEqual(take(seededRandom(5), 5))
    expect(take(seededRandom(-1), 5)).toEqual(take(seededRandom(2 ** 32 - 1), 5))
  })

  it('stays in [0, 1) and spreads evenly', () => {
    const next = seededRandom(123)
    const buckets = new Array<number>(10).fill(0)
    let outside = 0
    for (let i = 0; i < 100_000; i++) {
      const value = next()
      if (value < 0 || value >= 1) outside++
      else buckets[Math.floor(value * 10)]!++
    }
    expect(outside).toBe(0)
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500)
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import { costText, expectedPaintMs, recordPaint } from './draw-cost'

const store = new Map<string, string>()
beforeEach(() => {
  store.clear()
  Object.assign(globalThis, {
    localStorage: {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => store.set(key, value),
    },
  })
})

describe('the expected cost of drawing', () => {
  it('grows with the elements, from the bench rate until a paint here teaches another', () => {
    const before = expectedPaintMs(25_000)
    expect(before).toBeGreaterThan(expectedPaintMs(5_000))
    recordPaint(25_000, 10_080)
    expect(expectedPaintMs(25_000)).toBeCloseTo(10_080, 0)
    expect(expectedPaintMs(5_000)).toBeCloseTo(80 + 5_000 * 0.4, 0)
  })

  it('learns nothing from a small paint, whose time is mostly fixed cost', () => {
    const before = expectedPaintMs(25_000)
    recordPaint(200, 900)
    expect(expectedPaintMs(25_000)).toBe(before)
  })

  it('says the cost in words', () => {
    expect(costText(400)).toBe('under a second')
    expect(costText(3_240)).toBe('about 3.2 s')
    expect(costText(14_600)).toBe('about 15 s')
  })
})

import { scaleUtc } from 'd3-scale'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chartColours, drawTimeline, GUTTER } from './chart-draw'

/** A canvas context that keeps the colour each rectangle was filled with. */
function recordingContext(): { ctx: CanvasRenderingContext2D; fills: string[] } {
  const fills: string[] = []
  const state: Record<string, unknown> = {}
  const ctx = new Proxy(state, {
    get(target, name) {
      if (name in target) return target[name as string]
      if (name === 'fillRect') return () => fills.push(String(target['fillStyle']))
      return () => undefined
    },
    set(target, name, value) {
      target[name as string] = value
      return true
    },
  })
  return { ctx: ctx as unknown as CanvasRenderingContext2D, fills }
}

const TOKENS: Record<string, string> = {
  '--panel': '#1c2128',
  '--panel-2': '#232a33',
  '--hover': '#2a323d',
  '--line': '#343c47',
  '--ink': '#e6e9ee',
  '--muted': '#a3adba',
  '--warning-bg': '#3a2f14',
  '--warning-line': '#9c7a1e',
}

describe('the timeline canvas', () => {
  const realPath2D = (globalThis as { Path2D?: unknown }).Path2D
  beforeAll(() => {
    ;(globalThis as { Path2D?: unknown }).Path2D = class {
      moveTo(): void {}
      lineTo(): void {}
      rect(): void {}
      arc(): void {}
      closePath(): void {}
    }
  })
  afterAll(() => {
    ;(globalThis as { Path2D?: unknown }).Path2D = realPath2D
  })

  it('paints its background, gutter and range from the theme’s tokens, not fixed light colours', () => {
    const { ctx, fills } = recordingContext()
    const x = scaleUtc()
      .domain([new Date('2021-01-01'), new Date('2022-01-01')])
      .range([GUTTER + 10, 790])
    drawTimeline(ctx, {
      lanes: [{ id: 'grp-nff', name: 'National Freedom Front', placed: [] }],
      x,
      width: 800,
      height: 300,
      scrollTop: 0,
      selectedKey: null,
      range: { from: Date.parse('2021-03-01'), to: Date.parse('2021-06-01') },
      colours: chartColours((name) => TOKENS[name]!),
    })
    expect(fills.length).toBeGreaterThan(0)
    expect(fills.every((colour) => Object.values(TOKENS).includes(colour))).toBe(true)
    expect(fills[0]).toBe('#1c2128')
    expect(fills).toContain('#232a33')
    expect(fills).toContain('#3a2f14')
  })
})

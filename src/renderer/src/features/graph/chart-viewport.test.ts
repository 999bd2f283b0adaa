import { describe, expect, it } from 'vitest'
import { framing } from './chart-viewport'

const limits = { minZoom: 0.02, maxZoom: 4 }

describe('framing', () => {
  it('centres the box and zooms it to fill the view within the padding', () => {
    const frame = framing({ x1: 0, y1: 0, x2: 200, y2: 100 }, { width: 460, height: 460 }, limits)
    // 400 px of room across for 200 units, 400 down for 100: the narrower fit wins.
    expect(frame?.zoom).toBe(2)
    // The box's centre (100, 50) lands in the view's centre (230, 230).
    expect(frame?.pan).toEqual({ x: 230 - 2 * 100, y: 230 - 2 * 50 })
  })

  it('keeps within the zoom limits', () => {
    const tiny = framing({ x1: 5, y1: 5, x2: 6, y2: 6 }, { width: 500, height: 500 }, limits)
    expect(tiny?.zoom).toBe(4)
    const huge = framing({ x1: 0, y1: 0, x2: 1e7, y2: 1e7 }, { width: 500, height: 500 }, limits)
    expect(huge?.zoom).toBe(0.02)
  })

  it('frames a single point (a box without width or height) at the most zoom allowed', () => {
    const frame = framing({ x1: 10, y1: 10, x2: 10, y2: 10 }, { width: 300, height: 200 }, limits)
    expect(frame).toEqual({ zoom: 4, pan: { x: 150 - 40, y: 100 - 40 } })
  })

  it('frames nothing in a view too small for its padding', () => {
    expect(framing({ x1: 0, y1: 0, x2: 10, y2: 10 }, { width: 60, height: 400 }, limits)).toBeNull()
    expect(framing({ x1: 0, y1: 0, x2: 10, y2: 10 }, { width: 400, height: 0 }, limits)).toBeNull()
  })
})

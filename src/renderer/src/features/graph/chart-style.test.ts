import { describe, expect, it } from 'vitest'
import { labelSizesFor, READABLE_LABELS_UP_TO } from './chart-style'

describe('labelSizesFor', () => {
  it('holds a readable screen size for a small graph framed at a low zoom', () => {
    const sizes = labelSizesFor(0.55, 40)
    // On screen: graph size × zoom.
    expect(sizes.node * 0.55).toBeCloseTo(13, 5)
    expect(sizes.edge * 0.55).toBeCloseTo(11, 5)
  })

  it('follows the zoom for a larger graph, and never shrinks below the base size', () => {
    expect(labelSizesFor(0.3, READABLE_LABELS_UP_TO + 1)).toEqual({ node: 12, edge: 10 })
    expect(labelSizesFor(2, 10)).toEqual({ node: 12, edge: 10 })
  })

  it('caps the growth so a far zoom-out does not paint giant labels', () => {
    expect(labelSizesFor(0.02, 10)).toEqual({ node: 48, edge: 40 })
  })
})

import { describe, expect, it } from 'vitest'
import { previewDelay } from './use-preview-pane'

describe('previewDelay', () => {
  it('waits 150 ms in a short note and longer in a long one, never over 400 ms', () => {
    expect(previewDelay(0)).toBe(150)
    expect(previewDelay(50_000)).toBe(150)
    expect(previewDelay(125_000)).toBe(250)
    expect(previewDelay(5_000_000)).toBe(400)
  })
})

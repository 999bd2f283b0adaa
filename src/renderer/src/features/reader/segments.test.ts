import { describe, expect, it } from 'vitest'
import {
  blockSegments,
  MAX_BLOCK_LENGTH,
  pageOf,
  spansByBlock,
  textBlocks,
  trimRange,
} from './segments'

describe('textBlocks', () => {
  it('cuts paragraphs, drops empty lines and covers every character of each line', () => {
    const text = 'First para.\n\nSecond para.\nThird.'
    const blocks = textBlocks(text, [0, 13])
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual([
      'First para.',
      'Second para.',
      'Third.',
    ])
    expect(blocks.map((b) => b.page)).toEqual([1, 2, undefined])
  })

  it('splits a long paragraph at spaces, never inside a surrogate pair', () => {
    const text = `${'word '.repeat(1_000)}${'𝕹'.repeat(1_500)}`
    const blocks = textBlocks(text)
    expect(blocks.length).toBeGreaterThan(2)
    expect(blocks.map((b) => text.slice(b.start, b.end)).join('')).toBe(text)
    for (const b of blocks) {
      expect(b.end - b.start).toBeLessThanOrEqual(MAX_BLOCK_LENGTH)
      expect(text.slice(b.start, b.end)).toBe(text.slice(b.start, b.end).normalize())
      expect(() => encodeURIComponent(text.slice(b.start, b.end))).not.toThrow()
    }
  })
})

describe('blockSegments', () => {
  it('nests overlapping highlights, outermost first', () => {
    const spans = [
      { id: 'long', start: 2, end: 12 },
      { id: 'short', start: 5, end: 8 },
      { id: 'tail', start: 10, end: 22 },
    ]
    expect(blockSegments(0, 15, spans)).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ['long'] },
      { start: 5, end: 8, ids: ['long', 'short'] },
      { start: 8, end: 10, ids: ['long'] },
      { start: 10, end: 12, ids: ['tail', 'long'] },
      { start: 12, end: 15, ids: ['tail'] },
    ])
  })

  it('groups spans by the blocks they touch', () => {
    const blocks = [
      { start: 0, end: 10 },
      { start: 11, end: 20 },
      { start: 21, end: 30 },
    ]
    const grouped = spansByBlock(blocks, [
      { id: 'b', start: 5, end: 25 },
      { id: 'a', start: 1, end: 3 },
    ])
    expect(grouped.map((g) => g.map((s) => s.id))).toEqual([['a', 'b'], ['b'], ['b']])
  })
})

describe('helpers', () => {
  it('finds the page of an offset and trims a selection', () => {
    expect(pageOf(5, [0, 10, 20])).toBe(1)
    expect(pageOf(10, [0, 10, 20])).toBe(2)
    expect(pageOf(5, undefined)).toBeNull()
    expect(trimRange('  a b  ', 0, 7)).toEqual({ start: 2, end: 5 })
  })
})

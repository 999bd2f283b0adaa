import { describe, expect, it } from 'vitest'
import { toUploadPart, uploadPartText } from './upload-parts'

describe('upload parts in shared memory', () => {
  it('give back the very text, a byte a character where every one fits', () => {
    const text = '{"name":"Café ÿ","n":1}'
    const part = toUploadPart(text)
    expect(part.bytes).toBeInstanceOf(SharedArrayBuffer)
    expect(part).toMatchObject({ encoding: 'latin1' })
    expect(part.bytes.byteLength).toBe(text.length)
    expect(uploadPartText(part)).toBe(text)
  })

  it('give back wider text and halves of a pair split between two chunks', () => {
    const text = 'گروه 🌍 end'
    const cut = text.indexOf('🌍') + 1
    const parts = [text.slice(0, cut), text.slice(cut)].map(toUploadPart)
    expect(parts.map((p) => p.encoding)).toEqual(['utf16le', 'utf16le'])
    expect(parts.map(uploadPartText)).toEqual([text.slice(0, cut), text.slice(cut)])
    expect(parts.map(uploadPartText).join('')).toBe(text)
  })
})

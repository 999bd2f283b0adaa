import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createSlicer, sha256Sliced } from './slices'

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

describe('sha256Sliced', () => {
  it('hashes as one update does, also when a slice ends inside a surrogate pair', async () => {
    const chunk = 256 * 1024
    const texts = [
      '',
      'short',
      'a'.repeat(chunk * 2 + 7),
      // U+1F600 takes two UTF-16 units; put its first half at the last place of a slice.
      `${'b'.repeat(chunk - 1)}😀${'c'.repeat(chunk)}😀`,
      'پنجشیر '.repeat(100_000),
    ]
    for (const text of texts) {
      expect(await sha256Sliced(text, createSlicer(undefined, 0))).toBe(sha256(text))
    }
  })
})

import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from './hashing'

describe('sha256Hex', () => {
  it('matches createHash for texts (as UTF-8) and for bytes', async () => {
    for (const text of ['', 'Kabul', 'کابل — ۱۴۰۲', 'x'.repeat(100_000)]) {
      const expected = createHash('sha256').update(text, 'utf8').digest('hex')
      expect(await sha256Hex(text)).toBe(expected)
      expect(await sha256Hex(Buffer.from(text, 'utf8'))).toBe(expected)
    }
  })
})

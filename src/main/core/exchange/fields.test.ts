import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../../shared/text'
import { text } from './fields'

describe('text', () => {
  it('normalizes exactly as the shared normalization does, taking its shortcut only when safe', () => {
    const pieces = fc.constantFrom(
      ' ',
      '  ',
      '\t',
      '\n',
      '\n\n\n',
      '\r\n',
      '\u00a0',
      'e\u0301',
      'é',
      'a',
      'Z',
      '٪',
      '\ufeff',
    )
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 12 }),
        (parts) => {
          const value = parts.join('')
          expect(text(value) ?? '').toBe(normalizeText(value))
        },
      ),
      { numRuns: 2_000 },
    )
  })
})

import { describe, expect, it } from 'vitest'
import { describeRange, locateQuote, positionStillMatches } from './anchoring'

const text = 'The NRF operates in Panjshir. Later, the NRF operates in Andarab too.'

describe('describeRange', () => {
  it('builds W3C quote and position selectors with 32 characters of context', () => {
    const start = text.indexOf('Panjshir')
    const target = describeRange(text, start, start + 'Panjshir'.length)
    expect(target.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Panjshir',
      prefix: 'The NRF operates in ',
      suffix: '. Later, the NRF operates in And',
    })
    expect(target.position).toEqual({ type: 'TextPositionSelector', start, end: start + 8 })
    expect(positionStillMatches(text, target)).toBe(true)
  })

  it('refuses empty and out-of-range selections', () => {
    expect(() => describeRange(text, 5, 5)).toThrow(RangeError)
    expect(() => describeRange(text, -1, 3)).toThrow(RangeError)
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(RangeError)
  })

  it('counts UTF-16 code units, so Arabic script and astral characters slice back exactly', () => {
    const mixed = 'Valley 𝒱 پنجشیر and more'
    const start = mixed.indexOf('پنجشیر')
    const target = describeRange(mixed, start, start + 'پنجشیر'.length)
    expect(mixed.slice(target.position.start, target.position.end)).toBe('پنجشیر')
    expect(target.quote.prefix).toBe('Valley 𝒱 ')
  })
})

describe('locateQuote', () => {
  it('uses prefix and suffix to choose between repeated quotes', () => {
    const second = text.lastIndexOf('the NRF operates in')
    expect(locateQuote(text, 'NRF operates in', 'Later, the ', ' Andarab')).toEqual({
      start: second + 4,
      end: second + 4 + 'NRF operates in'.length,
    })
    expect(locateQuote(text, 'NRF operates in', 'The ', ' Panjshir')?.start).toBe(4)
  })

  it('returns null for a quote that is not there', () => {
    expect(locateQuote(text, 'Kandahar')).toBeNull()
  })
})

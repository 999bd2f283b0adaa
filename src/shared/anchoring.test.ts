import approxSearch from 'approx-string-match'
import { describe, expect, it } from 'vitest'
import {
  changedRegion,
  describeRange,
  locateQuote,
  mapOffset,
  positionStillMatches,
  reanchor,
  reanchorAll,
  type FuzzyMatcher,
} from './anchoring'

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

describe('changedRegion and mapOffset', () => {
  it('finds the single changed region and shifts offsets after it', () => {
    const before = 'alpha beta gamma delta'
    const after = 'alpha BETA-2 gamma delta'
    const change = changedRegion(before, after)
    expect(change).toEqual({ start: 6, oldEnd: 10, newEnd: 12 })
    expect(mapOffset(3, change)).toBe(3)
    expect(mapOffset(before.indexOf('gamma'), change)).toBe(after.indexOf('gamma'))
    expect(changedRegion(before, before)).toBeNull()
  })
})

describe('reanchor', () => {
  const source =
    'Introduction. The National Resistance Front is led by Ahmad Masoud, the son of the commander. ' +
    'It operates in Panjshir and Andarab. The Freedom Front operates in Takhar. ' +
    'Analysts doubt the claims. The NRF operates in Kapisa as well, according to local sources.'
  const quoteOf = (text: string, quote: string, from = 0) => {
    const start = text.indexOf(quote, from)
    return describeRange(text, start, start + quote.length)
  }
  const options = { fuzzy: approxSearch }

  it('keeps an unchanged quote exact', () => {
    const target = quoteOf(source, 'led by Ahmad Masoud')
    expect(reanchor(source, target, options)).toEqual({ target, anchor: { state: 'exact' } })
  })

  it('follows the words after an edit before the quote', () => {
    const target = quoteOf(source, 'It operates in Panjshir and Andarab.')
    const edited = source.replace('Introduction.', 'Introduction, revised by the editor.')
    const [result] = reanchorAll(source, edited, [target], options)
    expect(result?.anchor.state).toBe('exact')
    const { start, end } = result!.target.position
    expect(edited.slice(start, end)).toBe('It operates in Panjshir and Andarab.')
    expect(start).toBeGreaterThan(target.position.start)
  })

  it('leaves a quote before the edit where it was', () => {
    const target = quoteOf(source, 'National Resistance Front')
    const edited = source.replace('Analysts doubt the claims.', 'Analysts accept the claims.')
    const [result] = reanchorAll(source, edited, [target], options)
    expect(result).toEqual({ target, anchor: { state: 'exact' } })
  })

  it('finds a quote whose surroundings were rewritten as moved', () => {
    const target = quoteOf(source, 'Analysts doubt the claims.')
    const edited = 'A new opening paragraph. Analysts doubt the claims. Nothing else remains.'
    const result = reanchor(edited, target, options)
    expect(result.anchor.state).toBe('moved')
    expect(edited.slice(result.target.position.start, result.target.position.end)).toBe(
      'Analysts doubt the claims.',
    )
  })

  it('marks a quote whose words changed as fuzzy, keeping the original quote', () => {
    const target = quoteOf(source, 'It operates in Panjshir and Andarab.')
    const edited = source.replace(
      'It operates in Panjshir and Andarab.',
      'It operates in Panjshir and in Andarab.',
    )
    const [result] = reanchorAll(source, edited, [target], options)
    expect(result?.anchor.state).toBe('fuzzy')
    expect(result?.anchor.score).toBeGreaterThan(0.8)
    expect(result?.anchor.score).toBeLessThan(1)
    expect(result?.target.quote).toEqual(target.quote)
    const { start, end } = result!.target.position
    expect(edited.slice(start, end)).toBe('It operates in Panjshir and in Andarab.')
  })

  it('orphans a quote that is gone, keeping its selectors', () => {
    const target = quoteOf(source, 'Analysts doubt the claims.')
    const edited = source.replace('Analysts doubt the claims. ', '')
    const [result] = reanchorAll(source, edited, [target], options)
    expect(result).toEqual({ target, anchor: { state: 'orphaned' } })
  })

  it('without a fuzzy matcher, a changed quote is orphaned rather than guessed', () => {
    const target = quoteOf(source, 'led by Ahmad Masoud')
    const edited = source.replace('led by Ahmad Masoud', 'headed by Ahmad Masoud')
    expect(reanchor(edited, target).anchor.state).toBe('orphaned')
  })

  it('chooses the right one of two identical quotes, by position and context', () => {
    const repeated =
      'The NRF operates in the north. Later that year, The NRF operates in the north. End.'
    const second = quoteOf(repeated, 'The NRF operates in the north.', 10)
    const first = quoteOf(repeated, 'The NRF operates in the north.')
    expect(second.position.start).toBeGreaterThan(first.position.start)
    const edited = `Preface added. ${repeated}`
    const [a, b] = reanchorAll(repeated, edited, [first, second], options)
    expect(a?.target.position.start).toBe(first.position.start + 15)
    expect(b?.target.position.start).toBe(second.position.start + 15)
    // Without any position to go on, the context alone picks the second occurrence.
    expect(
      locateQuote(repeated, second.quote.exact, second.quote.prefix, second.quote.suffix)?.start,
    ).toBe(second.position.start)
  })

  it('re-anchors characters outside the BMP without splitting a surrogate pair', () => {
    const text = 'Emblem 𝕹𝕽𝕱 of the front, flag 🏳 raised over the valley.'
    const target = quoteOf(text, '𝕹𝕽𝕱 of the front')
    const edited = `😀 ${text}`
    const [moved] = reanchorAll(text, edited, [target], options)
    expect(moved?.anchor.state).toBe('exact')
    expect(edited.slice(moved!.target.position.start, moved!.target.position.end)).toBe(
      '𝕹𝕽𝕱 of the front',
    )
    const changed = edited.replace('𝕹𝕽𝕱 of the front', '𝕹𝕽𝕱 of this front')
    const fuzzy = reanchor(changed, target, options)
    expect(fuzzy.anchor.state).toBe('fuzzy')
    const slice = changed.slice(fuzzy.target.position.start, fuzzy.target.position.end)
    expect(slice).toBe(slice.normalize()) // a lone surrogate would not survive round trips
    expect(slice).toContain('of this front')
    expect(encodeURIComponent(slice)).toBeTruthy() // throws on a lone surrogate
  })

  it('handles Arabic-script text (Dari) edits before and inside a quote', () => {
    const text =
      'گزارش تازه. جبهه مقاومت ملی به رهبری احمد مسعود در پنجشیر فعال است. منابع محلی این را تایید کردند.'
    const target = quoteOf(text, 'جبهه مقاومت ملی به رهبری احمد مسعود')
    const before = `مقدمه: ${text}`
    const [moved] = reanchorAll(text, before, [target], options)
    expect(moved?.anchor.state).toBe('exact')
    expect(before.slice(moved!.target.position.start, moved!.target.position.end)).toBe(
      'جبهه مقاومت ملی به رهبری احمد مسعود',
    )
    const inside = text.replace('به رهبری', 'تحت رهبری')
    const [fuzzy] = reanchorAll(text, inside, [target], options)
    expect(fuzzy?.anchor.state).toBe('fuzzy')
    expect(inside.slice(fuzzy!.target.position.start, fuzzy!.target.position.end)).toBe(
      'جبهه مقاومت ملی تحت رهبری احمد مسعود',
    )
  })

  it('looks for a fuzzy match near the old place first in a long text', () => {
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20_000)
    const quote = 'The Wolf Unit claimed an attack in Kabul'
    const text = `${filler}${quote} on Tuesday. ${filler}`
    const target = quoteOf(text, quote)
    const calls: number[] = []
    const counting: FuzzyMatcher = (haystack, pattern, maxErrors) => {
      calls.push(haystack.length)
      return approxSearch(haystack, pattern, maxErrors)
    }
    const edited = text.replace('claimed an attack', 'claimed one attack')
    const result = reanchor(edited, target, {
      fuzzy: counting,
      change: changedRegion(text, edited),
    })
    expect(result.anchor.state).toBe('fuzzy')
    expect(Math.max(...calls)).toBeLessThan(10_000)
  })
})

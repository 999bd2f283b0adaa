import { describe, expect, it } from 'vitest'
import { foldForMatching, foldWithOffsets, originalRange } from './match-text'

function findOriginal(text: string, name: string): string | null {
  const folded = foldWithOffsets(text)
  const at = folded.text.indexOf(foldForMatching(name))
  if (at === -1) return null
  const { start, end } = originalRange(folded, at, at + foldForMatching(name).length)
  return text.slice(start, end)
}

describe('foldForMatching', () => {
  it('folds case and Latin diacritics', () => {
    expect(foldForMatching('Panjshēr')).toBe('panjsher')
    expect(foldForMatching('ÇAĞLAR Öz')).toBe('caglar oz')
  })

  it('folds the Arabic-script variants of one letter to one form', () => {
    // Arabic kaf and yeh against Persian keheh and yeh.
    expect(foldForMatching('كابل')).toBe(foldForMatching('کابل'))
    expect(foldForMatching('علي')).toBe(foldForMatching('علی'))
    expect(foldForMatching('أحمد')).toBe(foldForMatching('احمد'))
  })

  it('drops harakat, tatweel and zero-width joiners', () => {
    expect(foldForMatching('مُحَمَّد')).toBe(foldForMatching('محمد'))
    expect(foldForMatching('کـابـل')).toBe(foldForMatching('کابل'))
    expect(foldForMatching('جبهه\u200Cی')).toBe(foldForMatching('جبههی'))
  })

  it('reads typographic apostrophes as one', () => {
    expect(foldForMatching('Noori’s')).toBe("noori's")
  })
})

describe('foldWithOffsets', () => {
  it('maps a match in folded text back to the original characters', () => {
    expect(findOriginal('Fighting near PANJSHĒR valley', 'panjsher')).toBe('PANJSHĒR')
    expect(findOriginal('ولایت كـابل امروز', 'کابل')).toBe('كـابل')
  })

  it('keeps decomposed accents with their letter', () => {
    const text = 'Pe\u0301rez and Panjshir'
    expect(findOriginal(text, 'perez')).toBe('Pe\u0301rez')
    expect(findOriginal(text, 'panjshir')).toBe('Panjshir')
  })

  it('maps the end of the text to the end of the original', () => {
    const text = 'ends in Kābul'
    const folded = foldWithOffsets(text)
    expect(folded.text).toBe('ends in kabul')
    expect(originalRange(folded, 8, folded.text.length)).toEqual({ start: 8, end: text.length })
  })

  it('handles characters outside the basic plane', () => {
    const text = '𝐀 Herat'
    expect(findOriginal(text, 'herat')).toBe('Herat')
  })
})

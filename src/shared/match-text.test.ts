import { describe, expect, it } from 'vitest'
import {
  foldForMatching,
  foldWithOffsets,
  latinSpellingKey,
  matchKeys,
  matchWords,
  originalRange,
} from './match-text'

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

describe('latinSpellingKey', () => {
  const key = (word: string) => latinSpellingKey(foldForMatching(word))

  it('gives the transliterations of one name one key', () => {
    for (const spellings of [
      ['Masoud', 'Massoud', "Mas'ud", 'Mas’ud', 'Masood', 'Masud', 'Mas‘ud'],
      ['Dostum', 'Dostom'],
      ['Bamiyan', 'Bamyan', 'Bāmiyān'],
      ['Hilmand', 'Helmand'],
      ['Herat', 'Hirat'],
      ['Qandahar', 'Kandahar'],
    ]) {
      expect(new Set(spellings.map(key)), spellings.join(' / ')).toHaveProperty('size', 1)
    }
  })

  it('keeps names apart that only look alike', () => {
    expect(key('Masoud')).not.toBe(key('Mahmoud'))
    expect(key('Balkh')).not.toBe(key('Badakhshan'))
    expect(key('Herat')).not.toBe(key('Hazara'))
  })

  it('keys a word being typed as a prefix of the whole word', () => {
    for (const typed of ['Ma', 'Mas', 'Maso', 'Masou', 'Massou', 'Mas’u']) {
      expect(key('Massoud').startsWith(key(typed)), typed).toBe(true)
    }
    expect(key('Mohammad')).toBe(key('Muhammad'))
  })

  it('reads a possessive as the name', () => {
    expect(key("Massoud's")).toBe(key('Masood'))
  })

  it('leaves numbers and other scripts as they are', () => {
    expect(latinSpellingKey('2021')).toBe('2021')
    expect(latinSpellingKey('کابل')).toBe('کابل')
  })
})

describe('matchWords', () => {
  it('gives each word its key and its place in the original text', () => {
    const text = 'Ahmad Mas’ud، در كـابل (۱۴۰۲)'
    const words = matchWords(text)
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual([
      'Ahmad',
      'Mas’ud',
      'در',
      'كـابل',
      '۱۴۰۲',
    ])
    expect(words.map((w) => w.key)).toEqual(['ahmad', 'masud', 'در', 'کابل', '1402'])
    expect(matchKeys(text)).toEqual(words.map((w) => w.key))
  })

  it('reads a word broken by a zero-width non-joiner as one word', () => {
    expect(matchKeys('می‌گوید')).toEqual(matchKeys('میگوید'))
    expect(matchKeys('می‌گوید')).toHaveLength(1)
  })
})

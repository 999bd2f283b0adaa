import { describe, expect, it } from 'vitest'
import {
  foldPresentationForms,
  isRightToLeft,
  lettersDrawnJoined,
  lineText,
  visualToLogical,
} from './pdf-lines'

/** Logical text as a printer lays it out left to right: the same reordering, once. */
const visual = (logical: string): string => visualToLogical(logical)

describe('visualToLogical', () => {
  it('reads a right-to-left line from the right, Latin words and numbers kept whole', () => {
    const logical = 'در سال ۱۴۰۲ نماینده UNAMA 2 نیز آمد.'
    expect(visual(logical)).toBe('.دمآ زین UNAMA 2 هدنیامن ۱۴۰۲ لاس رد')
    expect(visualToLogical(visual(logical))).toBe(logical)
  })

  it('keeps two numbers apart that a word separates, and a number with its separators whole', () => {
    expect(visualToLogical('۱۴۰۳ و ۱۴۰۲ زا')).toBe('از ۱۴۰۲ و ۱۴۰۳')
    expect(visualToLogical('12.5 دصرد')).toBe('درصد 12.5')
  })

  it('turns around only the Arabic-script runs of a left-to-right line', () => {
    expect(visualToLogical('The governor of Bamyan, نایماب یلاو, met elders on 12 March.')).toBe(
      'The governor of Bamyan, والی بامیان, met elders on 12 March.',
    )
  })

  it('mirrors brackets that a right-to-left run turned around', () => {
    expect(visualToLogical('(لباک) رهش')).toBe('شهر (کابل)')
  })

  it('leaves text without right-to-left letters alone', () => {
    expect(visualToLogical('Kabul (2021), 3/4')).toBe('Kabul (2021), 3/4')
    expect(isRightToLeft('Kabul کابل ولایت')).toBe(true)
    expect(isRightToLeft('Kabul city کابل')).toBe(false)
  })
})

describe('foldPresentationForms', () => {
  it('folds glyph forms and the lam-alef ligature to letters in reading order', () => {
    // "پنجشیر" as Chromium's glyphs: peh, noon initial, jeem medial, sheen medial, yeh medial, reh final.
    const glyphs = 'پﻨﺠﺸﯿﺮ'
    expect(foldPresentationForms(glyphs, lettersDrawnJoined(glyphs))).toBe('پنجشیر')
    expect(foldPresentationForms('وﻻﯾﺖ', new Set())).toBe('ولایت')
  })

  it('restores the non-joiner a final or isolated form shows inside a word', () => {
    // sheen final before heh initial: "گزارش‌ها".
    expect(foldPresentationForms('ﮔﺰارﺶﻫﺎ', new Set())).toBe('گزارش\u200Cها')
    // A plain yeh on a page that draws yeh's joining forms is its final form: "می‌گوید".
    expect(foldPresentationForms('ﻣیﮔﻮﯾﺪ', new Set(['\u06CC']))).toBe('می\u200Cگوید')
  })

  it('adds nothing to text a printer wrote as plain letters', () => {
    expect(foldPresentationForms('میگوید گزارشها', new Set())).toBe('میگوید گزارشها')
  })
})

describe('lineText', () => {
  it('places items left to right, adds the spaces a printer left as gaps, reads them in order', () => {
    const item = (str: string, x: number, width: number, dir = 'rtl') => ({
      str,
      dir,
      x,
      width,
      height: 10,
    })
    // "کابل شهر" drawn right to left, one glyph an item, no space item between the words.
    const items = [
      item('ﺮ', 0, 5),
      item('ﻬ', 5, 5),
      item('ﺷ', 10, 5),
      item('ﻞ', 25, 5),
      item('ﺑ', 30, 5),
      item('ﺎ', 35, 5),
      item('ک', 40, 5),
    ]
    const text = lineText(items.reverse())
    expect(foldPresentationForms(text, lettersDrawnJoined(text))).toBe('کابل شهر')
  })
})

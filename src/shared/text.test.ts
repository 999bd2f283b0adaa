import { describe, expect, it } from 'vitest'
import { fileNameSlug } from './text'

describe('fileNameSlug', () => {
  it('keeps ASCII letters and digits, folds accents and joins the rest with one dash', () => {
    expect(fileNameSlug('Armed opposition to the Taliban since 2021')).toBe(
      'armed-opposition-to-the-taliban-since-2021',
    )
    expect(fileNameSlug('  Mas’ūd — Panjshir / Andarāb  ')).toBe('mas-ud-panjshir-andarab')
  })

  it('stays within 60 characters and falls back when nothing is left', () => {
    expect(fileNameSlug('x'.repeat(100))).toHaveLength(60)
    expect(fileNameSlug('جبهه مقاومت ملی')).toBe('project')
    expect(fileNameSlug('!!!', 'report')).toBe('report')
  })
})

import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { stripBidiControls } from '../../../shared/bidi'
import { RTL_PAGES, type RtlPage } from '../../../../test/support/rtl-documents'
import { defaultImportContext } from './limits'
import { importPdf } from './pdf'

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'rtl-pdf')

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim()

/**
 * pdftotext's reading: the whole page, or for two columns each half of the page in reading
 * order (its own reading order interleaves right-to-left columns line by line). The A5 page
 * is 420 points wide; the gutter of the fixture's columns is at 218.
 */
function pdftotext(page: RtlPage): string {
  const file = join(FIXTURES, `${page.name}.pdf`)
  const run = (...crop: string[]) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', ...crop, file, '-'], { encoding: 'utf8' })
  if (page.columns === 1) return run()
  const right = ['-x', '218', '-y', '0', '-W', '202', '-H', '595']
  const left = ['-x', '0', '-y', '0', '-W', '218', '-H', '595']
  return page.dir === 'rtl' ? run(...right) + run(...left) : run(...left) + run(...right)
}

/**
 * The same letters in the same order, spaces aside. pdftotext writes the lam-alef ligature
 * (ﻻ) as alef then lam ("والیت" for "ولایت"); that one swap is allowed, nothing else.
 */
function expectSameLetters(ours: string, theirs: string): void {
  const a = ours.replace(/\s+/g, '')
  const b = stripBidiControls(theirs).replace(/\s+/g, '')
  expect(a.length).toBe(b.length)
  let mismatch = ''
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue
    if (a.slice(i, i + 2) === 'لا' && b.slice(i, i + 2) === 'ال') {
      i++
      continue
    }
    mismatch = `at ${i}: "${a.slice(i, i + 12)}" against pdftotext's "${b.slice(i, i + 12)}"`
    break
  }
  expect(mismatch).toBe('')
}

let pdftotextMissing = false
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
} catch {
  pdftotextMissing = true
}

describe('PDF import of Chromium-printed Dari, Pashto and mixed pages', () => {
  it.each(RTL_PAGES.map((page) => [page.name, page] as const))(
    '%s: letters, not glyph forms, in logical order, as typed',
    async (_name, page) => {
      const bytes = readFileSync(join(FIXTURES, `${page.name}.pdf`))
      const { text } = await importPdf(bytes, `${page.name}.pdf`, defaultImportContext())
      expect(text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/)
      expect(collapse(text)).toBe(collapse(page.paragraphs.join(' ')))
    },
  )

  it.skipIf(pdftotextMissing).each(RTL_PAGES.map((page) => [page.name, page] as const))(
    '%s: the same words in the same order as pdftotext reads',
    async (_name, page) => {
      const bytes = readFileSync(join(FIXTURES, `${page.name}.pdf`))
      const { text } = await importPdf(bytes, `${page.name}.pdf`, defaultImportContext())
      expectSameLetters(text, pdftotext(page))
    },
  )

  it('keeps paragraphs apart and joins the lines of one', async () => {
    const bytes = readFileSync(join(FIXTURES, 'dari.pdf'))
    const { text } = await importPdf(bytes, 'dari.pdf', defaultImportContext())
    expect(text.split('\n\n')).toEqual(RTL_PAGES[0]!.paragraphs)
  })
})

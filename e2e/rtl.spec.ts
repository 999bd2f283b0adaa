import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { CiteInNoteDialog } from './pages/CiteInNoteDialog'
import { EvidencePanel } from './pages/EvidencePanel'
import { NotesPage } from './pages/NotesPage'
import { ReaderPage } from './pages/ReaderPage'
import { ReportsPage } from './pages/ReportsPage'
import { SearchBox } from './pages/SearchBox'
import { SourcesPage } from './pages/SourcesPage'
import { joinArabicRuns, pdftotext } from './support/pdf'

const TITLE = 'Panjshir field note'
const ENGLISH = 'A field note from Panjshir, in English and Dari.'
const DARI =
  'جبهه مقاومت ملی در دره پنجشیر فعال است و فرماندهان آن در شمال کابل دیده شدند. مردم محل از حضور آنان خبر دادند.'
const PHRASE = 'فرماندهان آن در شمال کابل دیده شدند'
const NOTE = 'Who was seen north of Kabul'
const REPORT = 'Panjshir brief'

test('annotate a phrase in a Dari paragraph, cite it in a note, and export the report with it in reading order', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(120_000)
  const shell = new AppShell(page)
  const sources = new SourcesPage(page)
  const reader = new ReaderPage(page)
  const notes = new NotesPage(page)
  const reports = new ReportsPage(page)
  await shell.open(app.url)

  // The note the quote will be cited in.
  await shell.goTo('Notes')
  await notes.createNote(NOTE)
  await notes.typeAtEnd('Seen in the north:')
  await notes.waitUntilSaved()

  // A source with an English and a Dari paragraph.
  await shell.goTo('Sources')
  await sources.pasteSource(TITLE, `${ENGLISH}\n\n${DARI}`)
  await sources.openSource(TITLE)

  // Each paragraph reads in the direction of its own text.
  await expect(reader.paragraph(PHRASE)).toBeVisible()
  expect(await reader.paragraphDirection(PHRASE)).toBe('rtl')
  expect(await reader.paragraphDirection(ENGLISH)).toBe('ltr')

  // Select the phrase with the mouse inside the right-to-left paragraph and annotate it.
  await reader.selectWithMouse(PHRASE)
  await reader.annotateButton.click()
  await expect(reader.dialog.getByRole('blockquote')).toHaveText(PHRASE)
  await reader.fillAnnotation({ kind: 'Fact', credibility: '2 — Probably true' })
  // The highlight covers exactly the phrase: its offsets are the text's own.
  await expect(reader.highlight(PHRASE)).toHaveText(PHRASE)

  // Search with an Arabic keyboard's kaf finds the Persian spelling in the quote.
  const search = new SearchBox(page)
  await search.search('كابل')
  await expect(search.hit('Quote', 'کابل')).toBeVisible()
  await search.input.press('Escape')

  // Cite the annotation in the note.
  const quote = reader.annotations.getByRole('listitem').filter({ hasText: 'فرماندهان' })
  await new CiteInNoteDialog(page).cite(quote, NOTE)
  await expect(quote.getByRole('status')).toContainText(`Cited in ${NOTE}`)

  // The report holds the note; its PDF carries the phrase in reading order.
  await shell.goTo('Reports')
  await reports.startNewReport()
  await reports.describe({
    title: REPORT,
    author: 'A. Analyst',
    date: '2026-01-10',
    classification: 'UNCLASSIFIED',
  })
  await reports.addNote(`${NOTE} (1 citations)`)
  await reports.waitUntilSaved()
  await expect(reports.preview.getByText(PHRASE).first()).toBeVisible()
  const download = await reports.exportPdf()
  const pdfPath = testInfo.outputPath('report.pdf')
  await download.saveAs(pdfPath)
  expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe('%PDF-')
  expect(joinArabicRuns(pdftotext(pdfPath))).toContain(joinArabicRuns(PHRASE))
})

test('"Masood" finds Ahmad Massoud, and his panel offers the spellings the sources use as aliases', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const sources = new SourcesPage(page)
  await shell.open(app.url)
  await shell.goTo('Sources')
  await sources.pasteSource(
    'Radio transcript',
    'The radio said Ahmad Masood had left for Dushanbe, and that Ahmad Mas’ud would return.',
  )

  // Search tolerates the transliteration and highlights the name as written.
  const search = new SearchBox(page)
  await search.search('Massoud')
  await expect(search.hit('Text', 'Radio transcript')).toBeVisible()
  await expect(search.hit('Text', 'Radio transcript').locator('mark')).toHaveText('Masood')
  await search.input.press('Escape')

  // The person's panel offers the unlisted spellings; one becomes an alias.
  await page.goto(`${new URL(app.url).origin}/#/people?e=per-ahmad-masoud`)
  const panel = new EvidencePanel(page, 'Ahmad Masoud')
  await expect(panel.otherSpellings.getByRole('listitem')).toHaveText([
    /^Ahmad Mas’ud \(1 time\)/,
    /^Ahmad Masood \(1 time\)/,
  ])
  await panel.addSpellingAsAlias('Ahmad Masood')
  await expect(panel.panel.getByText(/Also known as Ahmad Massoud, Ahmad Masood/)).toBeVisible()
  await expect(panel.otherSpellings.getByRole('listitem')).toHaveText([/^Ahmad Mas’ud/])
})

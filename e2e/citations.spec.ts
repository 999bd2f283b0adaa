import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { CiteInNoteDialog } from './pages/CiteInNoteDialog'
import { NotesPage } from './pages/NotesPage'
import { ReaderPage } from './pages/ReaderPage'
import { ReportsPage } from './pages/ReportsPage'
import { pdftotext } from './support/pdf'

const PASSAGE =
  "Each group's own account of its size and reach deserves caution until another source corroborates it."
const NOTE = 'Self-reported figures'

test('a citation reads as a marker in the preview and the PDF, never as the quote pasted in', async ({
  page,
  app,
}, testInfo) => {
  const shell = new AppShell(page)
  const reader = new ReaderPage(page)
  const notes = new NotesPage(page)
  const cite = new CiteInNoteDialog(page)
  await shell.open(app.url)
  await page.goto(`${new URL(app.url).origin}/#/sources/src-brief`)

  // Select a passage and cite it straight from the adder, in a new note, which opens.
  await reader.selectWithMouse(PASSAGE)
  await cite.citeInNewNote(reader.adder, NOTE)
  await expect(notes.title).toHaveValue(NOTE)
  await notes.expectMarkdown(
    /^\[Each group's own account of its size and reach deserves…\]\(quote:[\w-]+\)/,
  )
  await notes.typeAtEnd(' So the figures below are weighed low.')
  await notes.waitUntilSaved()

  // The preview shows the marker where the citation stands, not the quote's first words.
  await expect(notes.citation(1)).toBeVisible()
  const paragraph = notes.preview.getByRole('paragraph').first()
  await expect(paragraph).toHaveText('[1] So the figures below are weighed low.', {
    useInnerText: true,
  })
  await notes.citation(1).hover()
  await expect(notes.preview.getByRole('tooltip').filter({ hasText: PASSAGE })).toBeVisible()

  // The sample's note, whose link text is the analyst's own words, keeps them before [n].
  await page.goto(`${new URL(app.url).origin}/#/notes`)
  await notes.open('The armed opposition at a glance')
  await expect(notes.preview).toContainText(
    /The brief counts at least 13 groups ?\[1\] since 2021/,
    {
      useInnerText: true,
    },
  )

  // The PDF: the marker, and the quote only in "Sources and evidence".
  const reports = new ReportsPage(page)
  await shell.goTo('Reports')
  await reports.startNewReport()
  await reports.titleInput.fill('Citations as markers')
  await reports.addNote(`${NOTE} (1 citations)`)
  await reports.waitUntilSaved()
  const download = await reports.exportPdf()
  const pdfPath = testInfo.outputPath('citations.pdf')
  await download.saveAs(pdfPath)
  const flat = pdftotext(pdfPath).replace(/\s+/g, ' ')
  expect(flat).toMatch(/\[1\] So the figures below are weighed low\./)
  expect(flat).not.toMatch(/Each group's own account of its size… ?\[1\]/)
  const body = flat.slice(0, flat.indexOf('Sources and evidence'))
  expect(body).not.toContain('Each group')
  expect(flat.slice(flat.indexOf('Sources and evidence'))).toContain('Each group')
})

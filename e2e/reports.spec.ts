import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { ReportsPage } from './pages/ReportsPage'
import { joinArabicRuns, pageContaining, pdftotext } from './support/pdf'

const TITLE = 'Armed opposition to the Taliban: a brief'
const CLASSIFICATION = 'UNCLASSIFIED // FOR TRAINING ONLY'
const GROUPS = [
  'National Resistance Front',
  'National Freedom Front',
  'Resistance Movement for Justice',
  'Free Tigers of Turkistan',
  'Wolf Unit',
]
const SOURCE_TITLE = 'Armed opposition to the Taliban since 2021'
const CLAIM = 'consolidated about 70% of former Afghan security personnel'
const DARI = 'پنجشیر'

test('a report composed from a note, the groups table, the graph and quotes exports to a PDF a reader can check', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(120_000)
  const shell = new AppShell(page)
  const reports = new ReportsPage(page)
  await shell.open(app.url)
  await shell.goTo('Reports')
  await expect(reports.heading).toBeVisible()

  await reports.startNewReport()
  await reports.describe({
    title: TITLE,
    author: 'A. Analyst',
    date: '2025-06-02',
    classification: CLASSIFICATION,
  })
  await reports.addNote('Weighing the NFF’s 70% claim (3 citations)')
  await reports.addEntityTable('group')
  await reports.addGraph()
  await reports.addQuotes(['In Dari the valley'])
  await expect(reports.sections).toHaveCount(4)
  await reports.waitUntilSaved()
  await expect(reports.reportInList(TITLE)).toBeVisible()

  // The live preview shows the same document, in a frame that runs nothing.
  await expect(reports.previewFrame).toHaveAttribute('sandbox', '')
  await expect(reports.preview.getByRole('heading', { level: 1 })).toHaveText(TITLE)
  await expect(reports.preview.getByRole('heading', { name: 'Sources and evidence' })).toBeVisible()
  await expect(reports.preview.getByText(DARI).first()).toBeVisible()

  const download = await reports.exportPdf()
  await expect(reports.exportStatus).toContainText('Exported')
  expect(download.suggestedFilename()).toBe('Armed-opposition-to-the-Taliban-a-brief.pdf')
  const pdfPath = testInfo.outputPath('report.pdf')
  await download.saveAs(pdfPath)
  expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe('%PDF-')

  const text = pdftotext(pdfPath)
  const flat = text.replace(/\s+/g, ' ')
  expect(flat).toContain(TITLE)
  expect(flat).toContain(CLASSIFICATION)
  for (const group of GROUPS) expect(flat, group).toContain(group)
  expect(flat).toContain(CLAIM)
  expect(flat).toContain('Sources and evidence')
  expect(flat).toContain(SOURCE_TITLE)
  // The note cites three quotes, numbered in order; the Dari quote comes fourth.
  for (const n of [1, 2, 3, 4]) expect(flat, `citation [${n}]`).toContain(`[${n}]`)
  expect(flat).not.toContain('[5]')
  expect(flat).toMatch(/Page 1 of \d+/)
  // Arabic script comes out as the same characters, in logical order. pdftotext puts a
  // space wherever shaped glyphs sit apart and wraps the run in embedding marks; neither
  // is a character of the quote.
  expect(joinArabicRuns(text)).toContain(`In Dari the valley is written ${DARI}`)

  // The chart is drawn on the page that carries it: node circles and relation lines.
  const chartPage = pageContaining(pdfPath, 'Link chart')
  expect(chartPage).toBeGreaterThan(0)
  const svg = execFileSync(
    'pdftocairo',
    ['-svg', '-f', String(chartPage), '-l', String(chartPage), pdfPath, '-'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(40)
  expect(flat).toContain('draws support from')

  const png = testInfo.outputPath('report-page-1')
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, png])
  await testInfo.attach('page 1', { path: `${png}.png`, contentType: 'image/png' })

  const markdown = await reports.exportMarkdown()
  const markdownPath = testInfo.outputPath('report.md')
  await markdown.saveAs(markdownPath)
  const md = await readFile(markdownPath, 'utf8')
  expect(md).toContain(`# ${TITLE.replace(':', ':')}`)
  expect(md).toContain('## Sources and evidence')
  expect(md).toContain(DARI)

  const html = await reports.exportHtml()
  const htmlText = await readFile(await html.path(), 'utf8')
  expect(htmlText).toContain('<!doctype html>')
  expect(htmlText).not.toMatch(/<script/i)
})

import { execFileSync } from 'node:child_process'
import { expect, test } from './fixtures'
import { AddToAnalysisDialog } from './pages/AddToAnalysisDialog'
import { AnalysisPage } from './pages/AnalysisPage'
import { AppShell } from './pages/AppShell'
import { ReaderPage } from './pages/ReaderPage'
import { ReportsPage } from './pages/ReportsPage'

const QUESTION = 'Is the NRF still fighting, or only organizing?'
const ORGANIZING = 'Still organizing'
const FIGHTING = 'Fighting a guerrilla war'
const QUOTE = 'continues to run guerrilla operations from mountain strongholds'
const SOURCE_TITLE = 'Armed opposition to the Taliban since 2021'

test('an analysis weighs a quote from the reader, rated by keyboard, and prints to PDF with its citation', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(120_000)
  const shell = new AppShell(page)
  const ach = new AnalysisPage(page)
  const reader = new ReaderPage(page)
  await shell.open(app.url)

  // A new analysis with two hypotheses: before any rating, neither is ahead.
  await shell.goTo('Analyses')
  await expect(ach.listHeading).toBeVisible()
  await ach.startAnalysis(QUESTION)
  await ach.addHypothesis(ORGANIZING)
  await ach.addHypothesis(FIGHTING)
  await expect(ach.ranking).toHaveCount(2)
  await expect(ach.lead).toHaveText(/No hypothesis is ahead/)

  // The quote comes from the reader's annotation panel.
  await page.goto(`${new URL(app.url).origin}/#/sources/src-brief?a=ann-nrf-guerrilla`)
  const quote = reader.annotations.getByRole('listitem').filter({ hasText: QUOTE })
  await new AddToAnalysisDialog(page).add(quote, QUESTION)
  await expect(quote.getByRole('status')).toContainText(`Added to ${QUESTION}`)
  await quote.getByRole('link', { name: QUESTION }).click()
  await expect(ach.question).toHaveText(QUESTION)

  // Rated by keyboard: "ii" against organizing, "c" for fighting. The ranking turns.
  await ach.rateByKeyboard(QUOTE, `H1 ${ORGANIZING}`, 'ii')
  await expect(await ach.ratingCell(QUOTE, `H1 ${ORGANIZING}`)).toHaveText('II')
  await expect.poll(() => ach.rankingOrder()).toEqual(['H2', 'H1'])
  await expect(ach.lead).toHaveText(`H2 is the least inconsistent with the evidence.`)
  // B2 quote (high, √2) of medium relevance (1), II (−2): −2.83 against H1.
  await expect(ach.ranking.first()).toContainText('0.00')
  await expect(ach.ranking.last()).toContainText('−2.83')
  await ach.page.keyboard.press('ArrowRight')
  await ach.page.keyboard.type('c')
  await expect(await ach.ratingCell(QUOTE, `H2 ${FIGHTING}`)).toHaveText('C')
  await expect(ach.status).toHaveText(/H2: C \(consistent\)/)
  // The one quote is what puts H2 ahead: without it they would tie.
  await expect(ach.linchpins).toHaveCount(1)
  await expect(ach.linchpins.first()).toContainText('Without it, H1 and H2 would tie.')

  // Undo takes the last rating back; the ranking holds, since C counts nothing.
  await ach.undo()
  await expect(await ach.ratingCell(QUOTE, `H2 ${FIGHTING}`)).toHaveText('')
  await expect.poll(() => ach.rankingOrder()).toEqual(['H2', 'H1'])

  // A report prints the matrix, the ratings and the quote's citation.
  const reports = new ReportsPage(page)
  await shell.goTo('Reports')
  await reports.startNewReport()
  await reports.titleInput.fill('Where the NRF stands')
  await reports.addAnalysis(QUESTION)
  await reports.waitUntilSaved()
  await expect(
    reports.preview.getByRole('heading', { name: `Analysis: ${QUESTION}` }),
  ).toBeVisible()
  const download = await reports.exportPdf()
  const pdfPath = testInfo.outputPath('analysis.pdf')
  await download.saveAs(pdfPath)
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })
  const flat = text.replace(/\s+/g, ' ')
  expect(flat).toContain(`Analysis: ${QUESTION}`)
  expect(flat).toContain(ORGANIZING)
  expect(flat).toContain(FIGHTING)
  expect(flat).toMatch(/E1 “It has survived several Taliban offensives[^”]*” ?\[1\]/)
  expect(flat).toMatch(/B2 Medium II/)
  expect(flat).toContain('Weighted inconsistency −2.83 0.00')
  expect(flat).toContain('H2 is the least inconsistent with the evidence.')
  expect(flat).toContain('Sources and evidence')
  expect(flat).toContain(SOURCE_TITLE)
})

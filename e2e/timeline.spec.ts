import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { EntityGridPage } from './pages/EntityGridPage'
import { EvidencePanel } from './pages/EvidencePanel'
import { ReaderPage } from './pages/ReaderPage'
import { ReportsPage } from './pages/ReportsPage'
import { SourcesPage } from './pages/SourcesPage'
import { TimelinePage } from './pages/TimelinePage'

const NRF = 'National Resistance Front'
const EVENT = 'NRF raid on a Taliban checkpoint'
const QUOTE = 'hitting patrols and checkpoints and then falling back to high ground'
const SOURCE = 'Armed opposition to the Taliban since 2021 — analyst brief'
const REPORT = 'The NRF in time'

function pdftotext(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

test('an event made in the grid with a date and a quote shows on its group’s lane, opens its evidence, yields to the grade filter and prints in a report', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(150_000)
  const shell = new AppShell(page)
  const events = new EntityGridPage(page, 'Events')
  await shell.open(app.url)

  // The event: made in the Events grid, dated, of a kind, with the NRF taking part.
  await shell.goTo('Events')
  await expect(events.heading).toBeVisible()
  await events.addEntity(EVENT)
  await expect(events.row(EVENT)).toBeVisible()
  await events.editText(EVENT, 'Date', '2022-05-14')
  await expect(await events.cell(EVENT, 'Date')).toHaveText('2022-05-14')
  await events.chooseOption(EVENT, 'Kind of event', 'Attack')
  await expect(await events.cell(EVENT, 'Kind of event')).toHaveText('Attack')
  const picker = await events.openPicker(EVENT, 'Groups involved')
  await picker.add(NRF)
  await expect(picker.linked(NRF)).toBeVisible()
  await picker.done()
  await expect(await events.cell(EVENT, 'Groups involved')).toHaveText(NRF)

  // Its quote, taken in the reader and graded 3.
  const sources = new SourcesPage(page)
  const reader = new ReaderPage(page)
  await shell.goTo('Sources')
  await sources.openSource(SOURCE)
  await reader.selectWithMouse(QUOTE)
  await reader.annotateButton.click()
  await reader.fillAnnotation({
    kind: 'Claim',
    credibility: '3 — Possibly true',
    entity: { type: 'raid', pick: new RegExp(`${EVENT} \\(event\\)`) },
  })
  await expect(reader.highlight(QUOTE)).toHaveText(QUOTE)

  // On the timeline: on the NRF's lane, backed by the quote.
  const timeline = new TimelinePage(page)
  await shell.goTo('Timeline')
  await expect(timeline.heading).toBeVisible()
  await expect(timeline.chart).toBeVisible()
  const item = timeline.event(EVENT, NRF)
  await expect(item).toBeVisible()
  await expect(item).toHaveAccessibleName(`Event: ${EVENT}, 14 May 2022, on ${NRF}`)
  await expect(timeline.eventRow(EVENT, NRF)).toContainText('Graded 3')

  // Selecting it opens the evidence panel the grid and the graph show, with the quote.
  await timeline.select(item)
  const evidence = new EvidencePanel(page, EVENT)
  await expect(evidence.panel).toBeVisible()
  await expect(evidence.quotes.filter({ hasText: QUOTE })).toBeVisible()
  await expect(evidence.relation(/took part in/)).toContainText(NRF)

  // Asking for quotes graded 2 or better hides it; asking for any evidence brings it back.
  await timeline.requireGrade('Graded 2 or better')
  await expect(item).toBeHidden()
  await expect(evidence.panel).toBeHidden()
  await timeline.requireGrade('Graded 3 or better')
  await expect(item).toBeVisible()

  // A double-click opens the record: the Events grid, on its row.
  await timeline.open(item)
  await expect(events.heading).toBeVisible()
  await expect(events.row(EVENT)).toBeVisible()

  // A report with a timeline section of the NRF's lane, printed and read back.
  const reports = new ReportsPage(page)
  await shell.goTo('Reports')
  await reports.startNewReport()
  await reports.titleInput.fill(REPORT)
  await reports.addTimeline([NRF], { from: '2021-01-01', to: '2023-12-31' })
  await reports.waitUntilSaved()
  await expect(reports.preview.getByRole('heading', { name: 'Timeline' })).toBeVisible()
  await expect(reports.preview.getByRole('rowheader', { name: new RegExp(EVENT) })).toBeVisible()

  const download = await reports.exportPdf()
  await expect(reports.exportStatus).toContainText('Exported')
  const pdfPath = testInfo.outputPath('timeline-report.pdf')
  await download.saveAs(pdfPath)
  expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe('%PDF-')
  const text = pdftotext(pdfPath).replace(/\s+/g, ' ')
  expect(text).toContain(REPORT)
  // The event in the table with its citation number; that number leads to the quote.
  const cited = new RegExp(`${EVENT} ?\\[(\\d+)\\]`).exec(text)
  expect(cited, 'the event and its citation').not.toBeNull()
  const number = Number(cited![1])
  const sourceList = text.slice(text.lastIndexOf('Sources and evidence'))
  const entry = sourceList.slice(
    sourceList.indexOf(`[${number}]`),
    sourceList.indexOf(`[${number + 1}]`) === -1
      ? undefined
      : sourceList.indexOf(`[${number + 1}]`),
  )
  expect(entry).toContain(QUOTE)
})

test('the timeline exports as SVG and PNG, filters its lanes by type, and shares its date range with the report', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const timeline = new TimelinePage(page)
  await shell.open(app.url)
  await shell.goTo('Timeline')
  const takeover = timeline.event('Taliban return to power', 'Taliban')
  await expect(takeover).toBeVisible()
  await expect(timeline.status).toHaveText(/^4 items on 7 lanes/)

  const svg = await timeline.exportSvg()
  expect(svg.suggestedFilename()).toBe('timeline.svg')
  const markup = await readFile(await svg.path(), 'utf8')
  expect(markup).toMatch(/^<svg /)
  expect(markup).toContain('<title>Taliban return to power</title>')
  expect(markup).toContain('National Freedom Front')
  const png = await timeline.exportPng()
  expect(png.suggestedFilename()).toBe('timeline.png')
  expect([...(await readFile(await png.path())).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])

  // Lanes of groups hidden: only the lane of events with no participant is left, empty.
  await timeline.showLanes('Groups', false)
  await expect(takeover).toBeHidden()
  await expect(timeline.status).toHaveText(/^0 items on 1 lane\b/)
  await timeline.showLanes('Groups', true)
  await expect(takeover).toBeVisible()

  // The brushed range is the app's: the report composer takes it for its timeline section.
  await timeline.setRange('2021-01-01', '2022-12-31')
  const reports = new ReportsPage(page)
  await shell.goTo('Reports')
  await reports.startNewReport()
  await reports.addTimeline(['Taliban'])
  await reports.useTimelineRange(1)
  await expect(reports.timelineRange(1).from).toHaveValue('2021-01-01')
  await expect(reports.timelineRange(1).to).toHaveValue('2022-12-31')
  await reports.waitUntilSaved()
  await expect(
    reports.preview.getByRole('rowheader', { name: /Taliban return to power/ }),
  ).toBeVisible()
})

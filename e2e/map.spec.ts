import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { LocateDialog, MapPage } from './pages/MapPage'
import { ReportsPage } from './pages/ReportsPage'
import { pageContaining, pdftotext } from './support/pdf'

const NRF = 'National Resistance Front'
const QUOTE = 'The NRF operates in Panjshir, Andarab and Kapisa.'

test('the NRF’s areas light up on the map, and Panjshir leads to the quote behind them', async ({
  page,
  app,
}) => {
  await new AppShell(page).open(app.url)
  const map = new MapPage(page)
  await map.open()
  await expect(map.province('Panjshir')).toHaveAccessibleName(/1 group: National Resistance Front/)

  await map.compareGroup(NRF)
  await expect(map.layer).toHaveValue('areas')
  await expect(map.province('Panjshir')).toHaveAccessibleName(
    `Panjshir (پنجشیر): ${NRF} operates here`,
  )
  await expect(map.province('Kapisa')).toHaveAccessibleName(`Kapisa (کاپیسا): ${NRF} operates here`)
  await expect(map.province('Takhar')).toHaveAccessibleName(/none of the chosen groups/)
  // Andarab is a district: a point in Baghlan, not the whole province.
  await expect(map.point('Andarab')).toHaveAccessibleName(
    `Andarab, a place in Baghlan: ${NRF} operates here`,
  )
  await expect(map.province('Baghlan')).toHaveAccessibleName(
    `Baghlan (بغلان): ${NRF} operates at a place here`,
  )
  await expect(map.legend.getByText(NRF)).toBeVisible()

  await map.clickProvince('Panjshir')
  const record = map.evidence('Panjshir')
  const relation = record.getByRole('listitem').filter({ hasText: `${NRF} operates in Panjshir` })
  await relation.getByText('Show the quote').click()
  const quote = relation.getByRole('article')
  await expect(quote.locator('mark')).toHaveText(QUOTE)
  await quote.getByRole('link', { name: /in the reader$/ }).click()
  await expect(page).toHaveURL(/#\/sources\/[\w-]+\?a=ann-nrf-panjshir$/)
  await expect(page.locator('mark').filter({ hasText: QUOTE }).first()).toBeVisible()
})

test('the layer switches to groups per province, and the table says the same as the map', async ({
  page,
  app,
}) => {
  await page.goto(app.url)
  await page.goto(`${app.url.replace(/\?.*$/, '')}#/map?g=grp-nrf`)
  const map = new MapPage(page)
  await expect(map.layer).toHaveValue('areas')
  await expect(map.province('Panjshir')).toHaveAccessibleName(
    /National Resistance Front operates here/,
  )

  await map.chooseLayer('Groups per province')
  await expect(map.province('Baghlan')).toHaveAccessibleName(`Baghlan (بغلان): 1 group: ${NRF}`)
  await expect(map.province('Takhar')).toHaveAccessibleName(
    'Takhar (تخار): 1 group: National Freedom Front',
  )
  await expect(map.province('Hilmand')).toHaveAccessibleName('Hilmand (هلمند): no groups')
  await expect(map.legend.getByText('1 group')).toBeVisible()
  const takharRow = map.provinceTable.getByRole('row', { name: /^Takhar/ })
  await expect(takharRow.getByRole('cell').first()).toHaveText('1')
  await expect(takharRow).toContainText('National Freedom Front')

  await map.chooseLayer('Claims per province')
  // The NFF's 70% claim is about the front, not about a place: no province has a claim.
  await expect(map.province('Takhar')).toHaveAccessibleName('Takhar (تخار): 0 claims')

  const png = await map.exportImage('PNG')
  expect(png.suggestedFilename()).toBe('map-claims.png')
  const bytes = await readFile(await png.path())
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  const svg = await map.exportImage('SVG')
  const markup = await readFile(await svg.path(), 'utf8')
  expect(markup).toContain('Claims per province')
  expect(markup).not.toMatch(/<script/i)
})

test('a place taken off the map is located again from the gazetteer, in Latin or Dari script', async ({
  page,
  app,
}) => {
  await new AppShell(page).open(app.url)
  const map = new MapPage(page)
  await map.open()
  await map.point('Andarab').click()
  const record = map.evidence('Andarab')
  await expect(record.getByText(/On the map as Andarab \(district in Baghlan\)/)).toBeVisible()
  await record.getByRole('button', { name: 'Remove from the map' }).click()
  await expect(map.point('Andarab')).toHaveCount(0)
  await expect(
    record.getByText('Not on the map: no gazetteer link, ISO code or coordinates.'),
  ).toBeVisible()

  await record.getByRole('button', { name: 'Locate…' }).click()
  const locate = new LocateDialog(page, 'Andarab')
  // Offered at once from the place's own name.
  await expect(locate.matches.first()).toHaveAccessibleName('Link to Andarab: District in Baghlan')
  await locate.search.fill('Hilmand')
  await expect(locate.match('Hilmand', 'Province')).toBeVisible()
  await locate.search.fill('Lashkargah')
  await expect(locate.match('Lashkar Gah', 'Chief town of Hilmand')).toBeVisible()
  await locate.search.fill('اندراب')
  await locate.match('Andarab', 'District in Baghlan').click()
  await expect(locate.dialog).toBeHidden()
  await expect(map.point('Andarab')).toHaveAccessibleName(
    `Andarab, a place in Baghlan: ${NRF} operates here`,
  )
})

test('a report with a map section prints the map, the province names and the citation', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(120_000)
  const shell = new AppShell(page)
  const reports = new ReportsPage(page)
  await shell.open(app.url)
  await shell.goTo('Reports')
  await reports.startNewReport()
  await reports.describe({
    title: 'Where the NRF operates',
    author: 'A. Analyst',
    date: '2025-06-02',
    classification: 'UNCLASSIFIED',
  })
  await reports.addMap({ groups: [NRF], caption: 'Areas of the National Resistance Front' })
  await reports.waitUntilSaved()
  await expect(reports.preview.getByRole('img', { name: /^Map: / })).toBeVisible()

  const download = await reports.exportPdf()
  const pdfPath = testInfo.outputPath('map-report.pdf')
  await download.saveAs(pdfPath)
  const flat = pdftotext(pdfPath).replace(/\s+/g, ' ')
  expect(flat).toContain('Areas of the National Resistance Front')
  for (const province of ['Panjshir', 'Kapisa', 'Baghlan'])
    expect(flat, province).toContain(province)
  expect(flat).toContain(`${NRF} at Andarab`)
  expect(flat).toContain('[1]')
  expect(flat).not.toContain('[2]')
  expect(flat).toContain('Sources and evidence')
  expect(flat).toContain(QUOTE)

  // The map is drawn on the page that carries it: 34 province shapes and more.
  const mapPage = pageContaining(pdfPath, 'Areas of the National')
  expect(mapPage).toBeGreaterThan(0)
  const svg = execFileSync(
    'pdftocairo',
    ['-svg', '-f', String(mapPage), '-l', String(mapPage), pdfPath, '-'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(60)
  // The NRF's colour fills its provinces on the printed page.
  expect(svg.toLowerCase()).toMatch(/rgb\(0%, ?44\.\d+%, ?69\.\d+%\)|#0072b2/)
})

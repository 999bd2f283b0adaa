import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { EvidencePanel } from './pages/EvidencePanel'
import { GraphPage } from './pages/GraphPage'
import { GroupsPage } from './pages/GroupsPage'

const NRF = 'National Resistance Front'

async function openGraph(page: Page, url: string): Promise<GraphPage> {
  const shell = new AppShell(page)
  await shell.open(url)
  await shell.goTo('Graph')
  const graph = new GraphPage(page)
  await graph.ready()
  return graph
}

test('the sample chart links the NRF to Ahmad Masoud and to Panjshir, with a legend', async ({
  page,
  app,
}) => {
  const graph = await openGraph(page, app.url)
  await expect(graph.chart).toHaveAccessibleName(/28 of 28 entities and 28 of 28 relations/)
  for (const type of ['Group', 'Person', 'Place', 'Community']) {
    await expect(graph.legend.getByText(type, { exact: true })).toBeVisible()
  }
  await expect(graph.relationRow('Ahmad Masoud', 'leads', NRF)).toBeVisible()
  await expect(graph.relationRow(NRF, 'operates in', 'Panjshir')).toBeVisible()

  // The first opening laid the chart out and saved it: every node has a position.
  for (const name of [NRF, 'Ahmad Masoud', 'Panjshir']) {
    expect(await graph.savedPosition(name), name).not.toBeNull()
  }
})

test('the NRF–Panjshir edge opens the quote behind it, which opens the reader there', async ({
  page,
  app,
}) => {
  const graph = await openGraph(page, app.url)
  await graph.openRelation(NRF, 'operates in', 'Panjshir')
  await expect(graph.relationPanel.getByRole('heading', { level: 4 })).toHaveText(
    `${NRF} operates in Panjshir`,
  )
  const quote = graph.relationPanel.getByRole('article')
  await expect(quote).toHaveCount(1)
  await expect(quote.locator('mark')).toHaveText(
    'The NRF operates in Panjshir, Andarab and Kapisa.',
  )
  const link = quote.getByRole('link', { name: /in the reader$/ })
  await expect(link).toHaveAttribute('href', /^#\/sources\/[\w-]+\?a=ann-nrf-panjshir$/)
})

test('double-clicking a node on the chart opens its record', async ({ page, app }) => {
  const graph = await openGraph(page, app.url)
  await graph.doubleClickNode('Panjshir')
  const record = new EvidencePanel(page, 'Panjshir')
  await expect(record.panel).toBeVisible()
  await expect(record.relation(/National Resistance Front\s+operates in\s+Panjshir/)).toBeVisible()
})

test('a relation created on the chart shows in the grid, and deleting it takes it away', async ({
  page,
  app,
}) => {
  const graph = await openGraph(page, app.url)
  await graph.createRelation(
    'National Resistance Front (group)',
    'operates in',
    'Takhar (place)',
    /Takhar/,
  )
  await expect(graph.status).toHaveText(`Created the relation “${NRF} operates in Takhar”.`)
  await expect(graph.relationRow(NRF, 'operates in', 'Takhar')).toBeVisible()
  await expect(graph.relationPanel.getByRole('article')).toHaveCount(1)

  const shell = new AppShell(page)
  const groups = new GroupsPage(page)
  await shell.goTo('Groups')
  await expect
    .poll(() => groups.cellText(NRF, 'Areas of operation'))
    .toBe('Andarab, Kapisa, Panjshir, Takhar')

  await shell.goTo('Graph')
  await graph.ready()
  await graph.openRelation(NRF, 'operates in', 'Kapisa')
  await graph.deleteOpenRelation()
  await expect(graph.status).toHaveText(`Deleted the relation “${NRF} operates in Kapisa”.`)
  await expect(graph.relationRow(NRF, 'operates in', 'Kapisa')).toHaveCount(0)
  await shell.goTo('Groups')
  await expect
    .poll(() => groups.cellText(NRF, 'Areas of operation'))
    .toBe('Andarab, Panjshir, Takhar')
})

test('a name changed in the grid is the name on the chart, without a reload', async ({
  page,
  app,
}) => {
  await openGraph(page, app.url)
  const shell = new AppShell(page)
  const groups = new GroupsPage(page)
  await shell.goTo('Groups')
  await groups.editText('Wolf Unit', 'Name', 'Wolf Brigade')
  await expect(groups.row('Wolf Brigade')).toBeVisible()
  await shell.goTo('Graph')
  const graph = new GraphPage(page)
  await graph.ready()
  await expect(graph.entityRow('Wolf Brigade')).toBeVisible()
  await expect(graph.entityRow('Wolf Unit')).toHaveCount(0)
  await expect(graph.relationRow('Wolf Brigade', 'opposes', 'Taliban')).toBeVisible()
})

test('filtering out places takes Panjshir out of the chart; a credibility floor keeps the well-sourced relations', async ({
  page,
  app,
}) => {
  const graph = await openGraph(page, app.url)
  await expect(graph.entityRow('Panjshir')).toBeVisible()
  await graph.showEntityType('Place', false)
  await expect(graph.entityRow('Panjshir')).toHaveCount(0)
  await expect(graph.relationRow(NRF, 'operates in', 'Panjshir')).toHaveCount(0)
  await expect(graph.relationRow('Ahmad Masoud', 'leads', NRF)).toBeVisible()
  await expect(graph.chart).toHaveAccessibleName(/20 of 28 entities/)
  await graph.showEntityType('Place', true)
  await expect(graph.entityRow('Panjshir')).toBeVisible()

  // Only relations backed by a quote graded 2 or better: the NRF's stay, the smaller fronts' go.
  await graph.requireCredibility('2 or better')
  await expect(graph.chart).toHaveAccessibleName(/8 of 28 relations/)
  await expect(graph.relationRow(NRF, 'operates in', 'Panjshir')).toBeVisible()
  await expect(graph.relationRow('Wolf Unit', 'opposes', 'Taliban')).toHaveCount(0)
})

test('a dragged node stays where it was left after a reload', async ({ page, app }) => {
  const graph = await openGraph(page, app.url)
  const before = await graph.savedPosition('Panjshir')
  expect(before).not.toBeNull()

  const saved = page.waitForResponse((r) => r.url().includes('/api/graph.savePositions'))
  await graph.dragNode('Panjshir', { dx: 120, dy: 80 })
  expect((await saved).ok()).toBe(true)
  await expect
    .poll(async () => (await graph.savedPosition('Panjshir'))?.x)
    .toBeGreaterThan(before!.x + 20)
  const after = await graph.savedPosition('Panjshir')
  expect(after!.y).toBeGreaterThan(before!.y + 10)

  await page.reload()
  await graph.ready()
  expect(await graph.savedPosition('Panjshir')).toEqual(after)
  // Reopening painted from the saved positions: no layout ran.
  await expect(graph.status).not.toContainText('layout')
})

test('searching highlights matches and narrows the list; selecting a node allows expand and hide', async ({
  page,
  app,
}) => {
  const graph = await openGraph(page, app.url)
  await graph.find.fill('masoud')
  await expect(page.getByRole('status').filter({ hasText: '2 found' })).toBeVisible()
  await expect(graph.entities.locator('tbody tr')).toHaveCount(2)
  await graph.find.fill('')

  await graph.selectNode('Panjshir')
  await expect(page.getByRole('button', { name: 'Select Panjshir' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await page.getByRole('button', { name: 'Expand' }).click()
  // Panjshir and its one neighbour, the NRF.
  await expect(graph.chart).toHaveAccessibleName(/2 of 28 entities and 1 of 28 relations/)
  await graph.selectNode(NRF)
  await page.getByRole('button', { name: 'Expand' }).click()
  await expect(graph.entityRow('Ahmad Masoud')).toBeVisible()
  await expect(graph.entityRow('Taliban')).toBeVisible()
  await page.getByRole('button', { name: 'Show whole graph' }).click()
  await expect(graph.chart).toHaveAccessibleName(/28 of 28 entities/)

  await graph.selectNode('Taliban')
  await page.getByRole('button', { name: 'Hide', exact: true }).click()
  await expect(graph.entityRow('Taliban')).toHaveCount(0)
  await expect(graph.chart).toHaveAccessibleName(/27 of 28 entities and 19 of 28 relations/)
  await page.getByRole('button', { name: 'Show hidden (1)' }).click()
  await expect(graph.entityRow('Taliban')).toBeVisible()
})

test('a tree layout grows from the selected node, and is saved', async ({ page, app }) => {
  const graph = await openGraph(page, app.url)
  await graph.selectNode(NRF)
  await graph.runLayout('Tree from the selected node')
  const y = async (name: string) => (await graph.savedPosition(name))!.y
  const root = await y(NRF)
  for (const neighbour of ['Ahmad Masoud', 'Panjshir', 'Taliban']) {
    expect(await y(neighbour), neighbour).toBeGreaterThan(root)
  }
  // Two steps away: below the neighbours.
  expect(await y('Wolf Unit')).toBeGreaterThan(await y('Taliban'))
  await page.reload()
  await graph.ready()
  expect(await y(NRF)).toBe(root)
})

test('the chart exports as a PNG of useful size and as an SVG', async ({ page, app }) => {
  const graph = await openGraph(page, app.url)
  const download = page.waitForEvent('download')
  await graph.exportPng(2)
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.png$/)
  const bytes = await readFile((await file.path())!)
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const width = bytes.readUInt32BE(16)
  const height = bytes.readUInt32BE(20)
  expect(width).toBeGreaterThan(800)
  expect(height).toBeGreaterThan(400)
  expect(bytes.length).toBeGreaterThan(20_000)

  const svgDownload = page.waitForEvent('download')
  await graph.exportSvg()
  const svgFile = await svgDownload
  expect(svgFile.suggestedFilename()).toMatch(/\.svg$/)
  const svg = await readFile((await svgFile.path())!, 'utf8')
  expect(svg).toMatch(/<svg[\s>]/)
  expect(svg).toContain('Panjshir')
  expect(svg).toContain('operates in')
})

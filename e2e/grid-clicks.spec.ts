import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { EvidencePanel } from './pages/EvidencePanel'
import { GroupsPage } from './pages/GroupsPage'

const NRF = 'National Resistance Front'
const TALIBAN = 'Taliban'

test('a row click opens its panel without arming Delete; the checkbox or Space ticks rows', async ({
  page,
  app,
}) => {
  const groups = new GroupsPage(page)
  await new AppShell(page).open(app.url)
  await expect(groups.row(NRF)).toBeVisible()

  await groups.openRow(NRF)
  await expect(new EvidencePanel(page, NRF).panel).toBeVisible()
  await expect(groups.deleteSelectedButton).toBeDisabled()
  await expect(groups.deleteSelectedButton).toHaveText('Delete selected')
  await expect(groups.row(NRF).getByRole('checkbox')).not.toBeChecked()

  // Another row's click moves the panel and still ticks nothing.
  await groups.openRow(TALIBAN)
  await expect(new EvidencePanel(page, TALIBAN).panel).toBeVisible()
  await expect(groups.deleteSelectedButton).toBeDisabled()

  await groups.tickRow(NRF)
  await expect(groups.deleteSelectedButton).toHaveText('Delete selected (1)')
  await groups.toggleRowBySpace(TALIBAN)
  await expect(groups.deleteSelectedButton).toHaveText('Delete selected (2)')
  await expect(groups.row(TALIBAN).getByRole('checkbox')).toBeChecked()
})

test('a plain double-click on a right-hand cell edits it, with the panel closed', async ({
  page,
  app,
}) => {
  const groups = new GroupsPage(page)
  await new AppShell(page).open(app.url)
  await expect(groups.row(NRF)).toBeVisible()
  await expect(page.getByRole('complementary', { name: NRF })).toHaveCount(0)

  const cell = await groups.cell(NRF, 'Areas of operation')
  await cell.scrollIntoViewIfNeeded()
  const table = (await groups.table.boundingBox())!
  const box = (await cell.boundingBox())!
  // The bug lived in the grid's right-hand ~400 px: make sure this cell is there.
  expect(box.x + box.width / 2).toBeGreaterThan(table.x + table.width - 400)

  await groups.doubleClickCell(NRF, 'Areas of operation')
  await expect(page.getByRole('dialog', { name: `Areas of operation of ${NRF}` })).toBeVisible()
})

test('the grid opens on a compact set of columns, the rest one click away, filters uncut', async ({
  page,
  app,
}) => {
  const groups = new GroupsPage(page)
  await new AppShell(page).open(app.url)
  await expect(groups.row(NRF)).toBeVisible()
  for (const shown of ['Name', 'Acronym', 'Phase', 'Status', 'Leaders', 'Quotes', 'Best grade'])
    await expect(groups.header(shown)).toBeVisible()
  for (const hidden of ['Ideology', 'First seen', 'Tags', 'Allies']) {
    await expect(groups.header(hidden)).toHaveCount(0)
  }

  await groups.allColumnsButton.click()
  await expect(groups.header('First seen')).toBeAttached()
  await expect(groups.header('Allies')).toBeAttached()

  // The date filter shows whole: its box in the header fits a full date, its menu the window.
  await groups.header('First seen').scrollIntoViewIfNeeded()
  const dateBox = (await groups.table.getByLabel('First seen Filter Input').boundingBox())!
  expect(dateBox.width).toBeGreaterThanOrEqual(140)
  await groups.openColumnFilter('First seen')
  for (const field of [
    page.getByRole('combobox', { name: 'Filtering operator' }),
    page.getByRole('textbox', { name: 'Filter Value' }),
  ]) {
    await expect(field).toBeInViewport({ ratio: 1 })
  }
  await page.keyboard.press('Escape')

  await groups.fewerColumnsButton.click()
  await expect(groups.header('First seen')).toHaveCount(0)
})

test('an unsupported attribute is marked as a warning and is supported with a picked quote', async ({
  page,
  app,
}) => {
  const groups = new GroupsPage(page)
  await new AppShell(page).open(app.url)
  await groups.openRow(NRF)
  const panel = new EvidencePanel(page, NRF)
  await expect(panel.attribute('Status')).toContainText('Unsupported')
  const badge = panel.attribute('Status').getByText('Unsupported')
  const supported = panel.attribute('Phase').getByText('1 quote')
  // The warning does not wear the supported badge's colours.
  const colours = async (l: typeof badge) =>
    l.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor])
  expect(await colours(badge)).not.toEqual(await colours(supported))

  await panel.supportWithQuote('Status', /continues to run guerrilla operations/)
  await expect(panel.attribute('Status')).toContainText('1 quote')
  await expect(panel.attribute('Status')).not.toContainText('Unsupported')
})

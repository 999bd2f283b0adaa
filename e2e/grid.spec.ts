import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { EntityGridPage } from './pages/EntityGridPage'
import { EvidencePanel } from './pages/EvidencePanel'
import { GroupsPage } from './pages/GroupsPage'

const NRF = 'National Resistance Front'

test('a group’s phase edited in the grid persists across a reload', async ({ page, app }) => {
  const groups = new GroupsPage(page)
  await new AppShell(page).open(app.url)
  await expect(groups.row(NRF)).toBeVisible()
  expect(await groups.cellText(NRF, 'Phase')).toBe('Guerrilla warfare')

  await groups.chooseOption(NRF, 'Phase', 'Conventional warfare')
  await expect(await groups.cell(NRF, 'Phase')).toHaveText('Conventional warfare')
  await expect(groups.status).toHaveText(`Saved the phase of ${NRF}.`)

  await page.reload()
  await expect(groups.row(NRF)).toBeVisible()
  expect(await groups.cellText(NRF, 'Phase')).toBe('Conventional warfare')
})

test('a new person linked as a group’s leader through the picker shows in the leaders column', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const people = new EntityGridPage(page, 'People')
  const groups = new GroupsPage(page)
  await shell.open(app.url)
  await shell.goTo('People')
  await expect(people.heading).toBeVisible()
  await people.addEntity('Amrullah Saleh')
  await expect(people.row('Amrullah Saleh')).toBeVisible()
  expect(await people.cellText('Amrullah Saleh', 'Leads')).toBe('')

  await shell.goTo('Groups')
  const picker = await groups.openPicker(NRF, 'Leaders')
  await expect(picker.dialog).toBeVisible()
  await picker.add('Amrullah Saleh')
  await expect(picker.linked('Amrullah Saleh')).toBeVisible()
  await picker.done()
  await expect(picker.dialog).toBeHidden()
  await expect(await groups.cell(NRF, 'Leaders')).toHaveText('Ahmad Masoud, Amrullah Saleh')

  // The other end's row follows: the person now leads the group.
  await shell.goTo('People')
  await expect(await people.cell('Amrullah Saleh', 'Leads')).toHaveText(NRF)

  await page.reload()
  await shell.goTo('Groups')
  await expect(groups.row(NRF)).toBeVisible()
  expect(await groups.cellText(NRF, 'Leaders')).toBe('Ahmad Masoud, Amrullah Saleh')
})

test('filtering by phase shows why rows are hidden, and the CSV holds just the visible rows and columns', async ({
  page,
  app,
}) => {
  const groups = new GroupsPage(page)
  await new AppShell(page).open(app.url)
  await expect(groups.row(NRF)).toBeVisible()

  await groups.filterByValues('Phase', ['Guerrilla warfare'])
  await expect(groups.filterBar).toContainText('Showing 1 of 9 groups')
  await expect(
    groups.filterBar.getByRole('button', { name: 'Remove filter: Phase is Guerrilla warfare' }),
  ).toBeVisible()
  expect(await groups.groupNames()).toEqual([NRF])
  await groups.showColumn('Tags', false)

  const { download, bytes } = await groups.exportCsv()
  expect(download.suggestedFilename()).toMatch(/^groups-\d{4}-\d\d-\d\d-\d\d-\d\d\.csv$/)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n')
  expect(lines).toHaveLength(2)
  const header = lines[0]!.split(',').map((h) => h.replaceAll('"', ''))
  expect(header.slice(0, 6)).toEqual([
    'Name',
    'Acronym',
    'Phase',
    'Status',
    'Leaders',
    'Areas of operation',
  ])
  expect(header).toContain('Quotes')
  expect(header).not.toContain('Tags')
  expect(lines[1]).toContain(
    `"${NRF}","NRF","Guerrilla warfare","Active","Ahmad Masoud","Andarab, Kapisa, Panjshir"`,
  )

  // Clearing the filter brings the rows back; Arabic-script names survive the export.
  await groups.filterBar.getByRole('button', { name: 'Clear all filters' }).click()
  await expect(groups.filterBar).toBeHidden()
  await groups.quickFilter.fill('طالبان')
  await expect(groups.filterBar).toContainText('Showing 1 of 9 groups')
  const arabic = (await groups.exportCsv()).bytes.toString('utf8')
  expect(arabic).toContain('"Taliban"')
  expect(arabic).toContain('طالبان, Islamic Emirate of Afghanistan')
})

test('invalid values are refused with a clear message and change nothing', async ({
  page,
  app,
}) => {
  const groups = new GroupsPage(page)
  await new AppShell(page).open(app.url)
  await expect(groups.row(NRF)).toBeVisible()

  const refused = (await groups.callApi('entities.update', {
    id: 'grp-nrf',
    patch: { attributes: { phase: 'final-offensive' } },
  })) as { ok: boolean; error: { code: string; message: string; issues: { path: string }[] } }
  expect(refused.ok).toBe(false)
  expect(refused.error.code).toBe('invalid_input')
  expect(refused.error.message).toMatch(/^This entity was not saved: attributes\.phase: /)
  expect(refused.error.issues[0]!.path).toBe('attributes.phase')

  await groups.editText(NRF, 'Name', '   ')
  await expect(groups.cellError).toContainText('Name not saved.')
  await expect(groups.cellError).toContainText('a name is required')
  await expect(groups.row(NRF)).toBeVisible()
  await groups.cellError.getByRole('button', { name: 'Dismiss the message' }).click()
  await expect(groups.cellError).toBeHidden()

  await groups.editText(NRF, 'Strength', '-40')
  await expect(groups.cellError).toContainText('Strength not saved.')
  expect(await groups.cellText(NRF, 'Strength')).toBe('')

  await page.reload()
  await expect(groups.row(NRF)).toBeVisible()
  expect(await groups.cellText(NRF, 'Phase')).toBe('Guerrilla warfare')
  expect(await groups.cellText(NRF, 'Strength')).toBe('')
})

test('Ctrl+Z and Ctrl+Shift+Z take back and replay edits, links and deletions', async ({
  page,
  app,
}) => {
  const groups = new GroupsPage(page)
  await new AppShell(page).open(app.url)
  await expect(groups.row(NRF)).toBeVisible()

  await groups.chooseOption(NRF, 'Status', 'Dormant')
  await expect(await groups.cell(NRF, 'Status')).toHaveText('Dormant')
  await groups.editText(NRF, 'Acronym', 'NRFA')
  await expect(await groups.cell(NRF, 'Acronym')).toHaveText('NRFA')

  await groups.undo()
  await expect(await groups.cell(NRF, 'Acronym')).toHaveText('NRF')
  await expect(groups.status).toHaveText(`Undone: acronym of ${NRF}.`)
  await groups.undo()
  await expect(await groups.cell(NRF, 'Status')).toHaveText('Active')
  await groups.redo()
  await expect(await groups.cell(NRF, 'Status')).toHaveText('Dormant')

  const areas = await groups.openPicker(NRF, 'Areas of operation')
  await areas.add('Ghazni')
  await areas.done()
  await expect(await groups.cell(NRF, 'Areas of operation')).toHaveText(
    'Andarab, Ghazni, Kapisa, Panjshir',
  )
  await groups.undo()
  await expect(await groups.cell(NRF, 'Areas of operation')).toHaveText('Andarab, Kapisa, Panjshir')
  await groups.redo()
  await expect(await groups.cell(NRF, 'Areas of operation')).toHaveText(
    'Andarab, Ghazni, Kapisa, Panjshir',
  )

  // A deletion names what depends on the row, and undo puts all of it back.
  await groups.selectRow('Wolf Unit')
  const confirmation = await groups.deleteSelected()
  await expect(confirmation.dialog).toHaveAccessibleName('Delete “Wolf Unit”?')
  await expect(confirmation.relations).toContainText('Wolf Unit opposes Taliban')
  await expect(confirmation.quotes).toContainText('analyst brief')
  await expect(confirmation.notes).toContainText('The armed opposition at a glance')
  await confirmation.confirm()
  await expect(groups.row('Wolf Unit')).toHaveCount(0)
  await expect(page.getByRole('banner')).toContainText('27 entities')

  await groups.undoButton.click()
  await expect(groups.row('Wolf Unit')).toBeVisible()
  expect(await groups.cellText('Wolf Unit', 'Quotes')).toBe('1')
  await expect(page.getByRole('banner')).toContainText('28 entities')

  await page.reload()
  await expect(groups.row('Wolf Unit')).toBeVisible()
  expect(await groups.cellText(NRF, 'Status')).toBe('Dormant')
  expect(await groups.cellText(NRF, 'Areas of operation')).toBe('Andarab, Ghazni, Kapisa, Panjshir')
})

test('selecting a row opens its evidence, with unsupported claims marked and quotes that open the reader', async ({
  page,
  app,
}) => {
  const groups = new GroupsPage(page)
  await new AppShell(page).open(app.url)
  await groups.selectRow(NRF)
  const panel = new EvidencePanel(page, NRF)
  await expect(panel.panel).toBeVisible()
  await expect(panel.attribute('Phase')).toContainText('Guerrilla warfare')
  await expect(panel.attribute('Phase')).toContainText('1 quote')
  await expect(panel.attribute('Status')).toContainText('Unsupported')
  await expect(panel.relation(/^Ahmad Masoud leads National Resistance Front/)).toContainText(
    '1 quote',
  )
  await expect(panel.quotes).toHaveCount(3)
  await expect(panel.quotes.first()).toContainText('Armed opposition to the Taliban since 2021')
  await expect(panel.quotes.first()).toContainText('2025-05-20')

  // A relation without a quote is marked as such.
  const allies = await groups.openPicker(NRF, 'Allies')
  await allies.add('National Freedom Front')
  await allies.done()
  await expect(
    panel.relation(/^National Resistance Front is allied with National Freedom Front/),
  ).toContainText('Unsupported')

  const hrefs = await panel
    .readerLinks()
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
  expect(hrefs).toContain('#/sources/src-brief?a=ann-nrf-leader')
  await panel.readerLinks().first().click()
  await expect(page).toHaveURL(/#\/sources\/src-brief\?a=ann-/)
  await expect(new AppShell(page).currentView()).toHaveText('Sources')
})

test('the column layout (hidden, pinned, resized) is saved in the project and restored', async ({
  page,
  app,
}) => {
  const groups = new GroupsPage(page)
  await new AppShell(page).open(app.url)
  await expect(groups.row(NRF)).toBeVisible()
  const widthBefore = (await groups.header('Phase').boundingBox())!.width
  await groups.resizeColumn('Phase', 80)
  await groups.showColumn('Acronym', false)
  await groups.pinColumn('Quotes', 'Right')
  await expect(groups.header('Acronym')).toHaveCount(0)
  await page.waitForTimeout(600) // the layout is saved a moment after the last change

  await page.reload()
  await expect(groups.row(NRF)).toBeVisible()
  await expect(groups.header('Acronym')).toHaveCount(0)
  const widthAfter = (await groups.header('Phase').boundingBox())!.width
  expect(Math.abs(widthAfter - widthBefore - 80)).toBeLessThan(4)
  await groups.columnsButton.click()
  await expect(groups.columnsMenu.getByRole('combobox', { name: 'Pin Quotes' })).toHaveValue(
    'right',
  )
  await expect(groups.columnsMenu.getByRole('checkbox', { name: 'Show Acronym' })).not.toBeChecked()
  // Each grid keeps its own layout.
  await new AppShell(page).goTo('Places')
  const places = new EntityGridPage(page, 'Places')
  await expect(places.row('Panjshir')).toBeVisible()
  await expect(places.header('Kind of place')).toBeVisible()
})

test('lists are edited as chips, and the evidence filter hides weakly supported rows', async ({
  page,
  app,
}) => {
  const groups = new GroupsPage(page)
  await new AppShell(page).open(app.url)
  await expect(groups.row(NRF)).toBeVisible()

  const aliases = await groups.openList(NRF, 'Aliases')
  await aliases.getByRole('textbox', { name: 'Add alias' }).fill('جبهه مقاومت ملی')
  await aliases.getByRole('textbox', { name: 'Add alias' }).press('Enter')
  await expect(aliases.getByRole('button', { name: 'Remove alias جبهه مقاومت ملی' })).toBeVisible()
  await aliases.getByRole('button', { name: 'Done' }).click()
  await expect(await groups.cell(NRF, 'Aliases')).toHaveText('NRF, جبهه مقاومت ملی')

  await groups.evidenceFilter.check()
  await expect(groups.filterBar).toContainText('Showing 6 of 9 groups')
  await expect(groups.filterBar).toContainText('Evidence graded 3 or better')
  expect(await groups.groupNames()).not.toContain('Wolf Unit')
  await groups.filterBar
    .getByRole('button', { name: 'Remove filter: Evidence graded 3 or better' })
    .click()
  await expect(groups.row('Wolf Unit')).toBeVisible()

  await page.reload()
  await expect(groups.row(NRF)).toBeVisible()
  expect(await groups.cellText(NRF, 'Aliases')).toBe('NRF, جبهه مقاومت ملی')
})

import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { GroupsPage } from './pages/GroupsPage'

const NAMED_GROUPS = {
  'National Resistance Front': 'Ahmad Masoud',
  'National Freedom Front': 'Mohammad Yasin Zia',
  'Resistance Movement for Justice': '',
  'Free Tigers of Turkistan': 'Yar Mohammad Dostom',
  'National Islamic Freedom Movement': '',
  'Freedom Uprising': '',
  'Wolf Unit': '',
  'Supreme Resistance Council': '',
}

test('the grid shows the eight named groups with their leaders and quote counts, before and after a reload', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const groups = new GroupsPage(page)
  await shell.open(app.url)

  await expect(shell.projectName).toHaveText('Armed opposition to the Taliban (sample)')
  await expect(page).toHaveTitle('Armed opposition to the Taliban (sample) — Sightline')
  await expect(shell.currentView()).toHaveText('Groups')

  for (const pass of ['first load', 'after reload']) {
    await expect(groups.row('National Resistance Front'), pass).toBeVisible()
    const names = await groups.groupNames()
    for (const [group, leader] of Object.entries(NAMED_GROUPS)) {
      expect(names, `${pass}: ${group}`).toContain(group)
      expect(await groups.cellText(group, 'Leaders'), `${pass}: leader of ${group}`).toBe(leader)
      expect(
        Number(await groups.cellText(group, 'Quotes')),
        `${pass}: quotes of ${group}`,
      ).toBeGreaterThan(0)
    }
    expect(await groups.cellText('National Resistance Front', 'Areas of operation')).toBe(
      'Andarab, Kapisa, Panjshir',
    )
    expect(await groups.cellText('Resistance Movement for Justice', 'Ethnic base')).toBe('Hazara')
    await page.reload()
  }
})

test('every view opens from the navigation, none is a placeholder, and Groups comes back', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  await shell.open(app.url)
  for (const view of ['Graph', 'Sources', 'Notes', 'Reports'] as const) {
    await shell.goTo(view)
    await expect(shell.currentView()).toHaveText(view)
    await expect(page.getByRole('main')).not.toContainText('coming in a later version')
  }
  await shell.goTo('Groups')
  await expect(new GroupsPage(page).row('Wolf Unit')).toBeVisible()
})

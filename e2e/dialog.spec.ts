import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { GroupsPage } from './pages/GroupsPage'
import { ProjectPanel } from './pages/ProjectPanel'

test('a dialog takes the focus, keeps it from the page behind, and hands it back on Escape', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const groups = new GroupsPage(page)
  const panel = new ProjectPanel(page)
  await shell.open(app.url)
  await expect(groups.row('Wolf Unit')).toBeVisible()

  await panel.openButton.focus()
  await page.keyboard.press('Enter')
  await expect(panel.dialog).toBeVisible()
  await expect(panel.dialog.locator(':focus')).toHaveCount(1)

  // Tabbing round never reaches the page behind the dialog.
  for (let step = 0; step < 12; step++) {
    await page.keyboard.press('Tab')
    const outside = await page.evaluate(() => {
      const focused = document.activeElement
      return focused !== null && focused !== document.body && !focused.closest('dialog[open]')
    })
    expect(outside, `focus after ${step + 1} Tab presses`).toBe(false)
  }

  await page.keyboard.press('Escape')
  await expect(panel.dialog).toBeHidden()
  await expect(panel.openButton).toBeFocused()
})

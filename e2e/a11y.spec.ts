import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { CommandPalette } from './pages/CommandPalette'
import { seriousViolations } from './support/axe'

/** Every view of the navigation, with what shows it has drawn its content. */
const VIEWS = [
  'Groups',
  'People',
  'Places',
  'Communities',
  'Events',
  'Graph',
  'Map',
  'Timeline',
  'Sources',
  'Notes',
  'Analyses',
  'Reports',
] as const

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme })

    // One app and one page for all twelve views: starting the app for each view cost more
    // than checking it. Each view is a step of its own, and soft assertions report every
    // view that fails, not only the first.
    test(`axe: no serious or critical violation on any view (${theme})`, async ({ page, app }) => {
      test.setTimeout(240_000)
      const shell = new AppShell(page)
      await shell.open(app.url)
      await expect(shell.projectName).not.toBeEmpty()
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      for (const view of VIEWS) {
        await test.step(view, async () => {
          await shell.goTo(view)
          await expect(shell.currentView()).toHaveText(view)
          // Let the view load its data (grids, charts) before it is checked.
          await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible()
          await page.waitForTimeout(1_000)
          const found = await seriousViolations(page, view)
          expect.soft(found, found.join('\n')).toEqual([])
        })
      }
    })

    test(`axe: the palette and the shortcut list (${theme})`, async ({ page, app }) => {
      const shell = new AppShell(page)
      const palette = new CommandPalette(page)
      await shell.open(app.url)
      await expect(shell.projectName).not.toBeEmpty()
      await palette.openWithKeys()
      await palette.input.fill('national')
      await expect(palette.optionsIn('Groups').first()).toBeVisible()
      const found = await seriousViolations(page, 'palette')
      await page.keyboard.press('Escape')
      await page.keyboard.press('?')
      await expect(palette.shortcuts).toBeVisible()
      found.push(...(await seriousViolations(page, 'shortcuts')))
      expect(found, found.join('\n')).toEqual([])
    })
  })
}

test('every header and navigation control is reached by Tab and shows a focus ring', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  await shell.open(app.url)
  await expect(shell.projectName).not.toBeEmpty()
  const seen: string[] = []
  for (let step = 0; step < 24; step += 1) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null
      if (!element || element === document.body) return null
      const style = getComputedStyle(element)
      return {
        name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName,
        inChrome: element.closest('header, nav') !== null,
        ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      }
    })
    if (!focused?.inChrome) continue
    expect(focused.ring, `focus ring on ${focused.name}`).toBe(true)
    seen.push(focused.name)
  }
  expect(seen).toEqual(
    expect.arrayContaining([
      'Import files…',
      'Dark mode',
      'Keyboard shortcuts',
      'Groups',
      'Reports',
    ]),
  )
})

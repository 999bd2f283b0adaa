import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'

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

    test(`axe finds no serious or critical violation on any view (${theme})`, async ({
      page,
      app,
    }) => {
      test.setTimeout(180_000)
      const shell = new AppShell(page)
      await shell.open(app.url)
      await expect(shell.projectName).not.toBeEmpty()
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      const found: string[] = []
      for (const view of VIEWS) {
        await shell.goTo(view)
        await expect(shell.currentView()).toHaveText(view)
        // Let the view load its data (grids, charts) before it is checked.
        await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible()
        await page.waitForTimeout(1_000)
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze()
        for (const violation of results.violations) {
          if (violation.impact !== 'serious' && violation.impact !== 'critical') continue
          for (const node of violation.nodes) {
            found.push(
              `${view}: ${violation.id} (${violation.impact}) at ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`,
            )
          }
        }
      }
      expect(found, found.join('\n')).toEqual([])
    })
  })
}

import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { GraphPage } from './pages/GraphPage'

const NFF = 'National Freedom Front'

test('Find "NFF" finds the group by its acronym, and Enter frames it with its neighbours', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  await shell.open(app.url)
  await shell.goTo('Graph')
  const graph = new GraphPage(page)
  await graph.ready()

  await graph.find.fill('NFF')
  // The group by its acronym (an alias too), and the event whose title names the NFF.
  await expect(graph.findStatus).toHaveText('2 found')
  await expect(graph.entities.locator('tbody tr')).toHaveCount(2)
  await expect(graph.entityRow(NFF)).toBeVisible()

  await graph.find.press('Enter')
  await expect(graph.findStatus).toHaveText(/^2 found, framed with [1-9]\d* neighbours?$/)
  // Nothing left the view: framing zooms, it does not filter.
  await expect(graph.chart).toHaveAccessibleName(/28 of 28 entities/)
})

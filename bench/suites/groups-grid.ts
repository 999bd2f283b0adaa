/**
 * The first browser-side figure, and the proof of the browser scaffold: from page load to
 * the first row of the Groups grid on screen, with the medium project, in Chromium.
 */
import { closePage, openBrowserSession } from '../browser'
import { line, median, timeOnce } from '../measure'
import type { BenchSuite } from '../types'

export const groupsGridSuite: BenchSuite = {
  name: 'groups-grid',
  async run(ctx) {
    if (!ctx.chromiumPath) {
      ctx.log('  skipped: no Chromium (set CHROMIUM_PATH or install chromium)')
      return []
    }
    const preset = ctx.preset
    const session = await openBrowserSession(ctx, preset)
    try {
      const shells: number[] = []
      const firstRow = async (): Promise<number> => {
        const page = await session.newPage()
        try {
          const started = performance.now()
          await page.goto(session.app.url)
          // The view's heading renders with the app, before any data arrives.
          await page.getByRole('heading', { name: 'Groups', level: 2 }).waitFor()
          shells.push(performance.now() - started)
          // A body row's cell: the header's floating-filter row has grid cells of its own.
          await page
            .getByRole('region', { name: 'Groups table' })
            .locator('[role="row"][row-index] [role="gridcell"]')
            .first()
            .waitFor({ state: 'visible', timeout: 60_000 })
          return performance.now() - started
        } finally {
          await closePage(page)
        }
      }
      const fetchTable = (): Promise<unknown> =>
        session.app.call('entities.table', { type: 'group' })
      await firstRow()
      await fetchTable()
      shells.length = 0
      const paints: number[] = []
      const fetches: number[] = []
      for (let i = 0; i < ctx.runs; i++) {
        paints.push(await firstRow())
        fetches.push(await timeOnce(fetchTable))
      }
      return [
        line({
          name: `Groups grid first row visible (${preset}, Chromium)`,
          unit: 'ms',
          value: median(paints),
          floor: { name: 'entities.table over HTTP', value: median(fetches) },
          note: `From page.goto (fresh context: no cache, token exchange included) to the first grid cell visible; the app shell with the view's heading was up at ${median(shells).toFixed(0)} ms. The floor is the data the grid waits for.`,
        }),
      ]
    } finally {
      await session.close()
    }
  },
}

/**
 * Opening a 2 MB source with 2,000 annotations in the reader, in Chromium against
 * browser mode, timed inside the page by animation frames: until the first paragraph
 * is painted, until every paragraph is mounted, and the longest frame meanwhile. The
 * floor is `sources.get` for the same source, fetched in the page.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { startBrowserMode } from '../app'
import { launchChromium, VIEWPORT } from '../browser'
import { line, median } from '../measure'
import type { BenchSuite } from '../types'
import { makeLibraryProject } from './library-fixtures'

interface Marks {
  first: number
  all: number
  longest: number
  fetch: number
}

/** In the page, as a string so the bundler's helpers do not leak into it. */
const openAndTime = (sourceId: string): string => `(async () => {
  const t0 = performance.now()
  window.location.hash = '#/sources/${sourceId}'
  const marks = { longest: 0 }
  let last = t0
  await new Promise((done) => {
    const tick = () => {
      const at = performance.now()
      marks.longest = Math.max(marks.longest, at - last)
      last = at
      if (!marks.first && document.querySelector('p[data-block-start]')) marks.first = at - t0
      if (document.querySelector('[aria-label="Source text"][aria-busy="false"]')) {
        marks.all = at - t0
        return done()
      }
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  const f0 = performance.now()
  const response = await fetch('/api/sources.get', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: '${sourceId}' }),
  })
  await response.json()
  marks.fetch = performance.now() - f0
  return marks
})()`

export const readerSuite: BenchSuite = {
  name: 'reader',
  async run(ctx) {
    if (!ctx.chromiumPath) {
      ctx.log('  skipped: no Chromium (set CHROMIUM_PATH or install chromium)')
      return []
    }
    await ctx.build()
    const { folder, sourceIds } = await makeLibraryProject(ctx.tmpDir, 1, 2_000_000, 2_000)
    const sourceId = sourceIds[0]!
    const app = await startBrowserMode({
      projectDir: folder,
      userDataDir: await mkdtemp(join(ctx.tmpDir, 'reader-user-')),
    })
    const browser = await launchChromium(ctx).catch(async (error: unknown) => {
      await app.stop()
      throw error
    })
    try {
      const context = await browser.newContext({ viewport: VIEWPORT })
      const page = await context.newPage()
      await page.goto(app.url)
      await page.getByRole('heading', { level: 1 }).waitFor()
      const runs: Marks[] = []
      for (let i = -1; i < Math.max(3, ctx.runs); i++) {
        // From the list each time, after a reload so no source data is cached.
        await page.evaluate(() => {
          window.location.hash = '#/sources'
        })
        await page.reload()
        await page.getByRole('heading', { name: 'Sources', level: 2 }).waitFor()
        const marks = (await page.evaluate(openAndTime(sourceId))) as Marks
        if (i >= 0) runs.push(marks)
      }
      await context.close()
      const floor = {
        name: 'sources.get fetched in the page',
        value: median(runs.map((r) => r.fetch)),
      }
      return [
        line({
          name: 'reader open, 2 MB source, 2,000 highlights: first paragraph painted',
          unit: 'ms',
          value: median(runs.map((r) => r.first)),
          floor,
          note: 'from the hash change, timed in the page (Chromium)',
        }),
        line({
          name: 'reader open, 2 MB source: every paragraph mounted',
          unit: 'ms',
          value: median(runs.map((r) => r.all)),
          floor,
          note: `mounted in groups over animation frames; longest frame meanwhile ${median(runs.map((r) => r.longest)).toFixed(0)} ms (median of runs)`,
        }),
      ]
    } finally {
      await browser.close()
      await app.stop()
      await rm(folder, { recursive: true, force: true })
    }
  },
}

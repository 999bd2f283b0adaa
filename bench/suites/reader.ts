/**
 * Opening a 2 MB source with 2,000 annotations in the reader, in Chromium against
 * browser mode: until the first paragraph shows, and until every paragraph is mounted.
 * The floor is `sources.get` for the same source over HTTP.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import type { BenchSuite } from '../types'
import { makeLibraryProject, median } from './library-fixtures'

const ROOT = resolve(import.meta.dirname, '..', '..')
const SERVE = join(ROOT, 'out', 'main', 'serve.js')

async function startServer(projectDir: string, userDataDir: string) {
  const child = spawn(
    process.execPath,
    [SERVE, '--project', projectDir, '--user-data', userDataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`browser mode did not start:\n${output}`)),
      30_000,
    )
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        done(match[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
  })
  const stop = async (): Promise<void> => {
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGTERM')
    await exited
  }
  return { url, stop }
}

export const readerSuite: BenchSuite = {
  name: 'reader',
  async run(ctx) {
    if (!ctx.chromiumPath || !existsSync(SERVE)) return []
    const { folder, sourceIds } = await makeLibraryProject(ctx.tmpDir, 1, 2_000_000, 2_000)
    const userData = await mkdtemp(join(ctx.tmpDir, 'reader-user-'))
    const server = await startServer(folder, userData)
    const browser = await chromium.launch({
      executablePath: ctx.chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    })
    try {
      const firstParagraph: number[] = []
      const allMounted: number[] = []
      const longestFrame: number[] = []
      const fetches: number[] = []
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
      const page = await context.newPage()
      await page.goto(server.url)
      await page.getByRole('heading', { level: 1 }).waitFor()
      for (let i = -1; i < Math.max(3, ctx.runs); i++) {
        // Start from the list each time, with the source's cached data dropped by a reload.
        await page.evaluate(() => {
          window.location.hash = '#/sources'
        })
        await page.reload()
        await page.getByRole('heading', { name: 'Sources', level: 2 }).waitFor()
        // A string, so the bundler's helpers do not leak into the page. Timed inside the page
        // by animation frames: first paragraph painted, all mounted, and the longest frame.
        const marks = (await page.evaluate(`(async () => {
          const t0 = performance.now()
          window.location.hash = '#/sources/${sourceIds[0]}'
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
            body: JSON.stringify({ id: '${sourceIds[0]}' }),
          })
          await response.json()
          marks.fetch = performance.now() - f0
          return marks
        })()`)) as { first: number; all: number; longest: number; fetch: number }
        if (i >= 0) {
          firstParagraph.push(marks.first)
          allMounted.push(marks.all)
          longestFrame.push(marks.longest)
          fetches.push(marks.fetch)
        }
      }
      await context.close()
      const floor = { name: 'sources.get over HTTP in the page', value: median(fetches) }
      return [
        {
          name: 'reader open, 2 MB source, 2,000 highlights: first paragraph',
          unit: 'ms',
          value: median(firstParagraph),
          floor,
          ratio: median(firstParagraph) / floor.value,
          note: 'from the hash change to the first paragraph painted, timed in the page',
        },
        {
          name: 'reader open, 2 MB source: every paragraph mounted',
          unit: 'ms',
          value: median(allMounted),
          floor,
          ratio: median(allMounted) / floor.value,
          note: `mounted in groups over animation frames; longest frame meanwhile ${median(longestFrame).toFixed(0)} ms (median)`,
        },
      ]
    } finally {
      await browser.close()
      await server.stop()
      await rm(folder, { recursive: true, force: true })
    }
  },
}

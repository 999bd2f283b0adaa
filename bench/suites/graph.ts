/**
 * The relationship graph at scale (issue 6): 5,000 entities and 20,000 relations (1,000 /
 * 4,000 when quick), in Chromium, for cytoscape's canvas renderer and for its WebGL one.
 *
 * - layout: "Run layout" (fcose, draft quality at this size) in the Web Worker, from click to
 *   the laid-out chart painted; the note gives the worker's own compute time and the longest
 *   main-thread task while the worker computed (the UI must stay responsive).
 * - first paint from saved positions: a fresh page opening the Graph view, from the elements in
 *   hand to the chart painted (the floor: fetching those elements over HTTP).
 * - frames per second while panning: the mouse drags the chart's background for two seconds;
 *   frames are the page's animation frames in that time.
 *
 * The app marks these moments with the User Timing API (performance.mark), which is what the
 * suite reads; nothing in the app is there for the bench alone.
 */
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { startBrowserMode, type RunningApp } from '../app'
import { framesPerSecondWhileDragging, launchChromium, markCount, VIEWPORT } from '../browser'
import { generateProject, writeProjectFolder } from '../generate'
import { line, median, sleep, target, timeOnce } from '../measure'
import type { BenchContext, BenchSuite, Measurement } from '../types'

const RENDERERS = ['canvas', 'webgl'] as const
type Renderer = (typeof RENDERERS)[number]

const PAN_MS = 2_000

interface GraphSize {
  entities: number
  relations: number
}

async function graphProject(ctx: BenchContext, size: GraphSize): Promise<string> {
  const started = performance.now()
  const generated = generateProject({
    sources: 60,
    annotations: 2_000,
    entities: size.entities,
    relations: size.relations,
    notes: 0,
    seed: 6,
    name: `Generated graph (${size.entities} entities, ${size.relations} relations)`,
  })
  const written = await writeProjectFolder(join(ctx.tmpDir, 'graph-project'), generated)
  ctx.log(
    `  generated a project of ${size.entities} entities and ${size.relations} relations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  return written.folder
}

/** A fresh context per page (no cache), with the renderer chosen and long tasks recorded. */
async function openPage(browser: Browser, renderer: Renderer): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript((webgl: boolean) => {
    localStorage.setItem('sightline.graph.webgl', webgl ? 'on' : 'off')
    const tasks: { start: number; end: number }[] = []
    ;(window as unknown as { longTasks: typeof tasks }).longTasks = tasks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration })
      }
    }).observe({ type: 'longtask', buffered: true })
  }, renderer === 'webgl')
  return context.newPage()
}

async function waitForMark(page: Page, name: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([n, c]) => performance.getEntriesByName(n as string).length >= (c as number),
    [name, count] as const,
    { timeout: 180_000, polling: 100 },
  )
}

/** Start time of the latest mark of that name. */
function lastMark(page: Page, name: string): Promise<{ at: number; detail: unknown }> {
  return page.evaluate((n) => {
    const marks = performance.getEntriesByName(n) as PerformanceMark[]
    const mark = marks[marks.length - 1]!
    return { at: mark.startTime, detail: mark.detail as unknown }
  }, name)
}

/** The longest main-thread task overlapping [from, to] (page clock), in ms. */
function longestTask(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      const tasks = (window as unknown as { longTasks: { start: number; end: number }[] }).longTasks
      let longest = 0
      for (const task of tasks) {
        if (task.end < a! || task.start > b!) continue
        longest = Math.max(longest, Math.min(task.end, b!) - Math.max(task.start, a!))
      }
      return longest
    },
    [from, to],
  )
}

interface LayoutRun {
  /** Click to laid-out chart painted. */
  totalMs: number
  /** The worker's own time. */
  computeMs: number
  /** Longest main-thread task while the worker computed. */
  stallMs: number
}

async function runLayout(page: Page): Promise<LayoutRun> {
  const before = await markCount(page, 'sightline:graph-laid-out')
  await page.getByRole('button', { name: 'Run layout' }).click()
  await waitForMark(page, 'sightline:graph-laid-out', before + 1)
  const start = await lastMark(page, 'sightline:layout-start')
  const computed = await lastMark(page, 'sightline:layout-computed')
  const painted = await lastMark(page, 'sightline:graph-laid-out')
  const detail = computed.detail as { computeMs: number }
  return {
    totalMs: painted.at - start.at,
    computeMs: detail.computeMs,
    // The worker's result arrives as one task (positions applied, chart redrawn): that one
    // is the paint, not a stall while computing.
    stallMs: await longestTask(page, start.at, computed.at - 1),
  }
}

/** From navigation to the chart painted from saved positions. */
async function firstPaint(page: Page, url: string): Promise<{ total: number; paint: number }> {
  await page.goto(`${url}#/graph`)
  await waitForMark(page, 'sightline:graph-painted', 1)
  const sync = await lastMark(page, 'sightline:graph-sync')
  const painted = await lastMark(page, 'sightline:graph-painted')
  return { total: painted.at, paint: painted.at - sync.at }
}

/** Drags the chart's background (a corner left empty by the fit) and counts frames. */
async function panFps(page: Page): Promise<number> {
  const chart = page.getByRole('img', { name: /^Relationship graph/ })
  const box = await chart.boundingBox()
  if (!box) throw new Error('the chart has no box')
  await sleep(500)
  const start = { x: box.x + 6, y: box.y + 6 }
  return framesPerSecondWhileDragging(
    page,
    start,
    (step) => ({
      x: start.x + 150 + 120 * Math.cos(step / 8),
      y: start.y + 120 + 90 * Math.sin(step / 8),
    }),
    PAN_MS,
  )
}

async function measureRenderer(
  ctx: BenchContext,
  browser: Browser,
  app: RunningApp,
  renderer: Renderer,
  size: GraphSize,
): Promise<Measurement[]> {
  // Each run opens a page on 25,000 elements: a few runs keep the suite within its minutes.
  const runs = ctx.quick ? 1 : Math.min(ctx.runs, 2)
  const label = `${size.entities / 1000}k/${size.relations / 1000}k, ${renderer === 'webgl' ? 'WebGL' : 'canvas'}`

  // Layouts, in one page: the first opening (no saved positions) lays out by itself.
  await app.call('graph.resetPositions')
  const layoutPage = await openPage(browser, renderer)
  const layouts: LayoutRun[] = []
  try {
    await layoutPage.goto(`${app.url}#/graph`)
    await waitForMark(layoutPage, 'sightline:graph-laid-out', 1)
    for (let i = 0; i < runs; i++) layouts.push(await runLayout(layoutPage))
  } finally {
    await layoutPage.context().close()
  }

  // First paints and panning, each from a fresh page on the saved positions.
  const paints: { total: number; paint: number }[] = []
  const fetches: number[] = []
  const fps: number[] = []
  for (let i = -1; i < runs; i++) {
    const page = await openPage(browser, renderer)
    try {
      const paint = await firstPaint(page, app.url)
      const frames = await panFps(page)
      const fetch = await timeOnce(() => app.call('graph.elements'))
      if (i < 0) continue
      paints.push(paint)
      fps.push(frames)
      fetches.push(fetch)
    } finally {
      await page.context().close()
    }
  }

  return [
    line({
      name: `graph layout, fcose (${label})`,
      unit: 'ms',
      value: median(layouts.map((l) => l.totalMs)),
      target: target.atMost(5_000),
      note: `Click to the laid-out chart painted. In the worker: ${median(layouts.map((l) => l.computeMs)).toFixed(0)} ms; longest main-thread task meanwhile: ${median(layouts.map((l) => l.stallMs)).toFixed(0)} ms.`,
    }),
    line({
      name: `graph first paint from saved positions (${label})`,
      unit: 'ms',
      value: median(paints.map((p) => p.paint)),
      floor: { name: 'graph.elements over HTTP', value: median(fetches) },
      target: target.atMost(1_000),
      note: `From the elements in hand to the chart painted; from navigation: ${median(paints.map((p) => p.total)).toFixed(0)} ms.`,
    }),
    line({
      name: `graph frames per second while panning (${label})`,
      unit: 'fps',
      value: median(fps),
      target: { of: 'value', op: '>=', limit: 30 },
      note: 'Animation frames while the mouse drags the chart for 2 s (headless Chromium, software rendering).',
    }),
  ]
}

export const graphSuite: BenchSuite = {
  name: 'graph',
  async run(ctx) {
    if (!ctx.chromiumPath) {
      ctx.log('  skipped: no Chromium (set CHROMIUM_PATH or install chromium)')
      return []
    }
    const size: GraphSize = ctx.quick
      ? { entities: 1_000, relations: 4_000 }
      : { entities: 5_000, relations: 20_000 }
    await ctx.build()
    const projectDir = await graphProject(ctx, size)
    const app = await startBrowserMode({
      projectDir,
      userDataDir: await mkdtemp(join(ctx.tmpDir, 'graph-user-data-')),
    })
    try {
      const browser = await launchChromium(ctx)
      try {
        const measurements: Measurement[] = []
        for (const renderer of RENDERERS) {
          measurements.push(...(await measureRenderer(ctx, browser, app, renderer, size)))
        }
        return measurements
      } finally {
        await browser.close()
      }
    } finally {
      await app.stop()
    }
  },
}

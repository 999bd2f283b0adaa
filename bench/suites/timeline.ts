/**
 * The timeline at scale (issue 17): 10,000 events and 2,000 relation spans across 50 lanes
 * (2,000 / 400 / 20 when quick), in headless Chromium with software rendering.
 *
 * - first paint: a fresh page opening the Timeline on the 50 lanes, from the items in hand to
 *   the chart drawn (the floor: fetching those items over HTTP);
 * - frames per second while panning (the mouse drags the chart) and while zooming (the wheel
 *   turns in and out), two seconds each;
 * - filter change: from the control's change event to the chart redrawn, for the evidence
 *   grade and for hiding the relation spans, with the longest main-thread task meanwhile.
 *
 * The app marks the moments with the User Timing API (sightline:timeline-items when the
 * items arrive, sightline:timeline-painted when new items are drawn), which is what the suite
 * reads. The lanes are chosen the way the view remembers an analyst's choice.
 */
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { startBrowserMode, type RunningApp } from '../app'
import { launchChromium, VIEWPORT } from '../browser'
import { generateTimelineProject, type TimelineCounts } from '../generate/timeline'
import { writeProjectFolder } from '../generate/write'
import { line, median, sleep, target, timeOnce } from '../measure'
import {
  framesPerSecond,
  lastMark,
  longestTask,
  markCount,
  recordLongTasks,
  waitForMark,
} from '../page-timing'
import type { BenchContext, BenchSuite, Measurement } from '../types'

const MOTION_MS = 2_000
const ITEMS = 'sightline:timeline-items'
const PAINTED = 'sightline:timeline-painted'

async function timelineProject(
  ctx: BenchContext,
  counts: TimelineCounts,
): Promise<{ folder: string; laneIds: string[] }> {
  const started = performance.now()
  const generated = generateTimelineProject(counts)
  const written = await writeProjectFolder(join(ctx.tmpDir, 'timeline-project'), generated)
  ctx.log(
    `  generated ${counts.events} events and ${counts.spans} spans on ${counts.lanes} lanes in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  return { folder: written.folder, laneIds: generated.laneIds }
}

/** A fresh context (no cache) with the lanes chosen and long tasks and changes recorded. */
async function openPage(browser: Browser, laneIds: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript(recordLongTasks)
  await context.addInitScript((ids: string[]) => {
    localStorage.setItem('sightline.timeline.lanes', JSON.stringify({ ids, unassigned: false }))
    // The moment a filter control changes, on the page's own clock.
    const state = window as unknown as { lastChange: number }
    state.lastChange = 0
    document.addEventListener('change', (event) => (state.lastChange = event.timeStamp), true)
  }, laneIds)
  return context.newPage()
}

interface FirstPaint {
  /** Items in hand to the chart drawn. */
  paint: number
  /** Navigation to the chart drawn. */
  total: number
}

async function firstPaint(page: Page, url: string): Promise<FirstPaint> {
  await page.goto(`${url}#/timeline`)
  await waitForMark(page, PAINTED, 1)
  const items = await lastMark(page, ITEMS)
  const painted = await lastMark(page, PAINTED)
  return { paint: painted - items, total: painted }
}

async function chartCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByRole('img', { name: /^Timeline chart/ }).boundingBox()
  if (!box) throw new Error('the timeline chart has no box')
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 300) }
}

async function panFps(page: Page): Promise<number> {
  const centre = await chartCentre(page)
  await page.mouse.move(centre.x, centre.y)
  await page.mouse.down()
  try {
    return await framesPerSecond(page, MOTION_MS, (step) =>
      page.mouse.move(centre.x + 200 * Math.sin(step / 8), centre.y + 20 * Math.cos(step / 8)),
    )
  } finally {
    await page.mouse.up()
  }
}

async function zoomFps(page: Page): Promise<number> {
  const centre = await chartCentre(page)
  await page.mouse.move(centre.x, centre.y)
  // In for a second, out for a second: from the decades down to months and back.
  return framesPerSecond(page, MOTION_MS, (step) =>
    page.mouse.wheel(0, step % 120 < 60 ? -120 : 120),
  )
}

interface FilterChange {
  ms: number
  stallMs: number
}

/** From the control's change event to the chart redrawn with the filtered items. */
async function timeFilterChange(page: Page, change: () => Promise<void>): Promise<FilterChange> {
  const before = await markCount(page, PAINTED)
  await change()
  await waitForMark(page, PAINTED, before + 1)
  const changed = await page.evaluate(
    () => (window as unknown as { lastChange: number }).lastChange,
  )
  const painted = await lastMark(page, PAINTED)
  return { ms: painted - changed, stallMs: await longestTask(page, changed, painted) }
}

async function filterChanges(
  page: Page,
  runs: number,
): Promise<{ grade: FilterChange[]; spans: FilterChange[] }> {
  const grade = page.getByRole('combobox', { name: 'Evidence grade' })
  const spans = page
    .getByRole('group', { name: 'Show' })
    .getByRole('checkbox', { name: 'Relations (spans)' })
  const result = { grade: [] as FilterChange[], spans: [] as FilterChange[] }
  for (let i = -1; i < runs; i++) {
    // Each change and its undoing are two measurements of the same kind.
    const changes = [
      await timeFilterChange(page, async () => {
        await grade.selectOption({ label: 'Graded 2 or better' })
      }),
      await timeFilterChange(page, async () => {
        await grade.selectOption({ label: 'Any, unsupported included' })
      }),
    ]
    const toggles = [
      await timeFilterChange(page, () => spans.setChecked(false)),
      await timeFilterChange(page, () => spans.setChecked(true)),
    ]
    if (i < 0) continue
    result.grade.push(...changes)
    result.spans.push(...toggles)
  }
  return result
}

async function measure(
  ctx: BenchContext,
  browser: Browser,
  app: RunningApp,
  laneIds: string[],
  counts: TimelineCounts,
): Promise<Measurement[]> {
  const runs = ctx.quick ? 1 : Math.min(ctx.runs, 3)
  const label = `${counts.events.toLocaleString('en')} events, ${counts.spans.toLocaleString('en')} spans, ${counts.lanes} lanes`
  const paints: FirstPaint[] = []
  const fetches: number[] = []
  const pans: number[] = []
  const zooms: number[] = []
  const grade: FilterChange[] = []
  const spans: FilterChange[] = []
  let shown = ''
  for (let i = -1; i < runs; i++) {
    const page = await openPage(browser, laneIds)
    try {
      const paint = await firstPaint(page, app.url)
      shown = (await page.getByRole('status', { name: 'Timeline status' }).textContent()) ?? ''
      await sleep(300)
      const pan = await panFps(page)
      const zoom = await zoomFps(page)
      const fetch = await timeOnce(() => app.call('timeline.items', { laneIds, unassigned: false }))
      if (i < 0) continue
      paints.push(paint)
      fetches.push(fetch)
      pans.push(pan)
      zooms.push(zoom)
      if (i === 0) {
        const changes = await filterChanges(page, runs)
        grade.push(...changes.grade)
        spans.push(...changes.spans)
      }
    } finally {
      await page.context().close()
    }
  }
  const stall = (changes: FilterChange[]): string =>
    `longest main-thread task meanwhile: ${median(changes.map((c) => c.stallMs)).toFixed(0)} ms`
  return [
    line({
      name: `timeline first paint (${label})`,
      unit: 'ms',
      value: median(paints.map((p) => p.paint)),
      floor: { name: 'timeline.items over HTTP', value: median(fetches) },
      target: target.atMost(1_000),
      note: `From the items in hand to the chart drawn; from navigation: ${median(paints.map((p) => p.total)).toFixed(0)} ms. On screen: ${shown}.`,
    }),
    line({
      name: `timeline frames per second while panning (${label})`,
      unit: 'fps',
      value: median(pans),
      target: { of: 'value', op: '>=', limit: 30 },
      note: 'Animation frames while the mouse drags the chart for 2 s (headless Chromium, software rendering).',
    }),
    line({
      name: `timeline frames per second while zooming (${label})`,
      unit: 'fps',
      value: median(zooms),
      target: { of: 'value', op: '>=', limit: 30 },
      note: 'Animation frames while the wheel zooms in and out over the chart for 2 s.',
    }),
    line({
      name: `timeline filter change, evidence grade (${label})`,
      unit: 'ms',
      value: median(grade.map((c) => c.ms)),
      target: target.atMost(200),
      note: `From the change event to the chart redrawn ("Graded 2 or better" and back); ${stall(grade)}.`,
    }),
    line({
      name: `timeline filter change, hide relation spans (${label})`,
      unit: 'ms',
      value: median(spans.map((c) => c.ms)),
      target: target.atMost(200),
      note: `From the change event to the chart redrawn (spans off and on); ${stall(spans)}.`,
    }),
  ]
}

export const timelineSuite: BenchSuite = {
  name: 'timeline',
  async run(ctx) {
    if (!ctx.chromiumPath) {
      ctx.log('  skipped: no Chromium (set CHROMIUM_PATH or install chromium)')
      return []
    }
    const counts: TimelineCounts = ctx.quick
      ? { lanes: 20, events: 2_000, spans: 400 }
      : { lanes: 50, events: 10_000, spans: 2_000 }
    await ctx.build()
    const project = await timelineProject(ctx, counts)
    const app = await startBrowserMode({
      projectDir: project.folder,
      userDataDir: await mkdtemp(join(ctx.tmpDir, 'timeline-user-data-')),
    })
    try {
      const browser = await launchChromium(ctx)
      try {
        return await measure(ctx, browser, app, project.laneIds, counts)
      } finally {
        await browser.close()
      }
    } finally {
      await app.stop()
    }
  },
}

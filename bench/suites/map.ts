/**
 * The map (issue 18): the 34 provinces and 2,000 places drawn as points (500 when quick),
 * in Chromium against browser mode, with every place given coordinates spread over the
 * country.
 *
 * - first paint: a fresh page opening the Map view, from the map data in hand to the frame
 *   after the layer's own (the floor: fetching map.data over HTTP).
 * - switching layer or group: from the analyst's input (the layer chosen, a group ticked) to
 *   the frame after the new layer's (the floor: computing the layer alone, mapView in Node).
 * - frames per second while panning: zoomed in, the mouse drags the map for two seconds;
 *   frames are the page's animation frames in that time.
 *
 * The app marks its moments with the User Timing API (sightline:map-data, sightline:map-painted,
 * sightline:map-zoomed); the suite records the input's time with a listener of its own.
 */
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import type { MapData } from '../../src/shared/contract'
import { mapView } from '../../src/shared/geo/map-layers'
import { PROVINCES } from '../../src/shared/geo/provinces'
import { startBrowserMode } from '../app'
import { framesPerSecondWhileDragging, launchChromium, markCount, VIEWPORT } from '../browser'
import { generateProject, writeProjectFolder } from '../generate'
import { Random } from '../generate/random'
import { line, median, sleep, target, timeMedian, timeOnce } from '../measure'
import type { BenchContext, BenchSuite } from '../types'

const PAN_MS = 2_000
/** Degrees around a province's label point within which its places are scattered. */
const SCATTER = 0.3

/**
 * A generated project whose places (a quarter of the entities) all have coordinates, near
 * the label points of the provinces in turn, and whose groups operate in them.
 */
async function mapProject(ctx: BenchContext, points: number): Promise<string> {
  const started = performance.now()
  const generated = generateProject({
    sources: 60,
    annotations: 2_000,
    // About a fifth of generated entities are places (events took a share of them).
    entities: points * 5,
    relations: points * 4,
    notes: 0,
    seed: 18,
    name: `Generated map (${points} places with coordinates)`,
  })
  const rnd = new Random(18)
  let placed = 0
  for (const entity of generated.file.entities) {
    if (entity.type !== 'place' || placed >= points) continue
    const { labelPoint } = PROVINCES[placed % PROVINCES.length]!
    const round = (n: number) => Math.round(n * 1e4) / 1e4
    // A province, region or country would be drawn as a shape, not a point.
    Object.assign(entity.attributes, {
      placeKind: 'district',
      latitude: round(labelPoint.lat + (rnd.float() - 0.5) * 2 * SCATTER),
      longitude: round(labelPoint.lon + (rnd.float() - 0.5) * 2 * SCATTER),
    })
    placed++
  }
  if (placed < points) throw new Error(`the generated project has only ${placed} places`)
  const written = await writeProjectFolder(join(ctx.tmpDir, 'map-project'), generated)
  ctx.log(
    `  generated a project of ${placed} located places in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  return written.folder
}

/** A fresh context per page (no cache); every input's time is kept for the suite to read. */
async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript(() => {
    const state = window as unknown as { inputAt: number | null }
    state.inputAt = null
    // The first of click/input/change: React answers a checkbox's click, a select's input.
    for (const type of ['click', 'input', 'change']) {
      window.addEventListener(
        type,
        () => {
          if (state.inputAt === null) state.inputAt = performance.now()
        },
        { capture: true },
      )
    }
  })
  return context.newPage()
}

async function waitForMark(page: Page, name: string, count: number): Promise<number> {
  await page.waitForFunction(
    ([n, c]) => performance.getEntriesByName(n as string).length >= (c as number),
    [name, count] as const,
    { timeout: 60_000, polling: 50 },
  )
  return page.evaluate((n) => {
    const marks = performance.getEntriesByName(n)
    return marks[marks.length - 1]!.startTime
  }, name)
}

/** From the map data in hand to the first layer painted; and from navigation. */
async function firstPaint(page: Page, url: string): Promise<{ paint: number; total: number }> {
  await page.goto(`${url}#/map`)
  const painted = await waitForMark(page, 'sightline:map-painted', 1)
  const data = await waitForMark(page, 'sightline:map-data', 1)
  return { paint: painted - data, total: painted }
}

/** Input to the new layer painted, for an action that changes what the map shows. */
async function switchTime(page: Page, act: () => Promise<void>): Promise<number> {
  const before = await markCount(page, 'sightline:map-painted')
  await page.evaluate(() => {
    ;(window as unknown as { inputAt: number | null }).inputAt = null
  })
  await act()
  const painted = await waitForMark(page, 'sightline:map-painted', before + 1)
  const inputAt = await page.evaluate(
    () => (window as unknown as { inputAt: number | null }).inputAt,
  )
  if (inputAt === null) throw new Error('no input was recorded')
  // Let the frame settle before the next switch.
  await sleep(150)
  return painted - inputAt
}

/** Every switch an analyst makes: each layer in turn, a group ticked and unticked. */
async function switches(page: Page, groupName: string): Promise<number[]> {
  const layer = page.getByRole('group', { name: 'Map controls' }).getByLabel('Layer')
  const group = page
    .getByRole('group', { name: 'Groups to compare' })
    .getByRole('checkbox', { name: groupName, exact: true })
  // The group picker lists a few dozen groups at once; its filter box finds the rest.
  const find = page.getByRole('searchbox', { name: 'Find a group' })
  if (await find.isVisible()) await find.fill(groupName)
  const times: number[] = []
  for (const value of ['quotes', 'claims', 'groups']) {
    times.push(await switchTime(page, () => layer.selectOption(value).then(() => undefined)))
  }
  times.push(await switchTime(page, () => group.check()))
  times.push(await switchTime(page, () => group.uncheck()))
  return times
}

/** Zoomed in, drags the map in circles and counts frames; also how many zooms d3 applied. */
async function panFps(page: Page): Promise<{ fps: number; moves: number }> {
  const map = page.getByRole('group', { name: /^Map of Afghanistan/ })
  const zoomIn = page.getByRole('button', { name: 'Zoom in' })
  await zoomIn.click()
  await zoomIn.click()
  const box = await map.boundingBox()
  if (!box) throw new Error('the map has no box')
  await sleep(300)
  const zoomsBefore = await markCount(page, 'sightline:map-zoomed')
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  const fps = await framesPerSecondWhileDragging(
    page,
    start,
    (step) => ({
      x: start.x + 120 * Math.cos(step / 8),
      y: start.y + 90 * Math.sin(step / 8),
    }),
    PAN_MS,
  )
  const moves = (await markCount(page, 'sightline:map-zoomed')) - zoomsBefore
  return { fps, moves }
}

export const mapSuite: BenchSuite = {
  name: 'map',
  async run(ctx) {
    if (!ctx.chromiumPath) {
      ctx.log('  skipped: no Chromium (set CHROMIUM_PATH or install chromium)')
      return []
    }
    const points = ctx.quick ? 500 : 2_000
    const runs = ctx.quick ? 1 : Math.min(ctx.runs, 3)
    await ctx.build()
    const projectDir = await mapProject(ctx, points)
    const app = await startBrowserMode({
      projectDir,
      userDataDir: await mkdtemp(join(ctx.tmpDir, 'map-user-data-')),
    })
    try {
      const data = (await app.call('map.data')) as MapData
      const located = data.places.filter((p) => p.point).length
      // The busiest group: ticking it lights the most provinces and points.
      const counts = new Map<string, number>()
      for (const r of data.relations) counts.set(r.groupId, (counts.get(r.groupId) ?? 0) + 1)
      const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
      const groupName = data.groups.find((g) => g.id === busiest)?.name
      if (!groupName) throw new Error('the generated project has no group operating anywhere')

      const computeMs = await timeMedian(ctx.runs, () => {
        for (const layer of ['quotes', 'claims', 'groups'] as const)
          mapView(data, { layer, groupIds: [], range: null })
        mapView(data, { layer: 'areas', groupIds: [busiest!], range: null })
      })

      const browser = await launchChromium(ctx)
      const paints: { paint: number; total: number }[] = []
      const fetches: number[] = []
      const switchTimes: number[] = []
      const fps: number[] = []
      const moves: number[] = []
      try {
        for (let i = -1; i < runs; i++) {
          const page = await openPage(browser)
          try {
            const paint = await firstPaint(page, app.url)
            const fetch = await timeOnce(() => app.call('map.data'))
            const switched = await switches(page, groupName)
            const pan = await panFps(page)
            if (i < 0) continue
            paints.push(paint)
            fetches.push(fetch)
            switchTimes.push(...switched)
            fps.push(pan.fps)
            moves.push(pan.moves)
          } finally {
            await page.context().close()
          }
        }
      } finally {
        await browser.close()
      }

      const label = `34 provinces + ${located} points`
      const sorted = [...switchTimes].sort((a, b) => a - b)
      return [
        line({
          name: `map first paint (${label})`,
          unit: 'ms',
          value: median(paints.map((p) => p.paint)),
          floor: { name: 'map.data over HTTP', value: median(fetches) },
          target: target.atMost(300),
          note: `From the map data in hand to the frame after the layer's; from navigation: ${median(paints.map((p) => p.total)).toFixed(0)} ms.`,
        }),
        line({
          name: `map switching layer or group (${label})`,
          unit: 'ms',
          value: median(switchTimes),
          floor: { name: 'mapView in Node, per switch', value: computeMs / 4 },
          target: target.atMost(100),
          note: `Input to the frame after the new layer's, over ${switchTimes.length} switches (three layers, a group ticked and unticked); slowest: ${sorted[sorted.length - 1]!.toFixed(0)} ms.`,
        }),
        line({
          name: `map frames per second while panning (${label})`,
          unit: 'fps',
          value: median(fps),
          target: { of: 'value', op: '>=', limit: 30 },
          note: `Zoomed in 2.6×, the mouse drags the map for 2 s (headless Chromium, software rendering); d3-zoom moved the map ${median(moves).toFixed(0)} times.`,
        }),
      ]
    } finally {
      await app.stop()
    }
  },
}

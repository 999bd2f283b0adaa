/**
 * The relationship graph at scale (issues 6 and 21): 1,000 entities / 4,000 relations and
 * 5,000 / 20,000, in Chromium. Every figure stands beside its floor measured in the same run.
 *
 * - layout: "Run layout" (force-directed: fcose up to 1,000 entities, ForceAtlas2 beyond) in
 *   the Web Worker, from click to the laid-out chart painted; floor: the same layout computed
 *   in Node (the algorithm alone). Beside it, the longest main-thread task while the worker
 *   computed (the UI must stay responsive).
 * - first paint from saved positions: a fresh page on the whole graph (`#/graph?all`), from
 *   the elements in hand to every entity drawn at its saved place with the chart usable (a
 *   large chart's relations are still streaming in: edge-stream.ts); complete paint: to the
 *   last relation drawn. Floor for both: cytoscape alone on a blank page drawing all the same
 *   elements at once with no styles (bench/graph-floor.ts).
 * - frames per second while panning: the mouse drags the chart's background for two seconds;
 *   frames are the page's animation frames in that time; beside the floor page's.
 * - opening on a focus of depth 2: a fresh page on `#/graph?focus=<id>&depth=2`, from the
 *   elements in hand to the focus painted, for an entity of median degree and for the most
 *   connected one (its neighbourhood capped by the app); floor: cytoscape alone drawing the
 *   same elements.
 * - WebGL (a setting, off by default): first paint and panning, for the record.
 *
 * The app marks these moments with the User Timing API (performance.mark), which is what the
 * suite reads; nothing in the app is there for the bench alone.
 */
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import type { GraphElements } from '../../src/shared/contract'
import { labelWidth, nodeSize } from '../../src/renderer/src/features/graph/chart-style'
import { adjacencyOf, neighbourhood } from '../../src/renderer/src/features/graph/exploration'
import { computeLayout } from '../../src/renderer/src/features/graph/layout'
import { NO_FILTER } from '../../src/renderer/src/features/graph/view-filter'
import { graphFocusHref } from '../../src/renderer/src/routes/links'
import { startBrowserMode, type RunningApp } from '../app'
import { framesPerSecondWhileDragging, launchChromium, markCount, VIEWPORT } from '../browser'
import { generateProject, writeProjectFolder } from '../generate'
import { floorElements, floorPaint } from '../graph-floor'
import { line, median, sleep, target } from '../measure'
import type { BenchContext, BenchSuite, Measurement } from '../types'
import { longestTask } from '../page-timing'

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
  const written = await writeProjectFolder(
    join(ctx.tmpDir, `graph-project-${size.entities}`),
    generated,
  )
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

interface LayoutRun {
  /** Click to laid-out chart painted. */
  totalMs: number
  /** The worker's own time. */
  computeMs: number
  /** Longest main-thread task while the worker computed. */
  stallMs: number
  algorithm: string
}

async function runLayout(page: Page): Promise<LayoutRun> {
  const before = await markCount(page, 'sightline:graph-laid-out')
  await page.getByRole('button', { name: 'Run layout' }).click()
  await waitForMark(page, 'sightline:graph-laid-out', before + 1)
  const start = await lastMark(page, 'sightline:layout-start')
  const computed = await lastMark(page, 'sightline:layout-computed')
  const painted = await lastMark(page, 'sightline:graph-laid-out')
  const detail = computed.detail as { computeMs: number; algorithm?: string; quality?: string }
  return {
    totalMs: painted.at - start.at,
    computeMs: detail.computeMs,
    // The worker's result arrives as one task (positions applied, chart redrawn): that one
    // is the paint, not a stall while computing.
    stallMs: await longestTask(page, start.at, computed.at - 1),
    algorithm:
      detail.algorithm === 'fcose' ? `fcose, ${detail.quality} quality` : (detail.algorithm ?? ''),
  }
}

interface PaintTimes {
  /** Navigation to the first paint. */
  total: number
  /** Elements in hand to the first paint: every entity drawn at its place, the chart usable. */
  paint: number
  /** Elements in hand to the last relation drawn (the same moment when none were deferred). */
  complete: number
}

/** From navigation to the chart painted from saved positions, first and complete. */
async function firstPaint(page: Page, url: string): Promise<PaintTimes> {
  await page.goto(url)
  await waitForMark(page, 'sightline:graph-complete', 1)
  const sync = await lastMark(page, 'sightline:graph-sync')
  const painted = await lastMark(page, 'sightline:graph-painted')
  const complete = await lastMark(page, 'sightline:graph-complete')
  return { total: painted.at, paint: painted.at - sync.at, complete: complete.at - sync.at }
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

function sizeLabel(size: GraphSize): string {
  return `${size.entities / 1000}k/${size.relations / 1000}k`
}

/** The force-directed layout of the whole graph in Node: the algorithm without page or worker. */
function layoutInNode(graph: GraphElements): number {
  const nodes = graph.nodes.map((n) => ({
    id: n.id,
    size: nodeSize(n.evidenceCount),
    labelWidth: labelWidth(n.name),
  }))
  const edges = graph.edges.map((e) => ({ id: e.id, source: e.from, target: e.to }))
  return computeLayout({ kind: 'fcose', nodes, edges }).ms
}

async function measureLayout(
  ctx: BenchContext,
  browser: Browser,
  app: RunningApp,
  size: GraphSize,
  runs: number,
): Promise<Measurement[]> {
  // The first opening of the whole graph (no saved positions) lays out by itself.
  await app.call('graph.resetPositions')
  const page = await openPage(browser, 'canvas')
  const layouts: LayoutRun[] = []
  try {
    await page.goto(`${app.url}#/graph?all`)
    await waitForMark(page, 'sightline:graph-laid-out', 1)
    for (let i = 0; i < runs; i++) layouts.push(await runLayout(page))
  } finally {
    await page.context().close()
  }
  const graph = (await app.call('graph.elements')) as GraphElements
  const inNode: number[] = []
  for (let i = 0; i < runs; i++) inNode.push(layoutInNode(graph))
  const label = sizeLabel(size)
  const algorithm = layouts[0]?.algorithm ?? ''
  ctx.log(
    `  ${label}: layout ${median(layouts.map((l) => l.totalMs)).toFixed(0)} ms (${algorithm})`,
  )
  return [
    line({
      name: `graph layout, force-directed (${label}, canvas)`,
      unit: 'ms',
      value: median(layouts.map((l) => l.totalMs)),
      floor: { name: 'the same layout in Node', value: median(inNode) },
      target: target.atMost(5_000),
      note: `${algorithm}. Click to the laid-out chart painted; in the worker: ${median(layouts.map((l) => l.computeMs)).toFixed(0)} ms.`,
    }),
    line({
      name: `graph longest main-thread task during layout (${label})`,
      unit: 'ms',
      value: median(layouts.map((l) => l.stallMs)),
      target: target.atMost(100),
      note: 'Longest task on the page while the worker computed (long tasks of 50 ms or more).',
    }),
  ]
}

async function measureWhole(
  browser: Browser,
  app: RunningApp,
  renderer: Renderer,
  size: GraphSize,
  runs: number,
): Promise<Measurement[]> {
  const graph = (await app.call('graph.elements')) as GraphElements
  const paints: PaintTimes[] = []
  const fps: number[] = []
  const floors: { paintMs: number; fps: number }[] = []
  for (let i = -1; i < runs; i++) {
    const page = await openPage(browser, renderer)
    try {
      const paint = await firstPaint(page, `${app.url}#/graph?all`)
      const frames = await panFps(page)
      if (i < 0) continue
      paints.push(paint)
      fps.push(frames)
    } finally {
      await page.context().close()
    }
    floors.push(await floorPaint(browser, floorElements(graph), panFps))
  }
  const label = `${sizeLabel(size)}, ${renderer === 'webgl' ? 'WebGL' : 'canvas'}`
  const floorPaintMs = median(floors.map((f) => f.paintMs))
  return [
    line({
      name: `graph first paint from saved positions (${label})`,
      unit: 'ms',
      value: median(paints.map((p) => p.paint)),
      floor: { name: 'cytoscape alone, no styles', value: floorPaintMs },
      target: target.atMost(1_000),
      note: `The whole graph ("Show all"), from the elements in hand to every entity drawn at its place and the chart usable (a large graph's relations still coming in); from navigation: ${median(paints.map((p) => p.total)).toFixed(0)} ms.`,
    }),
    line({
      name: `graph complete paint from saved positions (${label})`,
      unit: 'ms',
      value: median(paints.map((p) => p.complete)),
      floor: { name: 'cytoscape alone, no styles, all at once', value: floorPaintMs },
      note: 'From the elements in hand to the last relation drawn; the floor draws everything in one batch and one frame.',
    }),
    line({
      name: `graph frames per second while panning (${label})`,
      unit: 'fps',
      value: median(fps),
      floor: { name: 'cytoscape alone, no styles', value: median(floors.map((f) => f.fps)) },
      target: { of: 'value', op: '>=', limit: 30 },
      note: 'Animation frames while the mouse drags the chart for 2 s (headless Chromium, software rendering).',
    }),
  ]
}

/** An entity of median degree: what opening the graph on an ordinary entity costs. */
function typicalEntity(graph: GraphElements): string {
  const linked = graph.nodes.filter((n) => n.degree > 0).sort((a, b) => a.degree - b.degree)
  return linked[linked.length >> 1]!.id
}

function mostConnectedEntity(graph: GraphElements): string {
  return [...graph.nodes].sort((a, b) => b.degree - a.degree)[0]!.id
}

async function measureFocus(
  browser: Browser,
  app: RunningApp,
  size: GraphSize,
  runs: number,
  which: 'median degree' | 'most connected',
): Promise<Measurement> {
  const graph = (await app.call('graph.elements')) as GraphElements
  const id = which === 'median degree' ? typicalEntity(graph) : mostConnectedEntity(graph)
  const reach = neighbourhood(graph, adjacencyOf(graph.edges), NO_FILTER, [id], 2)
  const floorEls = floorElements(graph, reach.nodes)
  const paints: PaintTimes[] = []
  const floors: number[] = []
  for (let i = -1; i < runs; i++) {
    const page = await openPage(browser, 'canvas')
    try {
      const paint = await firstPaint(page, `${app.url}${graphFocusHref(id)}`)
      if (i >= 0) paints.push(paint)
    } finally {
      await page.context().close()
    }
    const floor = await floorPaint(browser, floorEls, async () => 0)
    if (i >= 0) floors.push(floor.paintMs)
  }
  return line({
    name: `graph opening on a focus of depth 2, ${which} (${sizeLabel(size)}, canvas)`,
    unit: 'ms',
    value: median(paints.map((p) => p.paint)),
    floor: { name: 'cytoscape alone, no styles', value: median(floors) },
    target: target.atMost(300),
    note: `${reach.nodes.size} entities and ${floorEls.edges.length} relations${reach.leftOut > 0 ? ` (capped; ${reach.leftOut}+ left out)` : ''}; from the elements in hand to the focus painted; complete (every relation drawn): ${median(paints.map((p) => p.complete)).toFixed(0)} ms; from navigation: ${median(paints.map((p) => p.total)).toFixed(0)} ms.`,
  })
}

async function measureSize(
  ctx: BenchContext,
  browser: Browser,
  size: GraphSize,
): Promise<Measurement[]> {
  // Each run opens pages on up to 25,000 elements: a few runs keep the suite within minutes.
  const runs = ctx.quick ? 1 : Math.min(ctx.runs, 3)
  const projectDir = await graphProject(ctx, size)
  const app = await startBrowserMode({
    projectDir,
    userDataDir: await mkdtemp(join(ctx.tmpDir, 'graph-user-data-')),
  })
  try {
    const measurements = await measureLayout(ctx, browser, app, size, runs)
    for (const renderer of RENDERERS) {
      measurements.push(...(await measureWhole(browser, app, renderer, size, runs)))
    }
    measurements.push(await measureFocus(browser, app, size, runs, 'median degree'))
    measurements.push(await measureFocus(browser, app, size, runs, 'most connected'))
    return measurements
  } finally {
    await app.stop()
  }
}

const SIZES: GraphSize[] = [
  { entities: 1_000, relations: 4_000 },
  { entities: 5_000, relations: 20_000 },
]

export const graphSuite: BenchSuite = {
  name: 'graph',
  async run(ctx) {
    if (!ctx.chromiumPath) {
      ctx.log('  skipped: no Chromium (set CHROMIUM_PATH or install chromium)')
      return []
    }
    await ctx.build()
    const browser = await launchChromium(ctx)
    try {
      const measurements: Measurement[] = []
      for (const size of SIZES) measurements.push(...(await measureSize(ctx, browser, size)))
      return measurements
    } finally {
      await browser.close()
    }
  },
}

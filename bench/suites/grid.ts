/**
 * The entity grid with 100,000 groups, in Chromium through Playwright, against browser
 * mode: first paint, sort, filter, and the time to apply one edit. Each figure has a floor
 * measured in the same page: the bare fetch of the rows, a plain sort or filter of the
 * same names, and the same edit on a 1,000-row grid (an edit must not cost more because
 * the grid is larger: rows are updated by id, never re-created).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { writeGridProject } from '../grid-project'
import type { BenchContext, BenchSuite, Measurement } from '../types'

const ROOT = resolve(import.meta.dirname, '..', '..')
const SERVE = join(ROOT, 'out', 'main', 'serve.js')

interface Server {
  url: string
  origin: string
  stop(): Promise<void>
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const round = (value: number): number => Math.round(value * 10) / 10

async function ensureBuilt(): Promise<void> {
  if (existsSync(SERVE) && existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) return
  await new Promise<void>((done, fail) => {
    const build = spawn(
      process.execPath,
      [join(ROOT, 'node_modules', '.bin', 'electron-vite'), 'build'],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    )
    build.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`electron-vite build exited with ${code}`)),
    )
  })
}

async function startServer(projectDir: string, userDataDir: string): Promise<Server> {
  const child: ChildProcess = spawn(
    process.execPath,
    [SERVE, '--project', projectDir, '--user-data', userDataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`browser mode did not start:\n${output}`)),
      120_000,
    )
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        done(match[1])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => fail(new Error(`browser mode exited with ${code}:\n${output}`)))
  })
  return {
    url,
    origin: new URL(url).origin,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** Loads the grid and returns ms from navigation start to the first painted row. */
async function firstPaint(page: Page, url: string): Promise<number> {
  await page.goto(url)
  const handle = await page.waitForFunction(
    () =>
      document.querySelector('[role="row"][row-index] [col-id="name"]') ? performance.now() : false,
    null,
    { polling: 'raf', timeout: 180_000 },
  )
  return (await handle.jsonValue()) as number
}

/** Waits until every row has arrived (the count stops saying "loading"); returns ms since navigation. */
async function fullyLoaded(page: Page, rows: number): Promise<number> {
  const expected = `${rows.toLocaleString('en')} groups`
  const handle = await page.waitForFunction(
    (text) =>
      document.querySelector('.view-toolbar .muted')?.textContent === text
        ? performance.now()
        : false,
    expected,
    { polling: 'raf', timeout: 180_000 },
  )
  return (await handle.jsonValue()) as number
}

/** The floor of first paint: fetching and parsing the same rows, nothing else. */
function fetchRows(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const start = performance.now()
    const response = await fetch('/api/entities.table', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'group' }),
    })
    await response.json()
    return performance.now() - start
  })
}

/**
 * In-page timing helpers: start the clock, act on the DOM the way a user's click or
 * keystroke would, and stop at the first frame that shows the result.
 */
const IN_PAGE = `
// tsx (esbuild keepNames) wraps functions in __name(); the page has no such helper.
window.__name = window.__name || ((fn) => fn);
window.__bench = {
  frame: () => new Promise((r) => requestAnimationFrame(() => r())),
  async until(test, limitMs = 120000) {
    const start = performance.now()
    while (!test()) {
      if (performance.now() - start > limitMs) throw new Error('timed out')
      await window.__bench.frame()
    }
  },
  firstName() {
    const cell = document.querySelector('.ag-center-cols-container [role="row"][row-index="0"] [col-id="name"], [role="row"][row-index="0"] [col-id="name"]')
    return cell ? cell.textContent.trim() : ''
  },
  header(colId) {
    return document.querySelector('[role="columnheader"][col-id="' + colId + '"] .ag-header-cell-label')
  },
  setInput(input, value) {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
    setter.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  },
}
`

async function timeSortByName(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const b = (window as unknown as { __bench: BenchHelpers }).__bench
    const header = b.header('name')!
    const sortState = () => header.closest('[role="columnheader"]')!.getAttribute('aria-sort')
    // The server already sends rows by name: ascending changes nothing visible, so time descending.
    header.click()
    await b.until(() => sortState() === 'ascending')
    await b.frame()
    const before = b.firstName()
    const start = performance.now()
    header.click()
    await b.until(() => b.firstName() !== before)
    const elapsed = performance.now() - start
    header.click()
    await b.until(() => sortState() === 'none')
    await b.frame()
    return elapsed
  })
}

async function timeQuickFilter(page: Page, text: string): Promise<number> {
  return page.evaluate(async (needle) => {
    const b = (window as unknown as { __bench: BenchHelpers }).__bench
    const input = document.querySelector<HTMLInputElement>('input[type="search"].quick-filter')!
    const before = b.firstName()
    const start = performance.now()
    b.setInput(input, needle)
    await b.until(
      () => b.firstName() !== before && document.querySelector('.filter-count') !== null,
    )
    const elapsed = performance.now() - start
    b.setInput(input, '')
    await b.until(() => document.querySelector('.filter-count') === null)
    await b.frame()
    return elapsed
  }, text)
}

async function timeEvidenceFilter(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const b = (window as unknown as { __bench: BenchHelpers }).__bench
    const box = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find(
      (c) => c.parentElement?.textContent?.includes('Only rows with evidence graded'),
    )!
    const start = performance.now()
    box.click()
    await b.until(() => document.querySelector('.filter-count') !== null)
    await b.frame()
    const elapsed = performance.now() - start
    box.click()
    await b.until(() => document.querySelector('.filter-count') === null)
    await b.frame()
    return elapsed
  })
}

/** Plain JS over the same names: what sorting and filtering cost without a grid. */
function namesFloor(page: Page, needle: string): Promise<{ sort: number; filter: number }> {
  return page.evaluate(async (text) => {
    const response = await fetch('/api/entities.table', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'group' }),
    })
    const rows = ((await response.json()) as { value: { entity: { name: string } }[] }).value
    const names = rows.map((r) => r.entity.name)
    let start = performance.now()
    names.slice().sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    const sort = performance.now() - start
    const lower = text.toLowerCase()
    start = performance.now()
    names.filter((n) => n.toLowerCase().includes(lower))
    const filter = performance.now() - start
    return { sort, filter }
  }, needle)
}

const PHASE_LABELS = [
  'Political mobilization',
  'Guerrilla warfare',
  'Conventional warfare',
  'Unknown',
]

/** Opens the first row's phase editor, then times choosing another phase until the cell shows it. */
async function timeOneEdit(page: Page): Promise<number> {
  const phaseCell = page.locator('[role="row"][row-index="0"] [col-id="phase"]').first()
  const current = (await phaseCell.innerText()).trim()
  const next = PHASE_LABELS.find((label) => label !== current)!
  await phaseCell.dblclick()
  const select = page.locator('select.enum-editor')
  await select.waitFor()
  return page.evaluate(async (label) => {
    const b = (window as unknown as { __bench: BenchHelpers }).__bench
    const select = document.querySelector<HTMLSelectElement>('select.enum-editor')!
    const option = [...select.options].find((o) => o.textContent === label)!
    const cell = () =>
      document.querySelector('[role="row"][row-index="0"] [col-id="phase"]')?.textContent?.trim()
    const start = performance.now()
    const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!
    setter.call(select, option.value)
    select.dispatchEvent(new Event('change', { bubbles: true }))
    await b.until(() => cell() === label && !document.querySelector('select.enum-editor'))
    return performance.now() - start
  }, next)
}

interface BenchHelpers {
  frame(): Promise<void>
  until(test: () => boolean, limitMs?: number): Promise<void>
  firstName(): string
  header(colId: string): HTMLElement | null
  setInput(input: HTMLInputElement, value: string): void
}

interface GridFigures {
  firstPaint: number[]
  loaded: number[]
  fetch: number[]
  sort: number[]
  filter: number[]
  evidenceFilter: number[]
  edit: number[]
  sortFloor: number[]
  filterFloor: number[]
}

async function measureGrid(
  browser: Browser,
  ctx: BenchContext,
  groups: number,
  label: string,
  onlyEdit: boolean,
): Promise<GridFigures> {
  const projectDir = join(ctx.tmpDir, `grid-${label}`)
  await writeGridProject(projectDir, { groups })
  const server = await startServer(projectDir, join(ctx.tmpDir, `grid-${label}-user`))
  const figures: GridFigures = {
    firstPaint: [],
    loaded: [],
    fetch: [],
    sort: [],
    filter: [],
    evidenceFilter: [],
    edit: [],
    sortFloor: [],
    filterFloor: [],
  }
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
  await context.addInitScript(IN_PAGE)
  const page = await context.newPage()
  try {
    await page.goto(server.url) // exchanges the token for a cookie
    const needle = 'brigade'
    for (let run = 0; run <= ctx.runs; run++) {
      // A distinct query each time: a change of hash alone would not reload the page.
      const paint = await firstPaint(page, `${server.origin}/?run=${run}#/groups`)
      const loaded = await fullyLoaded(page, groups)
      const edit = await timeOneEdit(page)
      const rest = onlyEdit
        ? null
        : {
            sort: await timeSortByName(page),
            filter: await timeQuickFilter(page, needle),
            evidence: await timeEvidenceFilter(page),
            fetch: await fetchRows(page),
            floor: await namesFloor(page, needle),
          }
      if (run === 0) continue // warm-up
      figures.firstPaint.push(paint)
      figures.loaded.push(loaded)
      figures.edit.push(edit)
      if (rest) {
        figures.sort.push(rest.sort)
        figures.filter.push(rest.filter)
        figures.evidenceFilter.push(rest.evidence)
        figures.fetch.push(rest.fetch)
        figures.sortFloor.push(rest.floor.sort)
        figures.filterFloor.push(rest.floor.filter)
      }
    }
  } finally {
    await context.close()
    await server.stop()
  }
  return figures
}

export const gridSuite: BenchSuite = {
  name: 'grid',
  async run(ctx: BenchContext): Promise<Measurement[]> {
    if (!ctx.chromiumPath) {
      console.warn('grid: no Chromium (set CHROMIUM_PATH); the grid bench is skipped.')
      return []
    }
    await ensureBuilt()
    const rows = ctx.quick ? 20_000 : 100_000
    const small = 1_000
    const browser = await chromium.launch({
      executablePath: ctx.chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    })
    try {
      const big = await measureGrid(browser, ctx, rows, `${rows}`, false)
      const base = await measureGrid(browser, ctx, small, `${small}`, true)
      const n = rows.toLocaleString('en')
      const line = (
        name: string,
        value: number,
        floor: { name: string; value: number } | undefined,
        target: Measurement['target'],
        note?: string,
      ): Measurement => ({
        name,
        unit: 'ms',
        value: round(value),
        ...(floor ? { floor: { name: floor.name, value: round(floor.value) } } : {}),
        ...(floor && floor.value > 0 ? { ratio: round(value / floor.value) } : {}),
        ...(target ? { target } : {}),
        ...(note ? { note } : {}),
      })
      return [
        line(
          `grid first paint, ${n} rows`,
          median(big.firstPaint),
          undefined,
          { of: 'value', op: '<=', limit: 1000 },
          'from navigation start to the first rows on screen (the first page)',
        ),
        line(
          `grid all rows loaded, ${n} rows`,
          median(big.loaded),
          { name: 'one fetch + parse of every row', value: median(big.fetch) },
          { of: 'ratio', op: '<=', limit: 1.5 },
          'the rest arrives in pages while the first can be read',
        ),
        line(
          `grid sort by name, ${n} rows`,
          median(big.sort),
          { name: 'plain JS sort of the names', value: median(big.sortFloor) },
          { of: 'value', op: '<=', limit: 500 },
        ),
        line(
          `grid quick filter, ${n} rows`,
          median(big.filter),
          { name: 'plain JS filter of the names', value: median(big.filterFloor) },
          { of: 'value', op: '<=', limit: 500 },
          'searches every visible column',
        ),
        line(
          `grid evidence filter (graded ≤ 3), ${n} rows`,
          median(big.evidenceFilter),
          undefined,
          { of: 'value', op: '<=', limit: 300 },
        ),
        line(
          `grid apply one edit, ${n} rows`,
          median(big.edit),
          { name: `the same edit on ${small.toLocaleString('en')} rows`, value: median(base.edit) },
          { of: 'ratio', op: '<=', limit: 2 },
          'choose a phase until the cell shows it: API update, row refresh, transaction',
        ),
      ]
    } finally {
      await browser.close()
    }
  },
}

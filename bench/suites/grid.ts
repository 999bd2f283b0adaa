/**
 * The entity grid with 100,000 groups, in Chromium through Playwright, against browser
 * mode: first paint, sort, filter, and the time to apply one edit. Each figure has a floor
 * measured in the same page: the bare fetch of the rows, a plain sort or filter of the
 * same names, and the same edit on a 1,000-row grid (an edit must not cost more because
 * the grid is larger: rows are updated by id, never re-created).
 */
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { startBrowserMode } from '../app'
import { launchChromium } from '../browser'
import { writeGridProject } from '../grid-project'
import { line, median, target } from '../measure'
import type { BenchContext, BenchSuite, Measurement } from '../types'

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
  // The click also selected the row and opened its evidence panel: let that load first, as
  // it would while a person reads the list of phases.
  await page.locator('.evidence-panel h4').first().waitFor()
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
  const server = await startBrowserMode({
    projectDir,
    userDataDir: join(ctx.tmpDir, `grid-${label}-user`),
    timeoutMs: 300_000,
  })
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
      ctx.log('  skipped: no Chromium (set CHROMIUM_PATH or install chromium)')
      return []
    }
    await ctx.build()
    const rows = ctx.quick ? 20_000 : 100_000
    const small = 1_000
    const browser = await launchChromium(ctx)
    try {
      ctx.log(`  generating and opening a project of ${rows.toLocaleString('en')} groups`)
      const big = await measureGrid(browser, ctx, rows, `${rows}`, false)
      const base = await measureGrid(browser, ctx, small, `${small}`, true)
      const n = `${rows.toLocaleString('en')} rows`
      const smallRows = `${small.toLocaleString('en')} rows`
      return [
        line({
          name: `first paint, ${n}`,
          unit: 'ms',
          value: median(big.firstPaint),
          floor: { name: `first paint, ${smallRows}`, value: median(base.firstPaint) },
          target: target.ratioAtMost(1.5),
          note: 'navigation start to the first rows on screen; rows arrive in pages, the first one small',
        }),
        line({
          name: `all rows loaded, ${n}`,
          unit: 'ms',
          value: median(big.loaded),
          floor: { name: 'one fetch + parse of every row', value: median(big.fetch) },
          target: target.ratioAtMost(1.5),
          note: 'the rest arrives while the first page can already be read',
        }),
        line({
          name: `sort by name, ${n}`,
          unit: 'ms',
          value: median(big.sort),
          floor: { name: 'plain JS sort of the names', value: median(big.sortFloor) },
          target: target.atMost(500),
          note: 'header click to the first frame that shows the new order',
        }),
        line({
          name: `quick filter, ${n}`,
          unit: 'ms',
          value: median(big.filter),
          floor: { name: 'plain JS filter of the names', value: median(big.filterFloor) },
          target: target.atMost(500),
          note: 'first search after opening: every text column of every row',
        }),
        line({
          name: `evidence filter (graded ≤ 3), ${n}`,
          unit: 'ms',
          value: median(big.evidenceFilter),
          target: target.atMost(300),
        }),
        line({
          name: `apply one edit, ${n}`,
          unit: 'ms',
          value: median(big.edit),
          floor: { name: `the same edit, ${smallRows}`, value: median(base.edit) },
          target: target.ratioAtMost(2),
          note: 'choose a phase until the cell shows it: API call, row patch, one transaction',
        }),
      ]
    } finally {
      await browser.close()
    }
  },
}

/**
 * The ACH matrix (issue 19) at 20 hypotheses × 2,000 evidence rows:
 *
 * - in Chromium, a keystroke that rates a cell until the frame that shows the new scores
 *   (the score row under the hypotheses). Scoring, diagnosticity and linchpins are all
 *   recomputed for that frame, on the main thread. The floor is an arrow key moving the
 *   focus to the next cell of the same grid: ag-grid's own keystroke-to-paint.
 * - in Node, the sensitivity of every row (linchpins: each row removed, and downgraded),
 *   beside one scoring pass of the whole matrix, both from scratch (no row's terms cached).
 *
 * The matrix is written into a copy of the generated project before the app opens it; its
 * rows are the project's first 2,000 quotes (cycled on the small preset), rated at random.
 */
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { findLinchpins, scoreMatrix, toMatrix } from '../../src/shared/ach'
import type { EvidenceView } from '../../src/shared/contract'
import {
  ACH_RATINGS,
  type Analysis,
  type AnalysisEvidence,
  type ProjectFile,
} from '../../src/shared/model'
import { startBrowserMode } from '../app'
import { launchChromium, VIEWPORT } from '../browser'
import { DEFAULT_SEED, generateProject, PRESETS, writeProjectFolder } from '../generate'
import { Random } from '../generate/random'
import { line, median, sleep, target, timeAlternately } from '../measure'
import type { BenchContext, BenchSuite, Measurement } from '../types'

const HYPOTHESES = 20
const ROWS = 2_000
const ANALYSIS_ID = 'bench-analysis'
const STAMP = '2025-06-01T09:00:00.000Z'

/** An analysis of HYPOTHESES columns over the first ROWS quotes, about 70% of cells rated. */
function benchAnalysis(file: ProjectFile): { analysis: Analysis; rows: AnalysisEvidence[] } {
  const random = new Random(19)
  const stamps = { createdAt: STAMP, updatedAt: STAMP }
  const analysis: Analysis = {
    id: ANALYSIS_ID,
    ...stamps,
    question: 'Which of twenty explanations do two thousand quotes support?',
    description: '',
    hypotheses: Array.from({ length: HYPOTHESES }, (_, i) => ({
      id: `bench-h${i}`,
      title: `Explanation ${i + 1}`,
      description: '',
    })),
  }
  if (file.annotations.length === 0) throw new Error('the generated project has no quotes')
  const rows = Array.from({ length: ROWS }, (_, i): AnalysisEvidence => {
    const cells: AnalysisEvidence['cells'] = {}
    for (const h of analysis.hypotheses) {
      if (random.chance(0.7)) cells[h.id] = { rating: random.pick(ACH_RATINGS) }
    }
    return {
      id: `bench-e${i}`,
      ...stamps,
      analysisId: ANALYSIS_ID,
      annotationId: file.annotations[i % file.annotations.length]!.id,
      relevance: random.pick(['low', 'medium', 'high'] as const),
      cells,
    }
  })
  return { analysis, rows }
}

/** A copy of the preset's project with the bench analysis in it. */
async function projectWithAnalysis(ctx: BenchContext): Promise<{
  folder: string
  views: EvidenceView[]
  analysis: Analysis
}> {
  // The preset's project generated again with the analysis in it, and written as the store
  // lays a project out (a v2 snapshot: there is no project.json to edit in place).
  const generated = generateProject({ ...PRESETS[ctx.preset], seed: DEFAULT_SEED })
  const file = generated.file
  const { analysis, rows } = benchAnalysis(file)
  const folder = join(await mkdtemp(join(ctx.tmpDir, 'ach-')), 'project')
  await writeProjectFolder(folder, {
    ...generated,
    file: { ...file, analyses: [analysis], analysisEvidence: rows },
  })
  const credibility = new Map(file.annotations.map((a) => [a.id, a.credibility]))
  const views = rows.map((row): EvidenceView => ({
    row,
    quote: {
      annotationId: row.annotationId!,
      status: 'ok',
      exact: '',
      comment: '',
      kind: 'quote',
      credibility: credibility.get(row.annotationId!)!,
      sourceId: 'bench',
      sourceTitle: '',
      reliability: 'B',
    },
  }))
  return { folder, views, analysis }
}

declare global {
  interface Window {
    __achLatencies?: number[]
  }
}

/**
 * Records, for each keydown, the time to the frame after the change it waits for: a rating
 * key waits for the score row to change, an arrow key for nothing (its frame is the floor).
 */
async function recordLatencies(page: Page): Promise<void> {
  // tsx (esbuild keepNames) wraps named functions in __name(); the page has no such helper.
  await page.evaluate('window.__name = window.__name || ((fn) => fn)')
  await page.evaluate(() => {
    window.__achLatencies = []
    // A key that changed no score leaves its observer waiting; the next key retires it, so
    // it never times a later key's change from its own (earlier) press.
    let waiting: MutationObserver | null = null
    const afterNextFrame = (pressed: number): void => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => window.__achLatencies!.push(performance.now() - pressed)
        channel.port2.postMessage(null)
      })
    }
    window.addEventListener(
      'keydown',
      (event) => {
        const pressed = event.timeStamp
        waiting?.disconnect()
        waiting = null
        if (event.key.startsWith('Arrow')) return afterNextFrame(pressed)
        // The score cells (the matrix's own class), in the pinned rows under the grid.
        const scoresText = (): string =>
          Array.from(document.querySelectorAll('.ach-score'), (cell) => cell.textContent).join('|')
        const grid = document.querySelector('[role="region"][aria-label="Matrix"]')!
        const before = scoresText()
        const observer = new MutationObserver(() => {
          if (scoresText() === before) return
          observer.disconnect()
          afterNextFrame(pressed)
        })
        observer.observe(grid, { subtree: true, childList: true, characterData: true })
        waiting = observer
      },
      { capture: true },
    )
  })
}

async function takeLatencies(page: Page): Promise<number[]> {
  return page.evaluate(() => window.__achLatencies!.splice(0))
}

async function browserLines(ctx: BenchContext, folder: string): Promise<Measurement[]> {
  const userDataDir = await mkdtemp(join(ctx.tmpDir, 'ach-user-data-'))
  const app = await startBrowserMode({ projectDir: folder, userDataDir, timeoutMs: 120_000 })
  const browser = await launchChromium(ctx)
  try {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage()
    await page.goto(app.url)
    const opened = performance.now()
    await page.goto(`${app.origin}/#/analyses/${ANALYSIS_ID}`)
    const firstCell = page.locator(
      '[role="row"][row-index="0"] [role="gridcell"][col-id="h:bench-h0"]',
    )
    await firstCell.waitFor({ timeout: 120_000 })
    await page.locator('.ach-score[col-id="h:bench-h0"]').first().waitFor()
    const openMs = performance.now() - opened
    await firstCell.click()
    await recordLatencies(page)

    const rate: number[] = []
    const move: number[] = []
    const runs = Math.max(5, ctx.runs * 3)
    // One warm-up (C), then on the same cell alternately I and C, each changing h0's
    // score; after each, the floor: right to the next hypothesis and back.
    for (let i = -1; i < runs; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'i' : 'c')
      await sleep(400)
      const rated = await takeLatencies(page)
      await page.keyboard.press('ArrowRight')
      await sleep(150)
      await page.keyboard.press('ArrowLeft')
      await sleep(150)
      const moved = await takeLatencies(page)
      if (i >= 0) {
        rate.push(...rated)
        move.push(...moved)
      }
    }
    return [
      line({
        name: `rate a cell, ${HYPOTHESES} hypotheses × ${ROWS.toLocaleString('en')} rows: key to scores painted`,
        unit: 'ms',
        value: median(rate),
        floor: { name: 'arrow key to the next cell painted', value: median(move) },
        target: target.atMost(50),
        note: `${rate.length} ratings, slowest ${Math.max(...rate).toFixed(0)} ms; scores, diagnosticity and linchpins recomputed on the main thread for each`,
      }),
      line({
        name: `open a ${HYPOTHESES} × ${ROWS.toLocaleString('en')} matrix (load, score, first paint)`,
        unit: 'ms',
        value: openMs,
      }),
    ]
  } finally {
    await browser.close()
    await app.stop()
  }
}

export const achSuite: BenchSuite = {
  name: 'ach',
  async run(ctx) {
    const { folder, views, analysis } = await projectWithAnalysis(ctx)
    // Fresh view objects before each run, so no row's terms are cached from the last one:
    // both figures are from scratch, as when a matrix opens (a rating recomputes less).
    let matrix = toMatrix(analysis.hypotheses, views)
    const fresh = (): void => {
      matrix = toMatrix(
        analysis.hypotheses,
        views.map((view) => ({ ...view })),
      )
    }
    const times = await timeAlternately(Math.max(5, ctx.runs), {
      linchpins: { before: fresh, run: () => findLinchpins(matrix) },
      score: { before: fresh, run: () => scoreMatrix(matrix) },
    })
    const linchpins = findLinchpins(matrix).length
    const out: Measurement[] = [
      line({
        name: `sensitivity of all ${ROWS.toLocaleString('en')} rows (removed, downgraded), ${HYPOTHESES} hypotheses`,
        unit: 'ms',
        value: times.linchpins,
        floor: { name: 'one scoring pass of the matrix', value: times.score },
        target: target.atMost(500),
        note: `${linchpins} linchpins found; each test is a subtraction from the totals, so no worker is needed`,
      }),
    ]
    if (!ctx.chromiumPath) {
      ctx.log('  browser lines skipped: no Chromium (set CHROMIUM_PATH or install chromium)')
      return out
    }
    await ctx.build()
    return [...out, ...(await browserLines(ctx, folder))]
  },
}

/**
 * The ACH matrix (issue 19) at 20 hypotheses × 2,000 evidence rows:
 *
 * - in Chromium, a keystroke that rates a cell until the frame that shows the new scores
 *   (the score row under the hypotheses). Scoring, diagnosticity and linchpins are all
 *   recomputed for that frame, on the main thread. The floor is an arrow key moving the
 *   focus to the next cell of the same grid: ag-grid's own keystroke-to-paint.
 * - in Node, the sensitivity of every row (linchpins: each row removed, and downgraded),
 *   beside one scoring pass of the whole matrix.
 *
 * The matrix is written into a copy of the generated project before the app opens it; its
 * rows are the project's first 2,000 quotes (cycled on the small preset), rated at random.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
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
  const generated = await ctx.project(ctx.preset)
  const folder = join(await mkdtemp(join(ctx.tmpDir, 'ach-')), 'project')
  await cp(generated, folder, { recursive: true })
  const path = join(folder, 'project.json')
  const file = JSON.parse(await readFile(path, 'utf8')) as ProjectFile
  const { analysis, rows } = benchAnalysis(file)
  await writeFile(path, JSON.stringify({ ...file, analyses: [analysis], analysisEvidence: rows }))
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
  await page.evaluate(() => {
    window.__achLatencies = []
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
        if (event.key.startsWith('Arrow')) return afterNextFrame(pressed)
        const scores = document.querySelector('.ag-floating-bottom')!
        const before = scores.textContent
        const observer = new MutationObserver(() => {
          if (scores.textContent === before) return
          observer.disconnect()
          afterNextFrame(pressed)
        })
        observer.observe(scores, { subtree: true, childList: true, characterData: true })
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
    await page.locator('.ag-floating-bottom [col-id="h:bench-h0"]').waitFor()
    const openMs = performance.now() - opened
    await firstCell.click()
    await recordLatencies(page)

    const rate: number[] = []
    const move: number[] = []
    const runs = Math.max(5, ctx.runs * 3)
    // One warm-up of each, then alternately: rate I, rate C (each changes h0's score),
    // and move right and back.
    for (let i = -1; i < runs; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'i' : 'c')
      await sleep(400)
      const rated = await takeLatencies(page)
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft')
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
    const matrix = toMatrix(analysis.hypotheses, views)
    const times = await timeAlternately(Math.max(5, ctx.runs), {
      linchpins: { run: () => findLinchpins(matrix) },
      score: { run: () => scoreMatrix(matrix) },
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

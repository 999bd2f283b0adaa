/**
 * Typing in a long note (issue 7): keystroke to paint in a 20,000-word note, in Chromium,
 * with the editor alone and with the live preview beside it. The floor is a bare <textarea>
 * holding the same text at the same size in the same browser, typed into alternately with
 * the app, so the machine's load falls on both.
 *
 * Latency of one keystroke: from the keydown event's timestamp to a task queued right
 * after the next animation frame (the frame that shows the character).
 */
import type { Page } from '@playwright/test'
import { closePage, openBrowserSession } from '../browser'
import { line, median, sleep, target, timeOnce } from '../measure'
import type { BenchSuite } from '../types'

const WORDS = 20_000
/** Characters per burst, typed 40 ms apart (a fast typist), then a pause for the preview. */
const BURST = ' and the front gained ground'
const KEY_DELAY_MS = 40
const PAUSE_MS = 1_200

const TEXTAREA = { name: 'Note text (Markdown)' }

declare global {
  interface Window {
    __keyLatencies?: number[]
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN
}

/** Starts recording keystroke-to-paint latencies in the page. */
async function recordLatencies(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (window.__keyLatencies) return
    window.__keyLatencies = []
    window.addEventListener(
      'keydown',
      (event) => {
        const pressed = event.timeStamp
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => window.__keyLatencies!.push(performance.now() - pressed)
          channel.port2.postMessage(null)
        })
      },
      { capture: true },
    )
  })
}

async function takeLatencies(page: Page): Promise<number[]> {
  return page.evaluate(() => window.__keyLatencies!.splice(0))
}

async function typeBurst(page: Page): Promise<void> {
  await page.keyboard.type(BURST, { delay: KEY_DELAY_MS })
  await sleep(PAUSE_MS)
}

/** Joins the project's notes (real Markdown with citations and mentions) up to `WORDS` words. */
async function longNoteBody(call: (method: string, input?: unknown) => Promise<unknown>) {
  const summaries = (await call('notes.list', {})) as { id: string }[]
  const bodies: string[] = []
  for (const { id } of summaries.slice(0, 200)) {
    bodies.push(((await call('notes.get', { id })) as { body: string }).body)
  }
  if (bodies.length === 0) throw new Error('the generated project has no notes to build from')
  let body = ''
  let words = 0
  for (let i = 0; words < WORDS; i++) {
    const next = bodies[i % bodies.length]!
    body += `${next}\n\n`
    words += next.split(/\s+/).filter(Boolean).length
  }
  return { body, words }
}

export const notesSuite: BenchSuite = {
  name: 'notes',
  async run(ctx) {
    if (!ctx.chromiumPath) {
      ctx.log('  skipped: no Chromium (set CHROMIUM_PATH or install chromium)')
      return []
    }
    const session = await openBrowserSession(ctx, ctx.preset, { writable: true })
    try {
      const { call } = session.app
      const { body, words } = await longNoteBody(call)
      const note = (await call('notes.create', { title: 'A long note', body })) as { id: string }
      const noteUrl = `${session.app.origin}/#/notes/${note.id}`

      const app = await session.newPage()
      const floor = await session.newPage()
      try {
        await app.goto(session.app.url)
        const opened: number[] = []
        const openNote = async (): Promise<void> => {
          opened.push(
            await timeOnce(async () => {
              await app.goto(noteUrl)
              await app.reload()
              await app.getByRole('region', { name: 'Cited quotes' }).waitFor({ timeout: 120_000 })
            }),
          )
        }
        await openNote()
        const editor = app.getByRole('textbox', TEXTAREA)
        const box = (await editor.boundingBox())!

        // The floor: the same text in a plain textarea of the same size and font.
        const font = await editor.evaluate((element) => {
          const style = getComputedStyle(element)
          return `${style.fontSize} ${style.fontFamily}`
        })
        await floor.setContent('<textarea aria-label="Bare"></textarea>')
        await floor.evaluate(
          ({ text, width, height, font }) => {
            const area = document.querySelector('textarea')!
            area.style.width = `${width}px`
            area.style.height = `${height}px`
            area.style.font = font
            area.value = text
          },
          { text: body, width: box.width, height: box.height, font },
        )
        await floor.getByRole('textbox', { name: 'Bare' }).click()
        await floor.keyboard.press('ControlOrMeta+End')
        await recordLatencies(floor)

        const results: Record<'write' | 'split', { app: number[]; floor: number[] }> = {
          write: { app: [], floor: [] },
          split: { app: [], floor: [] },
        }
        for (const layout of ['write', 'split'] as const) {
          await app
            .getByRole('group', { name: 'Layout' })
            .getByRole('button', { name: layout === 'write' ? 'Write' : 'Split' })
            .click()
          await editor.click()
          await app.keyboard.press('ControlOrMeta+End')
          await recordLatencies(app)
          // One warm-up burst each, then alternate.
          await typeBurst(app)
          await typeBurst(floor)
          await takeLatencies(app)
          await takeLatencies(floor)
          for (let run = 0; run < ctx.runs * 2; run++) {
            await typeBurst(app)
            results[layout].app.push(...(await takeLatencies(app)))
            await typeBurst(floor)
            results[layout].floor.push(...(await takeLatencies(floor)))
          }
        }
        await openNote()
        const fetches: number[] = []
        for (let run = 0; run < ctx.runs; run++) {
          fetches.push(await timeOnce(() => call('notes.get', { id: note.id })))
          await openNote()
        }

        const size = `${words.toLocaleString('en')}-word (${(body.length / 1024).toFixed(0)} KB)`
        const keys = (layout: 'write' | 'split') =>
          `${results[layout].app.length} keystrokes against ${results[layout].floor.length} in the bare textarea`
        return [
          line({
            name: `Typing in a ${size} note, editor alone: keystroke to paint (median)`,
            unit: 'ms',
            value: median(results.write.app),
            floor: { name: 'bare textarea, same text', value: median(results.write.floor) },
            target: target.atMost(33),
            note: `${keys('write')}; p95 ${percentile(results.write.app, 0.95).toFixed(0)} ms (floor ${percentile(results.write.floor, 0.95).toFixed(0)} ms).`,
          }),
          line({
            name: `Typing in a ${size} note, with the live preview: keystroke to paint (median)`,
            unit: 'ms',
            value: median(results.split.app),
            floor: { name: 'bare textarea, same text', value: median(results.split.floor) },
            target: target.atMost(33),
            note: `${keys('split')}; the preview re-renders after each pause in typing, only the block that changed.`,
          }),
          line({
            name: `Typing in a ${size} note, with the live preview: keystroke to paint (p95)`,
            unit: 'ms',
            value: percentile(results.split.app, 0.95),
            floor: {
              name: 'bare textarea, same text (p95)',
              value: percentile(results.split.floor, 0.95),
            },
            target: target.atMost(100),
            note: 'The slow keystrokes are those that land while the preview updates.',
          }),
          line({
            name: `Open a ${size} note with its preview`,
            unit: 'ms',
            value: median(opened.slice(1)),
            floor: { name: 'notes.get over HTTP', value: median(fetches) },
            note: 'From reload (app loaded from cache) to the preview with its numbered quotes on screen.',
          }),
        ]
      } finally {
        await closePage(app)
        await closePage(floor)
      }
    } finally {
      await session.close()
    }
  },
}

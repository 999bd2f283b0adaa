/**
 * The scaffold for browser-side suites: Debian's Chromium driven by Playwright, against
 * browser mode on a generated project. A suite asks for an app on a preset, then opens
 * as many fresh pages as it has runs (each in a new context: no cache, no cookie).
 *
 *   const session = await openBrowserSession(ctx, 'medium')   // { writable: true } to edit
 *   const page = await session.newPage()   // then page.goto(session.app.url)
 *   …
 *   await session.close()
 */
import { cp, mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { CHROMIUM_ARGS } from '../src/main/pdf/chromium'
import { startBrowserMode, type RunningApp } from './app'
import { framesPerSecond } from './page-timing'
import type { BenchContext } from './types'

export const VIEWPORT = { width: 1400, height: 900 }

/** Launches the Chromium found for this run; throws a clear message when there is none. */
export async function launchChromium(ctx: BenchContext): Promise<Browser> {
  if (!ctx.chromiumPath) {
    throw new Error('no Chromium found: set CHROMIUM_PATH or install Debian’s chromium')
  }
  return chromium.launch({ executablePath: ctx.chromiumPath, args: CHROMIUM_ARGS })
}

export interface BrowserSession {
  app: RunningApp
  browser: Browser
  /** A page in a fresh context (empty cache and cookies), not yet navigated. */
  newPage(): Promise<Page>
  close(): Promise<void>
}

/** Builds the app (once per run), starts browser mode on the preset's project and Chromium. */
export async function openBrowserSession(
  ctx: BenchContext,
  preset: 'small' | 'medium' | 'large',
  options: { writable?: boolean } = {},
): Promise<BrowserSession> {
  await ctx.build()
  const generated = await ctx.project(preset)
  // The generated folder is shared by the run's suites: one that edits works on a copy.
  const projectDir = options.writable
    ? await copyProject(generated, await mkdtemp(join(ctx.tmpDir, `${preset}-copy-`)))
    : generated
  const userDataDir = await mkdtemp(join(ctx.tmpDir, 'browser-user-data-'))
  const app = await startBrowserMode({ projectDir, userDataDir })
  let browser: Browser
  try {
    browser = await launchChromium(ctx)
  } catch (error) {
    await app.stop()
    throw error
  }
  return {
    app,
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: VIEWPORT })
      return context.newPage()
    },
    async close() {
      await browser.close()
      await app.stop()
    },
  }
}

/** Closes a page and its context, so the next run starts cold. */
export async function closePage(page: Page): Promise<void> {
  await page.context().close()
}

async function copyProject(from: string, parent: string): Promise<string> {
  const to = join(parent, 'project')
  await cp(from, to, { recursive: true })
  return to
}

/** How many User Timing marks of that name the page has made so far. */
export function markCount(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => performance.getEntriesByName(n).length, name)
}

/**
 * The page's animation frames per second while the mouse, pressed at `start`, moves to
 * `path(step)` every 16 ms for `ms`: how smoothly a view follows a drag.
 */
export async function framesPerSecondWhileDragging(
  page: Page,
  start: { x: number; y: number },
  path: (step: number) => { x: number; y: number },
  ms: number,
): Promise<number> {
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  try {
    return await framesPerSecond(page, ms, async (step) => {
      const to = path(step)
      await page.mouse.move(to.x, to.y)
    })
  } finally {
    await page.mouse.up()
  }
}

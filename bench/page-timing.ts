/**
 * Timing inside a page for browser-side suites: the app's User Timing marks, the long tasks
 * of the main thread, and animation frames while a gesture runs. Call `recordLongTasks` from
 * a context's init script before the page loads.
 */
import type { Page } from '@playwright/test'
import { sleep } from './measure'

interface TimedWindow {
  longTasks: { start: number; end: number }[]
  frameCount: number
  counting: boolean
}

/** For `context.addInitScript`: keeps every long task of the page in `window.longTasks`. */
export function recordLongTasks(): void {
  const state = window as unknown as TimedWindow
  state.longTasks = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      state.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration })
    }
  }).observe({ type: 'longtask', buffered: true })
}

export function markCount(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => performance.getEntriesByName(n).length, name)
}

export async function waitForMark(page: Page, name: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([n, c]) => performance.getEntriesByName(n as string).length >= (c as number),
    [name, count] as const,
    { timeout: 180_000, polling: 50 },
  )
}

/** Start time (page clock) of the latest mark of that name. */
export function lastMark(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => {
    const marks = performance.getEntriesByName(n)
    return marks[marks.length - 1]!.startTime
  }, name)
}

/** The longest main-thread task overlapping [from, to] (page clock), in ms. */
export function longestTask(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      const tasks = (window as unknown as TimedWindow).longTasks
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

/** Animation frames per second while `move` runs (one step about every 16 ms) for `ms`. */
export async function framesPerSecond(
  page: Page,
  ms: number,
  move: (step: number) => Promise<void>,
): Promise<number> {
  // A string, not a function: tsx would wrap the inner named function in a helper the page
  // does not have.
  await page.evaluate(`(() => {
    window.frameCount = 0
    window.counting = true
    const tick = () => {
      if (!window.counting) return
      window.frameCount++
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
  const began = performance.now()
  let step = 0
  while (performance.now() - began < ms) {
    await move(++step)
    await sleep(16)
  }
  const elapsed = performance.now() - began
  const frames = await page.evaluate(() => {
    const state = window as unknown as TimedWindow
    state.counting = false
    return state.frameCount
  })
  return frames / (elapsed / 1000)
}

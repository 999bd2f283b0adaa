/**
 * Timing helpers shared by the suites. Each figure is the median of several runs after
 * a warm-up; a figure and its floor run alternately, so a neighbour's load on a shared
 * machine slows both alike and their ratio stays meaningful.
 */
import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { Measurement, Target } from './types'

type Task = () => unknown

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Collects garbage between runs when node runs with --expose-gc (npm run bench does). */
export function collectGarbage(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

/** Milliseconds one call of `task` takes (awaited). */
export async function timeOnce(task: Task): Promise<number> {
  const start = performance.now()
  await task()
  return performance.now() - start
}

/**
 * Runs `task` and adds the CPU time the whole process spent meanwhile (every thread: the
 * main one, workers, the collector) to `into`, in ms. On a machine shared with other work
 * a task waits for a core; its CPU time is about what it takes on a quiet machine.
 */
export async function withCpuTime<T>(into: number[], task: () => Promise<T> | T): Promise<T> {
  const before = process.cpuUsage()
  const result = await task()
  const used = process.cpuUsage(before)
  into.push((used.user + used.system) / 1000)
  return result
}

/** The median time of `task` over `runs` runs after one warm-up. */
export async function timeMedian(runs: number, task: Task): Promise<number> {
  await task()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    collectGarbage()
    times.push(await timeOnce(task))
  }
  return median(times)
}

/** A task to time, and untimed work to do before each of its runs (resetting state). */
export interface Timed {
  run: Task
  before?: Task
}

/**
 * Median times of several tasks, run in turn (a, b, c, a, b, c, …) after one warm-up of
 * each, so that a slow moment of the machine falls on all of them alike. `settleMs`: a
 * pause after the collection that precedes each run, for tasks of a few milliseconds: a
 * forced full collection leaves sweeping to do, and a task that allocates would otherwise
 * pay for it (the app never collects before its own work like this).
 */
export async function timeAlternately<K extends string>(
  runs: number,
  tasks: Record<K, Timed>,
  settleMs = 0,
): Promise<Record<K, number>> {
  const entries = Object.entries(tasks) as [K, Timed][]
  const times = new Map<K, number[]>(entries.map(([key]) => [key, []]))
  for (let i = -1; i < runs; i++) {
    for (const [key, task] of entries) {
      await task.before?.()
      collectGarbage()
      if (settleMs > 0) await sleep(settleMs)
      const ms = await timeOnce(task.run)
      if (i >= 0) times.get(key)!.push(ms)
    }
  }
  return Object.fromEntries(entries.map(([key]) => [key, median(times.get(key)!)])) as Record<
    K,
    number
  >
}

/**
 * The longest time the event loop was blocked while `task` ran, in ms: a timer that
 * should fire every 10 ms fires late by as much as the longest synchronous stretch.
 */
export async function longestStall(task: Task): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  try {
    await task()
    // One more turn so a stall at the very end is sampled too.
    await new Promise((resolve) => setTimeout(resolve, 20))
  } finally {
    histogram.disable()
  }
  return histogram.max / 1e6
}

/** The main thread's time on a processor so far, in ms (Linux); null where it cannot be read. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8')
    return Number(stat.split(' ')[0]) / 1e6
  } catch {
    return null
  }
}

/**
 * The longest time the main thread spent on a processor between two ticks of a 5 ms timer
 * while `task` ran, in ms: at most the longest synchronous stretch plus a tick. Unlike
 * longestStall it leaves out the time the thread waited for a core, so a loaded machine
 * barely moves it. NaN where the thread's time cannot be read (not Linux).
 */
export async function longestBusy(task: Task): Promise<number> {
  let last = mainThreadCpuMs()
  if (last === null) {
    await task()
    return Number.NaN
  }
  let longest = 0
  const look = (): void => {
    const now = mainThreadCpuMs() ?? last!
    longest = Math.max(longest, now - last!)
    last = now
  }
  const timer = setInterval(look, 5)
  try {
    await task()
    look()
  } finally {
    clearInterval(timer)
  }
  return longest
}

/** A table line; the ratio is computed from the floor when there is one. */
export function line(fields: Omit<Measurement, 'ratio'>): Measurement {
  const ratio =
    fields.floor && fields.floor.value > 0 ? fields.value / fields.floor.value : undefined
  return { ...fields, ...(ratio !== undefined ? { ratio } : {}) }
}

export const target = {
  ratioAtMost: (limit: number): Target => ({ of: 'ratio', op: '<=', limit }),
  atMost: (limit: number): Target => ({ of: 'value', op: '<=', limit }),
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

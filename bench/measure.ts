/**
 * Timing helpers shared by the suites. Each figure is the median of several runs after
 * a warm-up; a figure and its floor run alternately, so a neighbour's load on a shared
 * machine slows both alike and their ratio stays meaningful.
 */
import { readFileSync } from 'node:fs'
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'
import type { Measurement, Target } from './types'

type Task = () => unknown

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Collects garbage between runs when node runs with --expose-gc (npm run bench does). */
function collectGarbage(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

/**
 * Collects garbage, then lets V8's memory reducer run before a run. Some seconds after a
 * full collection that grew the heap, once the thread allocates little, the reducer
 * compacts the heap in one to three more collections: 20–35 ms pauses on the sync bench's
 * 55 MB heap, spent moving what opening the project left fragmented. That pause is not the
 * next run's work, so it is let happen before the run: waits for a full collection after
 * the forced one, then until none has come for `quietMs`; at most `capMs` in all (a heap
 * the reducer leaves alone). Answers how many full collections came after the forced one.
 */
export async function settleHeap({ quietMs = 1_500, capMs = 30_000 } = {}): Promise<number> {
  let last = 0
  let collections = 0
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind
      if (kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue
      collections++
      last = performance.now()
    }
  })
  const started = performance.now()
  collectGarbage()
  // The forced collection's own entry is left out: the observer starts after it.
  await sleep(0)
  observer.observe({ entryTypes: ['gc'] })
  try {
    while (performance.now() - started < capMs) {
      if (collections > 0 && performance.now() - last >= quietMs) break
      await sleep(100)
    }
  } finally {
    observer.disconnect()
  }
  return collections
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

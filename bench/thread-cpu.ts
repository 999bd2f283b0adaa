/**
 * Where the processor time went while a task ran, thread by thread, for this process and
 * the processes it started (Linux: /proc/<pid>/task/<tid>/schedstat, nanoseconds on a core
 * and waiting for one). Node names none of its threads, so a thread is told by what is
 * known of it: this process's main thread, threads that report their id (a worker thread
 * names itself through `nameThread`), the threads of a child process, and the rest, which
 * are the native helpers (V8's platform threads and garbage collector, libuv's pool that
 * runs LevelDB's work, LevelDB's compaction thread).
 */
import { readdirSync, readFileSync } from 'node:fs'

interface ThreadTime {
  label: string
  runMs: number
  waitMs: number
}

/** Threads that said who they are, by id. */
const named = new Map<number, string>()

/** Labels a thread of this process for the table (`tid` from /proc/thread-self). */
export function nameThread(tid: number, label: string): void {
  named.set(tid, label)
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

function threadsOf(
  pid: number,
  own: boolean,
  known?: Map<string, ThreadTime>,
): Map<string, ThreadTime> {
  const out = new Map<string, ThreadTime>()
  let tids: string[]
  try {
    tids = readdirSync(`/proc/${pid}/task`)
  } catch {
    return out
  }
  for (const tid of tids) {
    const stat = read(`/proc/${pid}/task/${tid}/schedstat`)
    if (!stat) continue
    const [run, wait] = stat.split(' ').map(Number) as [number, number]
    const id = Number(tid)
    const label = own
      ? id === pid
        ? 'main thread'
        : (named.get(id) ??
          (known && !known.has(`${pid}/${tid}`)
            ? 'started during it (a worker thread, LevelDB compaction)'
            : 'native helpers (V8 platform and GC, libuv pool)'))
      : id === pid
        ? `child ${pid}: its main thread`
        : `child ${pid}: its other threads`
    out.set(`${pid}/${tid}`, { label, runMs: run / 1e6, waitMs: wait / 1e6 })
    for (const child of (read(`/proc/${pid}/task/${tid}/children`) ?? '').split(' ')) {
      if (child.trim() && own) for (const [k, v] of threadsOf(Number(child), false)) out.set(k, v)
    }
  }
  return out
}

/** Runs `task` and answers its threads' time on a core and waiting for one, by label. */
export async function threadTimes<T>(
  task: () => Promise<T>,
): Promise<{ result: T; table: Array<{ label: string; runMs: number; waitMs: number }> }> {
  const before = threadsOf(process.pid, true)
  // Threads that end before the task does are lost to the count: sampled while it runs.
  const last = new Map(before)
  const timer = setInterval(() => {
    for (const [k, v] of threadsOf(process.pid, true, before)) last.set(k, v)
  }, 200)
  let result: T
  try {
    result = await task()
  } finally {
    clearInterval(timer)
  }
  for (const [k, v] of threadsOf(process.pid, true, before)) last.set(k, v)
  const byLabel = new Map<string, { runMs: number; waitMs: number }>()
  for (const [key, now] of last) {
    const then = before.get(key)
    const sum = byLabel.get(now.label) ?? { runMs: 0, waitMs: 0 }
    sum.runMs += now.runMs - (then?.runMs ?? 0)
    sum.waitMs += now.waitMs - (then?.waitMs ?? 0)
    byLabel.set(now.label, sum)
  }
  const table = [...byLabel]
    .map(([label, t]) => ({ label, ...t }))
    .sort((a, b) => b.runMs - a.runMs)
  return { result, table }
}

export function formatThreadTimes(
  what: string,
  table: Array<{ label: string; runMs: number; waitMs: number }>,
): string {
  return [
    `  ${what}, processor time by thread (on a core / waiting for one):`,
    ...table.map(
      (t) =>
        `    ${t.label.padEnd(58)} ${t.runMs.toFixed(0).padStart(7)} ms / ${t.waitMs.toFixed(0).padStart(6)} ms`,
    ),
  ].join('\n')
}

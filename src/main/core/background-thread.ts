import { readdirSync, readlinkSync } from 'node:fs'
import { getPriority, setPriority } from 'node:os'

/** A nice value: the scheduler gives such a thread the core after threads at 0. */
const BACKGROUND_NICE = 10

/**
 * Lowers the scheduling priority of the calling thread, for a worker doing bulk work (an
 * import's plan and batches, a compaction). On Linux a thread is a task of its own, and
 * setpriority on its id touches it alone: when the main thread wakes (a batch to journal)
 * it takes the core at once instead of waiting behind the worker, which on two cores made
 * most of an import's longest stall (29–37 ms before, 26–27 after, quiet). On the sync worker's JS
 * thread alone it gave no gain: its LevelDB and garbage-collector helpers kept the cores
 * (see runWholeProcessInBackground). Elsewhere it does nothing; a priority is a hint, so a
 * refusal is ignored.
 */
export function runInBackground(): void {
  if (process.platform !== 'linux') return
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, BACKGROUND_NICE)
  } catch {
    // No /proc, or not allowed: the thread keeps its priority.
  }
}

/**
 * Lowers every thread of this process 10 below the app that started it (nice 10 for an app
 * at 0), for a process that exists to do background work (the sync engine): its JS
 * thread, V8's platform threads (the garbage collector's helpers), and libuv's pool, which
 * runs LevelDB's reads and writes. Threads started later take the priority of the thread
 * that starts them, so the lowered ones pass it on. Elsewhere than Linux it lowers the
 * process, which there covers its threads.
 */
export function runWholeProcessInBackground(): void {
  try {
    // A fork starts at its parent's priority.
    const nice = Math.min(19, getPriority() + BACKGROUND_NICE)
    if (process.platform !== 'linux') {
      setPriority(nice)
      return
    }
    // Its own thread first: a thread started while the others are lowered inherits it.
    setPriority(process.pid, nice)
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        setPriority(Number(tid), nice)
      } catch {
        // A thread that ended meanwhile.
      }
    }
  } catch {
    // Not allowed, or no /proc: the process keeps its priority.
  }
}

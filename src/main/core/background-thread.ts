import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'

/** A nice value: the scheduler gives such a thread the core after threads at 0. */
const BACKGROUND_NICE = 10

/**
 * Lowers the scheduling priority of the calling thread, for a worker doing bulk work (an
 * import's plan and batches). On Linux a thread is a task of its own, and setpriority on
 * its id touches it alone: when the main thread wakes (a batch to journal) it takes the
 * core at once instead of waiting behind the worker, which on two cores made most of an
 * import's longest stall (29–37 ms before, 26–27 after, quiet). Tried on the sync worker
 * too, with no gain there: its stalls are the main thread's own work. Elsewhere it does
 * nothing; a priority is a hint, so a refusal is ignored.
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

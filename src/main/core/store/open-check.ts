/**
 * Opening a project in two halves at once, on request (`where: 'worker'`). The main thread
 * reads the files as a reopen does (parse, assemble, freeze; see loader.ts 'trusted') and
 * runs the integrity pass on what it built, while a worker thread reads the same files
 * itself and runs the other checks of a validating read: each record against its schema,
 * the snapshot's sha256, the journals' sequence. The worker keeps no records and never sees
 * the main thread's (a structured clone of them would stall the main thread as long as
 * validating them did); it sends back a verdict, plus the rare records whose schema gives
 * them another shape (a name trimmed), which the main thread then takes as the schema made them.
 *
 * Not the default. Since the record schemas are compiled (collections.ts, compiledSchemaOf),
 * checking a record costs a fraction of parsing its line, so a first open validates inline,
 * in slices: the worker's second parse of every line cost more CPU time than the checks it
 * took off the main thread, and its copy of the records at the memory peak.
 */
import { Worker } from 'node:worker_threads'
import type { StoredRecord } from './collections'
import { StoreFileProblem } from './format'
import { Slicer } from './lines'
import { loadFolder } from './loader'
import { workerEntry } from './worker-entry'

/** The checking worker's answer about a folder. */
export type OpenVerdict =
  | {
      ok: true
      /** The snapshot the checks settled on (null: the folder has no v2 files). */
      generation: number | null
      seq: number
      /** The files are of an older schema: they are migrated and checked on the main thread. */
      migrate: boolean
      /** Records whose schema output differs from what the files hold, as the schema made them. */
      reshaped: { c: string; v: StoredRecord }[]
      /** The snapshot's trailer sha256, and whether its records passed unchanged (a receipt's due). */
      sha256: string | null
      exact: boolean
    }
  /** Damage in the files, exactly as a validating read on the main thread would find it. */
  | { ok: false; problem: { file: string; kind: StoreFileProblem['kind']; message: string } }
  /** The check could not be made (or met an error that is not damage): the caller validates itself. */
  | { ok: false; failure: string }

export interface OpenCheckOptions {
  /** 'inline' (the default): the main thread validates as it reads; 'worker': see above. */
  where?: 'worker' | 'inline'
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000
/** The worker keeps no records: each is checked and let go. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 }

/**
 * Every check of a validating open of the files of `folder` but the integrity pass (which
 * needs the records: the main thread runs it on its own, in slices): what the worker runs.
 */
export async function checkFolder(folder: string): Promise<OpenVerdict> {
  try {
    const loaded = await loadFolder(folder, new Slicer(Number.POSITIVE_INFINITY), 'check')
    if (!loaded) {
      return {
        ok: true,
        generation: null,
        seq: 0,
        migrate: false,
        reshaped: [],
        sha256: null,
        exact: false,
      }
    }
    return {
      ok: true,
      generation: loaded.snapshot.generation,
      seq: loaded.seq,
      migrate: loaded.migrateFrom !== undefined,
      reshaped: loaded.reshaped,
      sha256: loaded.snapshot.sha256,
      exact: loaded.snapshot.exact,
    }
  } catch (error) {
    if (error instanceof StoreFileProblem) {
      return { ok: false, problem: { file: error.file, kind: error.kind, message: error.message } }
    }
    return { ok: false, failure: error instanceof Error ? error.message : String(error) }
  }
}

/** How long the checking worker waits for the next open before it stops. */
const IDLE_MS = 60_000

/**
 * The checking worker, kept between opens: a thread's start and the first run of the
 * schemas' code cost more than a small project's whole check, and opening another
 * project soon after is common. It never keeps the process alive while idle.
 */
class Checker {
  private worker: Worker | null = null
  private readonly pending = new Map<number, (verdict: OpenVerdict) => void>()
  private nextJob = 1
  private idleTimer: NodeJS.Timeout | null = null

  check(folder: string, timeoutMs: number): Promise<OpenVerdict> {
    let worker: Worker
    try {
      worker = this.worker ?? this.start()
    } catch (error) {
      return Promise.resolve({ ok: false, failure: (error as Error).message })
    }
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    worker.ref()
    const job = this.nextJob++
    return new Promise<OpenVerdict>((resolve) => {
      const timer = setTimeout(() => {
        // A check that hangs takes the thread with it; the next open starts another.
        this.stop(`the check took longer than ${timeoutMs / 1000} s`)
      }, timeoutMs)
      timer.unref?.()
      this.pending.set(job, (verdict) => {
        clearTimeout(timer)
        resolve(verdict)
      })
      worker.postMessage({ job, folder })
    })
  }

  private start(): Worker {
    const entry = workerEntry('open-check-worker')
    const worker = new Worker(entry.url, {
      ...(entry.workerData ? { workerData: entry.workerData } : {}),
      resourceLimits: WORKER_LIMITS,
    })
    worker.on('message', (message: { job: number; verdict: OpenVerdict }) => {
      const settle = this.pending.get(message.job)
      this.pending.delete(message.job)
      settle?.(message.verdict)
      if (this.pending.size === 0 && this.worker === worker) this.idle(worker)
    })
    worker.once('error', (error) => this.stop(error.message, worker))
    worker.once('exit', (code) =>
      this.stop(`the checking worker stopped (exit code ${code})`, worker),
    )
    this.worker = worker
    return worker
  }

  private idle(worker: Worker): void {
    worker.unref()
    this.idleTimer = setTimeout(() => this.stop('idle', worker), IDLE_MS)
    this.idleTimer.unref?.()
  }

  /** Ends the thread if it has nothing to check (a project closed: nothing may stay running). */
  stopIfIdle(): void {
    if (this.pending.size === 0) this.stop('stopped')
  }

  /** Whether a thread is running (tests). */
  get running(): boolean {
    return this.worker !== null
  }

  /** Ends the thread (`only`: if it is still the current one); what waits on it is told why. */
  private stop(failure: string, only?: Worker): void {
    const worker = this.worker
    if (!worker || (only && only !== worker)) return
    this.worker = null
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    for (const settle of this.pending.values()) settle({ ok: false, failure })
    this.pending.clear()
    void worker.terminate()
  }
}

const checker = new Checker()

/**
 * Stops the checking worker unless an open is waiting on it: called when a project or the
 * workspace closes, so that no thread outlives the project it checked.
 */
export function stopOpenCheckWorker(): void {
  checker.stopIfIdle()
}

/** Whether the checking worker is running (tests). */
export function openCheckWorkerRunning(): boolean {
  return checker.running
}

/**
 * Starts the checks of `folder` in a worker when the options ask for one; null when the
 * caller validates as it reads (the default).
 */
export function startOpenCheck(
  folder: string,
  options: OpenCheckOptions = {},
): { verdict: Promise<OpenVerdict> } | null {
  if ((options.where ?? 'inline') === 'inline') return null
  return { verdict: checker.check(folder, options.timeoutMs ?? DEFAULT_TIMEOUT_MS) }
}

/**
 * Runs a compaction job off the main thread: a worker_thread with memory limits and a
 * time limit, handed file names only. Small projects compact inline (the same function,
 * in slices), which spares a thread start where the work takes milliseconds.
 */
import { Worker } from 'node:worker_threads'
import type { WriteFs } from '../durable-write'
import { compact, type CompactionJob, type CompactionResult } from './compaction'
import { StoreFileProblem } from './format'
import { Slicer } from './lines'
import { workerEntry, type WorkerEntry } from './worker-entry'

export interface CompactionOptions {
  /** 'auto': a worker when the files to read pass `workerMinBytes`, else inline. */
  where?: 'auto' | 'worker' | 'inline'
  workerMinBytes?: number
  /** Injected file operations (tests); honoured inline only, a worker uses the real disk. */
  fs?: WriteFs
  timeoutMs?: number
  /**
   * The worker's code, where it is not the default (workerEntry): the bench runs from source
   * but times the built bundle the app runs, without tsx's start in every worker.
   */
  workerUrl?: URL
}

const DEFAULT_WORKER_MIN_BYTES = 2 * 1024 * 1024
const DEFAULT_TIMEOUT_MS = 10 * 60_000
/** Enough for the largest journal a compaction replays; the snapshot itself is streamed. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 }

function inWorker(
  job: CompactionJob,
  timeoutMs: number,
  workerUrl: URL | undefined,
): Promise<CompactionResult> {
  const entry: WorkerEntry = workerUrl ? { url: workerUrl } : workerEntry('compaction-worker')
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.url, {
      workerData: { ...job, ...entry.workerData },
      resourceLimits: WORKER_LIMITS,
    })
    let settled = false
    const settle = (fn: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      fn()
      void worker.terminate()
    }
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(new Error(`Compaction took longer than ${timeoutMs / 1000} s and was stopped.`)),
        ),
      timeoutMs,
    )
    timer.unref?.()
    worker.once(
      'message',
      (message: { ok: boolean; result?: CompactionResult; error?: Record<string, string> }) => {
        settle(() => {
          if (message.ok) resolve(message.result!)
          else reject(revive(message.error ?? {}))
        })
      },
    )
    worker.once('error', (error) => settle(() => reject(error)))
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`The compaction worker stopped (exit code ${code}).`))),
    )
  })
}

/** The worker's error, as the error it was (the store reads its code or damage kind). */
function revive(error: Record<string, string>): Error {
  if (error.file && error.kind) {
    return new StoreFileProblem(
      error.file,
      error.kind as StoreFileProblem['kind'],
      error.message ?? '',
    )
  }
  return Object.assign(new Error(error.message ?? 'Compaction failed.'), {
    ...(error.code ? { code: error.code } : {}),
  })
}

export function runCompaction(
  job: CompactionJob,
  inputBytes: number,
  options: CompactionOptions = {},
): Promise<CompactionResult> {
  const where = options.where ?? 'auto'
  const useWorker =
    where === 'worker' ||
    (where === 'auto' && inputBytes >= (options.workerMinBytes ?? DEFAULT_WORKER_MIN_BYTES))
  if (useWorker) return inWorker(job, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.workerUrl)
  return compact(job, { ...(options.fs ? { fs: options.fs } : {}), slicer: new Slicer() })
}

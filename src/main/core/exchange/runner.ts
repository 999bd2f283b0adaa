/**
 * Runs the exchange's heavy work (a STIX export: the records read, the bundle built and
 * serialized; an import's plan: the file parsed, checked and mapped) in a worker thread
 * (exchange/worker.ts), so the main process only hands over file names and receives the
 * result. One worker at a time, with a heap limit and a time limit; it is kept warm a
 * while (with the project it read) for the next request, and stopped by cancel.
 */
import { Worker } from 'node:worker_threads'
import { AppError } from '../errors'
import { workerEntry, type WorkerEntry } from '../store/worker-entry'
import type { PhaseTiming } from '../phase-clock'
import type { Progress } from './slices'
import type { ImportBatch, WorkerReply, WorkerRequest } from './worker'

export interface ExchangeRunnerOptions {
  /** How long one request may take before it is stopped (ms). */
  timeoutMs?: number
  /** How long an idle worker (and the project it holds) is kept for the next request (ms). */
  idleMs?: number
  /** The worker's heap limit (MB). */
  memoryMb?: number
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000
const DEFAULT_IDLE_MS = 60_000
/** A medium project and its 26 MB bundle take about 400 MB; room for large ones. */
const DEFAULT_MEMORY_MB = 3072

interface Running {
  jobId: string
  resolve(value: unknown): void
  reject(error: Error): void
  onLoaded?: () => void
  onPart?: (text: string) => void
  onBatch?: (batch: ImportBatch) => void
  onPhases?: (phases: PhaseTiming[]) => void
  progress?: Progress
  timer: NodeJS.Timeout
}

export interface RunHooks {
  /** Called once the worker has read the project's files (the store may compact again). */
  onLoaded?: () => void
  /** Receives a long text result part by part, in order, before the answer. */
  onPart?: (text: string) => void
  /** Receives an import's records and texts part by part, in order, before the answer. */
  onBatch?: (batch: ImportBatch) => void
  /** Receives where the worker's time went, with its answer (see phases.ts). */
  onPhases?: (phases: PhaseTiming[]) => void
  progress?: Progress
  /** Buffers moved to the worker with the request. */
  transfer?: ArrayBuffer[]
}

const cancelledError = (): AppError => new AppError('cancelled', 'Cancelled; nothing was changed.')

type Request = WorkerRequest extends infer R ? (R extends { jobId: string } ? R : never) : never

export class ExchangeRunner {
  private worker: Worker | null = null
  private idleTimer: NodeJS.Timeout | null = null
  private running: Running | null = null
  private queue: Promise<unknown> = Promise.resolve()
  /** Requests waiting their turn, and those of them cancelled meanwhile. */
  private readonly waiting = new Set<string>()
  private readonly cancelledWhileWaiting = new Set<string>()
  private readonly options: Required<ExchangeRunnerOptions>

  constructor(options: ExchangeRunnerOptions = {}) {
    this.options = {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      idleMs: options.idleMs ?? DEFAULT_IDLE_MS,
      memoryMb: options.memoryMb ?? DEFAULT_MEMORY_MB,
    }
  }

  /** Sends `request` and resolves with the worker's answer; requests take turns. */
  run<T>(request: Request, hooks: RunHooks = {}): Promise<T> {
    this.waiting.add(request.jobId)
    const turn = this.queue.then(() => {
      this.waiting.delete(request.jobId)
      if (this.cancelledWhileWaiting.delete(request.jobId)) throw cancelledError()
      return this.send<T>(request, hooks)
    })
    this.queue = turn.catch(() => undefined)
    return turn
  }

  /**
   * Stops the request `jobId`: its worker is stopped if it runs, or it never starts if it
   * waits its turn. False if no such request is running or waiting.
   */
  cancel(jobId: string): boolean {
    if (this.waiting.has(jobId)) {
      this.cancelledWhileWaiting.add(jobId)
      return true
    }
    if (this.running?.jobId !== jobId) return false
    this.stop(cancelledError())
    return true
  }

  /** Stops the worker (the app is closing, or a test is done). */
  async close(): Promise<void> {
    this.stop(new AppError('unavailable', 'Sightline is closing.'))
  }

  private send<T>(request: Request, hooks: RunHooks): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let worker: Worker
      try {
        worker = this.takeWorker()
      } catch (error) {
        reject(error as Error)
        return
      }
      const timer = setTimeout(
        () =>
          this.stop(
            new AppError(
              'unavailable',
              `The exchange took longer than ${Math.round(this.options.timeoutMs / 1000)} s and was stopped; nothing was changed.`,
            ),
          ),
        this.options.timeoutMs,
      )
      this.running = {
        jobId: request.jobId,
        resolve: resolve as (value: unknown) => void,
        reject,
        ...(hooks.onLoaded ? { onLoaded: hooks.onLoaded } : {}),
        ...(hooks.onPart ? { onPart: hooks.onPart } : {}),
        ...(hooks.onBatch ? { onBatch: hooks.onBatch } : {}),
        ...(hooks.onPhases ? { onPhases: hooks.onPhases } : {}),
        ...(hooks.progress ? { progress: hooks.progress } : {}),
        timer,
      }
      worker.ref()
      worker.postMessage(request, hooks.transfer ?? [])
    })
  }

  private takeWorker(): Worker {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    if (this.worker) return this.worker
    let entry: WorkerEntry
    try {
      entry = workerEntry('exchange-worker', new URL('./worker.ts', import.meta.url))
    } catch {
      throw new AppError(
        'unavailable',
        'The exchange worker is missing from this copy of Sightline.',
      )
    }
    const worker = new Worker(entry.url, {
      ...(entry.workerData ? { workerData: entry.workerData } : {}),
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    })
    worker.on('message', (reply: WorkerReply) => this.onReply(worker, reply))
    worker.on('error', (error: Error) => {
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      this.stop(
        outOfMemory
          ? new AppError(
              'payload_too_large',
              `This needs more than the ${this.options.memoryMb} MB of memory an exchange may use; it was stopped and nothing was changed.`,
            )
          : new AppError('internal', `The exchange worker failed: ${error.message.slice(0, 300)}`),
      )
    })
    worker.on('exit', () => {
      if (this.worker !== worker) return
      this.worker = null
      this.stop(new AppError('internal', 'The exchange worker stopped; nothing was changed.'))
    })
    this.worker = worker
    return worker
  }

  private onReply(worker: Worker, reply: WorkerReply): void {
    const running = this.running
    if (!running || reply.jobId !== running.jobId || worker !== this.worker) return
    switch (reply.type) {
      case 'loaded':
        running.onLoaded?.()
        return
      case 'progress':
        running.progress?.(reply.phase, reply.done, reply.total)
        return
      case 'part':
        running.onPart?.(reply.text)
        // Taken in a later turn, as batches are (below): the worker sends only a few ahead.
        setImmediate(() => {
          if (this.worker === worker && this.running === running) {
            worker.postMessage({ type: 'part-taken', jobId: running.jobId })
          }
        })
        return
      case 'batch':
        running.onBatch?.(reply.batch)
        // The next batch comes in a later turn, so that each costs this loop a short stop.
        setImmediate(() => {
          if (this.worker === worker && this.running === running) {
            worker.postMessage({ type: 'batch-taken', jobId: running.jobId })
          }
        })
        return
      case 'done':
        running.onPhases?.(reply.phases)
        this.settle()?.resolve(reply.value)
        return
      case 'failed':
        this.settle()?.reject(new AppError(reply.error.code, reply.error.message))
        return
    }
  }

  /** Ends the running request; the worker waits for the next one a while, then goes. */
  private settle(): Running | null {
    const running = this.running
    if (!running) return null
    this.running = null
    clearTimeout(running.timer)
    const worker = this.worker
    if (worker) {
      worker.unref()
      this.idleTimer = setTimeout(() => {
        if (this.worker === worker && !this.running) {
          this.worker = null
          void worker.terminate()
        }
      }, this.options.idleMs)
      this.idleTimer.unref()
    }
    return running
  }

  /** Stops the worker and fails the running request with `error`. */
  private stop(error: AppError): void {
    const running = this.running
    this.running = null
    if (running) clearTimeout(running.timer)
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    const worker = this.worker
    this.worker = null
    if (worker) void worker.terminate()
    running?.reject(error)
  }
}

let shared: ExchangeRunner | null = null

/** The process's one exchange worker. */
export function exchangeRunner(): ExchangeRunner {
  shared ??= new ExchangeRunner()
  return shared
}

/**
 * Imports run in worker threads (import/worker.ts), never on the main process: a document
 * that makes pdf.js, mammoth or Readability slow, hungry or stuck costs its own worker,
 * which is given a heap limit and stopped when its time is up or the analyst cancels.
 * The main process sends the file and receives only the normalized text and metadata.
 * Each import has a job id the views use to follow its progress and to cancel it.
 */
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ImportProgress } from '../../shared/api/sources'
import { AppError } from './errors'
import {
  DEFAULT_IMPORT_LIMITS,
  duration,
  megabytes,
  type ImportLimits,
  type ImportStep,
} from './import/limits'
import type { ImportedDocument, StoredDocument } from './import/types'
import type { ImportReply, ImportRequest } from './import/worker'

export interface ImportJobsOptions {
  limits?: Partial<ImportLimits>
  /** Documents read at the same time; the others wait their turn. */
  concurrency?: number
  /** How long a worker with nothing to do is kept for the next document (ms). */
  idleMs?: number
}

interface Job {
  id: string
  fileName: string
  data: Uint8Array
  encoding: 'base64' | 'bytes'
  /** The project folder the worker stores the text in, if it is to. */
  storeIn?: string
  state: 'waiting' | 'running'
  step: ImportStep | null
  queuedAt: number
  worker: Worker | null
  timer: NodeJS.Timeout | null
  resolve(document: ImportedDocument | StoredDocument): void
  reject(error: AppError): void
}

/** Characters copied between two turns of the event loop: a fraction of a millisecond. */
const COPY_SLICE_CHARS = 1 << 18

/**
 * A base64 text as its Latin-1 bytes, copied a slice at a time: the bytes are then moved
 * to the worker, where posting the string itself would copy it in one long block.
 */
async function base64Bytes(base64: string): Promise<Uint8Array> {
  const bytes = Buffer.allocUnsafeSlow(base64.length)
  for (let start = 0; start < base64.length; start += COPY_SLICE_CHARS) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve))
    bytes.write(base64.slice(start, start + COPY_SLICE_CHARS), start, 'latin1')
  }
  return bytes
}

/** The worker's code: the bundled entry, or the TypeScript source through tsx (tests, scripts). */
function workerScript(): { script: string | URL; eval: boolean } {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    const source = new URL('./import/worker.ts', here).href
    const tsx = import.meta.resolve('tsx/esm/api')
    return {
      script: `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`,
      eval: true,
    }
  }
  // Bundled: out/main/import-worker.js beside the entry; this code may sit in out/main/chunks/.
  for (const candidate of ['./import-worker.js', '../import-worker.js']) {
    const url = new URL(candidate, here)
    if (existsSync(fileURLToPath(url))) return { script: url, eval: false }
  }
  throw new AppError('unavailable', 'The document importer is missing from this copy of Sightline.')
}

/** How long a new worker may take to load the importers (pdf.js is large). */
const WORKER_START_MS = 60_000

/** The hard stop comes a little after the importer's own deadline, which explains itself better. */
function hardStopMs(limits: ImportLimits): number {
  return limits.timeoutMs + Math.max(1_000, limits.timeoutMs * 0.1)
}

export class ImportJobs {
  readonly limits: ImportLimits
  private readonly concurrency: number
  private readonly idleMs: number
  private readonly jobs = new Map<string, Job>()
  private readonly queue: Job[] = []
  private idle: { worker: Worker; timer: NodeJS.Timeout } | null = null
  private running = 0
  private closed = false

  constructor(options: ImportJobsOptions = {}) {
    this.limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits }
    this.concurrency = Math.max(1, options.concurrency ?? 2)
    this.idleMs = options.idleMs ?? 30_000
  }

  /**
   * Reads `data` (the file as base64, or its bytes) in a worker. `jobId` (any unused id)
   * lets the caller follow and cancel it. Rejects with an AppError fit for the analyst.
   */
  run(
    fileName: string,
    data: string | Uint8Array,
    jobId: string = randomUUID(),
  ): Promise<ImportedDocument> {
    return this.enqueue(fileName, data, jobId) as Promise<ImportedDocument>
  }

  /**
   * The same, with the text stored in the project at `folder` (sources/<sha256>.txt) by
   * the worker: only its hash and length come back, so a long text costs this thread nothing.
   */
  runAndStore(
    fileName: string,
    data: string | Uint8Array,
    folder: string,
    jobId: string = randomUUID(),
  ): Promise<StoredDocument> {
    return this.enqueue(fileName, data, jobId, folder) as Promise<StoredDocument>
  }

  private enqueue(
    fileName: string,
    data: string | Uint8Array,
    jobId: string,
    storeIn?: string,
  ): Promise<ImportedDocument | StoredDocument> {
    if (this.closed) return Promise.reject(new AppError('unavailable', 'Sightline is closing.'))
    if (this.jobs.has(jobId)) {
      return Promise.reject(
        new AppError('conflict', `An import with the id ${jobId} is already running.`),
      )
    }
    return new Promise((resolve, reject) => {
      const job: Job = {
        id: jobId,
        fileName,
        data: typeof data === 'string' ? new Uint8Array(0) : data,
        encoding: typeof data === 'string' ? 'base64' : 'bytes',
        ...(storeIn !== undefined ? { storeIn } : {}),
        state: 'waiting',
        step: null,
        queuedAt: performance.now(),
        worker: null,
        timer: null,
        resolve,
        reject,
      }
      this.jobs.set(jobId, job)
      const queue = (): void => {
        // Cancelled (or the app closing) while its bytes were being copied.
        if (!this.jobs.has(jobId)) return
        this.queue.push(job)
        this.startNext()
      }
      if (typeof data !== 'string') return queue()
      base64Bytes(data).then(
        (bytes) => {
          job.data = bytes
          queue()
        },
        (error: unknown) =>
          this.fail(
            job,
            new AppError('unavailable', `"${fileName}" could not be taken in: ${String(error)}.`),
          ),
      )
    })
  }

  /** Where an import stands, or null when there is no such import (any more). */
  progress(jobId: string): ImportProgress | null {
    const job = this.jobs.get(jobId)
    if (!job) return null
    return {
      state: job.state,
      fileName: job.fileName,
      elapsedMs: Math.round(performance.now() - job.queuedAt),
      ...(job.step ?? {}),
    }
  }

  /** Stops an import, waiting or running; it rejects with code 'cancelled'. */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId)
    if (!job) return false
    this.fail(
      job,
      new AppError(
        'cancelled',
        `The import of "${job.fileName}" was cancelled; nothing was added.`,
      ),
    )
    return true
  }

  /** Stops every import and worker (the app is closing). */
  async close(): Promise<void> {
    this.closed = true
    for (const job of [...this.jobs.values()]) {
      this.fail(
        job,
        new AppError(
          'unavailable',
          `The import of "${job.fileName}" stopped: Sightline is closing.`,
        ),
      )
    }
    const idle = this.idle
    this.idle = null
    if (idle) {
      clearTimeout(idle.timer)
      await idle.worker.terminate()
    }
  }

  private startNext(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!
      this.running++
      this.start(job)
    }
  }

  private start(job: Job): void {
    let worker: Worker
    try {
      worker = this.takeWorker()
    } catch (error) {
      this.running--
      this.jobs.delete(job.id)
      job.reject(error instanceof AppError ? error : new AppError('unavailable', String(error)))
      return
    }
    job.state = 'running'
    job.worker = worker
    worker.ref()
    // A worker that cannot even start is stopped too; the document's own clock starts
    // when the worker has it.
    job.timer = setTimeout(() => {
      this.fail(job, new AppError('unavailable', 'The document importer did not start.'))
    }, WORKER_START_MS)
    const onMessage = (reply: ImportReply): void => {
      if (reply.jobId !== job.id) return
      if (reply.type === 'started') {
        if (job.timer) clearTimeout(job.timer)
        job.timer = setTimeout(() => {
          this.fail(
            job,
            new AppError(
              'payload_too_large',
              `"${job.fileName}" took longer than ${duration(this.limits.timeoutMs)} to read; it was stopped and not imported.`,
            ),
          )
        }, hardStopMs(this.limits))
        return
      }
      if (reply.type === 'progress') {
        job.step = reply.step
        return
      }
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      if (reply.type === 'done' || reply.type === 'stored') this.finish(job, reply.document)
      else this.fail(job, new AppError(reply.error.code, reply.error.message), true)
    }
    const onError = (error: Error): void => {
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      this.fail(
        job,
        outOfMemory
          ? new AppError(
              'payload_too_large',
              `"${job.fileName}" needs more than the ${megabytes(this.limits.memoryMb * 1024 * 1024)} of memory an import may use; it was stopped and not imported.`,
            )
          : new AppError(
              'invalid_input',
              `"${job.fileName}" could not be read (${error.message.slice(0, 300)}); it was not imported.`,
            ),
      )
    }
    const onExit = (): void => {
      this.fail(
        job,
        new AppError(
          'invalid_input',
          `"${job.fileName}" stopped the importer; it was not imported.`,
        ),
      )
    }
    worker.on('message', onMessage)
    worker.once('error', onError)
    worker.once('exit', onExit)
    const request: ImportRequest = {
      type: 'import',
      jobId: job.id,
      fileName: job.fileName,
      data: job.data,
      encoding: job.encoding,
      limits: this.limits,
      ...(job.storeIn !== undefined ? { storeIn: job.storeIn } : {}),
    }
    // Base64 copied for this job is moved to the worker; a caller's bytes are copied.
    worker.postMessage(request, job.encoding === 'base64' ? [job.data.buffer as ArrayBuffer] : [])
  }

  private takeWorker(): Worker {
    if (this.idle) {
      const { worker, timer } = this.idle
      this.idle = null
      clearTimeout(timer)
      return worker
    }
    const { script, eval: isEval } = workerScript()
    const worker = new Worker(script, {
      eval: isEval,
      // A small young generation keeps a document that outgrows the limit a refusal of this
      // worker: with V8's default for the heap, a scavenge could fail outright and take the
      // whole process down (1 to 3 runs in 5 of the 32 MB test, 0 in 8 with this).
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: 4 },
    })
    // An uncaught error comes with the job that caused it; between jobs it only ends the worker.
    worker.on('error', () => undefined)
    return worker
  }

  /** A worker that finished its document waits for the next one a while, then goes. */
  private release(worker: Worker): void {
    worker.unref()
    if (this.closed || this.idle) {
      void worker.terminate()
      return
    }
    const timer = setTimeout(() => {
      if (this.idle?.worker === worker) this.idle = null
      void worker.terminate()
    }, this.idleMs)
    timer.unref()
    this.idle = { worker, timer }
  }

  private finish(job: Job, document: ImportedDocument | StoredDocument): void {
    if (!this.settle(job)) return
    if (job.worker) this.release(job.worker)
    job.resolve(document)
    this.startNext()
  }

  /** Rejects the job; its worker is stopped unless it answered normally (`workerSound`). */
  private fail(job: Job, error: AppError, workerSound = false): void {
    if (!this.settle(job)) return
    const wasRunning = job.state === 'running'
    if (job.worker) {
      if (workerSound) this.release(job.worker)
      else {
        job.worker.removeAllListeners('message')
        job.worker.removeAllListeners('exit')
        void job.worker.terminate()
      }
    } else {
      const index = this.queue.indexOf(job)
      if (index !== -1) this.queue.splice(index, 1)
    }
    job.reject(error)
    if (!wasRunning) return
    this.startNext()
  }

  /** Marks the job settled once; false if it already was. */
  private settle(job: Job): boolean {
    if (!this.jobs.has(job.id)) return false
    this.jobs.delete(job.id)
    if (job.timer) clearTimeout(job.timer)
    if (job.state === 'running') this.running--
    return true
  }
}

let shared: ImportJobs | null = null

/** One pool for the process, with the default limits: its worker stays warm between uses. */
export function defaultImportJobs(): ImportJobs {
  shared ??= new ImportJobs()
  return shared
}

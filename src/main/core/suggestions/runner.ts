/**
 * Runs the suggester in a worker thread, so reading a 2 MB text never stalls the main process
 * that serves every window. One worker, started on first use, kept while requests come and
 * let go after a minute idle; each request has a memory and a time limit.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import { AppError } from '../errors'
import type { SuggestInput, SuggestOutput } from './suggest'
import type { WorkerReply, WorkerRequest } from './worker'

const TIME_LIMIT_MS = 60_000
const IDLE_MS = 60_000
const MEMORY_LIMIT_MB = 1_024
const YOUNG_GENERATION_MB = 64

/** What the worker computed, and how long it took there. */
export type TimedOutput = SuggestOutput & { tookMs: number }

interface Pending {
  resolve: (output: TimedOutput) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
}

/**
 * Starts the worker. Built, this module sits in out/main (or out/main/chunks) and the worker is
 * out/main/suggestions-worker.js. From source (tests, bench) worker.ts sits beside it: a
 * worker's entry does not pass through loaders given with --import on Node 20, so a small
 * entry registers tsx first and then imports it.
 */
function startWorker(options: WorkerOptions): Worker {
  const here = new URL(import.meta.url)
  if (here.pathname.endsWith('.ts')) {
    // The package's ESM entry, found where require() finds its CommonJS one.
    const tsxApi = createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs')
    const tsx = pathToFileURL(tsxApi).href
    const entry = new URL('./worker.ts', here).href
    const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
    return new Worker(code, { ...options, eval: true })
  }
  const folder = here.pathname.includes('/chunks/') ? '../' : './'
  return new Worker(new URL(`${folder}suggestions-worker.js`, here), options)
}

export class SuggestionRunner {
  private worker: Worker | undefined
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private idleTimer: NodeJS.Timeout | undefined

  /** Suggestions for one text, computed in the worker. */
  run(input: SuggestInput): Promise<TimedOutput> {
    const worker = this.start()
    const id = this.nextId++
    clearTimeout(this.idleTimer)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop(
          new AppError(
            'unavailable',
            `Reading this text for suggestions took longer than ${TIME_LIMIT_MS / 1000} s and was stopped.`,
          ),
        )
      }, TIME_LIMIT_MS)
      timer.unref()
      this.pending.set(id, { resolve, reject, timer })
      worker.postMessage({ id, input } satisfies WorkerRequest)
    })
  }

  /** Ends the worker; requests still running are refused. */
  close(): Promise<void> {
    const worker = this.worker
    this.stop(new AppError('unavailable', 'The suggester was stopped.'))
    return worker ? worker.terminate().then(() => undefined) : Promise.resolve()
  }

  private start(): Worker {
    if (this.worker) return this.worker
    // A larger young generation: reading a text makes many short-lived tokens, and with the
    // default size the scavenges took a fifth of the time on a 2 MB text.
    const worker = startWorker({
      resourceLimits: {
        maxOldGenerationSizeMb: MEMORY_LIMIT_MB,
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      },
    })
    worker.unref()
    worker.on('message', (reply: WorkerReply) => this.settle(reply))
    worker.on('error', (error) => {
      this.stop(new AppError('internal', `The suggester failed: ${error.message}`))
    })
    worker.on('exit', () => {
      if (this.worker === worker) this.stop(new AppError('internal', 'The suggester stopped.'))
    })
    this.worker = worker
    return worker
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id)
    if (!pending) return
    this.pending.delete(reply.id)
    clearTimeout(pending.timer)
    if (reply.ok) pending.resolve({ ...reply.output, tookMs: reply.tookMs })
    else pending.reject(new AppError('internal', `The suggester failed: ${reply.message}`))
    if (this.pending.size === 0) {
      this.idleTimer = setTimeout(() => void this.close(), IDLE_MS)
      this.idleTimer.unref()
    }
  }

  /** Refuses every waiting request and lets the worker go (a new one starts on demand). */
  private stop(error: Error): void {
    const worker = this.worker
    this.worker = undefined
    clearTimeout(this.idleTimer)
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer)
      reject(error)
    }
    this.pending.clear()
    if (worker) void worker.terminate()
  }
}

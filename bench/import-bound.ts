/**
 * The least any durable import of a bundle must do, built from the primitives the app must
 * use (exchange bench, informational): in a worker (import-bound-worker.ts) the bundle is
 * parsed, each resulting record checked with the compiled schemas and serialized as journal
 * lines, in large buffers moved to the main thread; there each buffer is made objects and
 * appended to a journal, whose end is written once the worker has written the source texts
 * durably, then synced. The plan is counted as free: the records and texts are the real
 * import's, given to the worker before the clock starts.
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { UploadPart } from '../src/main/core/exchange/upload-parts'
import type { BoundInput, BoundReply, BoundRun, BoundSteps } from './import-bound-worker'

export interface BoundTiming {
  ms: number
  /** Every step's milliseconds, the worker's and the main thread's. */
  steps: Record<string, number>
}

export class ImportBound {
  private runs = 0

  private constructor(private readonly worker: Worker) {}

  static async start(
    records: BoundInput['records'],
    texts: BoundInput['texts'],
  ): Promise<ImportBound> {
    const worker = new Worker(new URL('../src/main/core/store/worker-boot.mjs', import.meta.url), {
      workerData: {
        entry: new URL('./import-bound-worker.ts', import.meta.url).href,
        records,
        texts,
      } satisfies BoundInput,
    })
    await new Promise<void>((resolve, reject) => {
      worker.once('online', resolve)
      worker.once('error', reject)
    })
    return new ImportBound(worker)
  }

  /** One import of `bundle` into a new project folder under `parent`. */
  async run(bundle: UploadPart, parent: string): Promise<BoundTiming> {
    const folder = join(parent, `bound-${++this.runs}`)
    const textsFolder = join(folder, 'sources')
    await mkdir(textsFolder, { recursive: true })
    const journal = await open(join(folder, 'journal.1.jsonl'), 'wx', 0o600)
    try {
      return await this.timed(journal, { type: 'run', bundle, textsFolder, firstSeq: 1 })
    } finally {
      await journal.close()
    }
  }

  private timed(journal: FileHandle, request: BoundRun): Promise<BoundTiming> {
    const main = {
      'make the records objects (main thread)': 0,
      'append the journal lines': 0,
      'end and fdatasync the journal': 0,
    }
    return new Promise<BoundTiming>((resolve, reject) => {
      const started = performance.now()
      let position = 0
      let appended = Promise.resolve()
      let textsWritten = false
      let lastLines: { buffer: ArrayBuffer; bytes: number } | null = null
      let workerSteps: BoundSteps | null = null
      let synced = false
      const append = (buffer: ArrayBuffer, bytes: number): void => {
        const at = position
        position += bytes
        appended = appended.then(async () => {
          const from = performance.now()
          await journal.write(new Uint8Array(buffer), 0, bytes, at)
          main['append the journal lines'] += performance.now() - from
        })
      }
      const finish = (): void => {
        if (!synced || !workerSteps) return
        this.worker.off('message', onMessage)
        resolve({ ms: performance.now() - started, steps: { ...workerSteps, ...main } })
      }
      // The batch's end goes to the journal only once every text it needs is on disk.
      const endBatch = (): void => {
        if (!textsWritten || !lastLines) return
        append(lastLines.buffer, lastLines.bytes)
        lastLines = null
        appended
          .then(async () => {
            const from = performance.now()
            await journal.datasync()
            main['end and fdatasync the journal'] = performance.now() - from
            synced = true
            finish()
          })
          .catch(reject)
      }
      const onMessage = (reply: BoundReply): void => {
        if (reply.type === 'failed') {
          this.worker.off('message', onMessage)
          reject(new Error(reply.message))
        } else if (reply.type === 'texts-written') {
          textsWritten = true
          endBatch()
        } else if (reply.type === 'done') {
          workerSteps = reply.steps
          finish()
        } else {
          const from = performance.now()
          const text = Buffer.from(reply.buffer, 0, reply.bytes).toString('utf8')
          JSON.parse(`[${text.slice(0, -1).replaceAll('\n', ',')}]`)
          main['make the records objects (main thread)'] += performance.now() - from
          if (reply.last) {
            lastLines = reply
            endBatch()
          } else append(reply.buffer, reply.bytes)
        }
      }
      this.worker.on('message', onMessage)
      this.worker.postMessage(request)
    })
  }

  async close(): Promise<void> {
    await this.worker.terminate()
  }
}

/**
 * The import worker: runs every importer (pdf.js, mammoth, Readability) off the main
 * process, one document at a time, and hands back only the normalized text and its
 * metadata. import-jobs.ts starts it with a memory limit and stops it when the time is up
 * or the analyst cancels; a document can therefore hang or exhaust this thread, never the
 * app. Bundled as out/main/import-worker.js (electron.vite.config.ts).
 */
import { parentPort } from 'node:worker_threads'
import { isBase64 } from '../../../shared/api/sources'
import { AppError } from '../errors'
import { importDocument } from '.'
import type { ImportLimits, ImportStep } from './limits'
import type { ImportedDocument } from './types'

// pdf.js inflates image streams through DecompressionStream when it exists, which in Node is
// a native zlib handle. Terminating this worker (the time limit, cancel) while such a handle
// is being set up trips an assertion in Node's zlib cleanup that aborts the whole process,
// the app included. Without it pdf.js falls back to its own JavaScript inflate, which a
// terminate stops cleanly.
Reflect.deleteProperty(globalThis, 'DecompressionStream')

/** A document to import; `data` is base64 (as it came through the API) or the bytes. */
export interface ImportRequest {
  type: 'import'
  jobId: string
  fileName: string
  data: string | Uint8Array
  limits: ImportLimits
}

export type ImportReply =
  /** The document arrived and reading starts: the job's clock starts now, not at boot. */
  | { type: 'started'; jobId: string }
  | { type: 'progress'; jobId: string; step: ImportStep }
  | { type: 'done'; jobId: string; document: ImportedDocument }
  | { type: 'failed'; jobId: string; error: { code: AppError['code']; message: string } }

/** Progress more often than this is not worth a message: the view polls every few 100 ms. */
const PROGRESS_EVERY_MS = 100

async function run(request: ImportRequest): Promise<ImportReply> {
  const { jobId, fileName, limits } = request
  parentPort?.postMessage({ type: 'started', jobId } satisfies ImportReply)
  if (typeof request.data === 'string' && !isBase64(request.data)) {
    return {
      type: 'failed',
      jobId,
      error: { code: 'invalid_input', message: `"${fileName}" did not arrive as base64 data.` },
    }
  }
  const bytes =
    typeof request.data === 'string' ? Buffer.from(request.data, 'base64') : request.data
  let lastProgress = 0
  let lastStage: ImportStep['stage'] | null = null
  try {
    const document = await importDocument(fileName, bytes, {
      limits,
      deadline: performance.now() + limits.timeoutMs,
      progress(step) {
        const now = performance.now()
        if (step.stage === lastStage && now - lastProgress < PROGRESS_EVERY_MS) return
        lastProgress = now
        lastStage = step.stage
        parentPort?.postMessage({ type: 'progress', jobId, step } satisfies ImportReply)
      },
    })
    return { type: 'done', jobId, document }
  } catch (error) {
    if (error instanceof AppError) {
      return { type: 'failed', jobId, error: { code: error.code, message: error.message } }
    }
    // A parser that trips over a malformed file says so in its own words.
    const reason = error instanceof Error ? error.message : String(error)
    return {
      type: 'failed',
      jobId,
      error: {
        code: 'invalid_input',
        message: `"${fileName}" could not be read (${reason.slice(0, 300)}); it was not imported.`,
      },
    }
  }
}

parentPort?.on('message', (request: ImportRequest) => {
  void run(request).then((reply) => {
    if (reply.type !== 'done') return parentPort?.postMessage(reply)
    // Encoded here and moved, not copied: the main process stores these bytes as they are.
    const utf8 = new TextEncoder().encode(reply.document.text)
    parentPort?.postMessage({ ...reply, document: { ...reply.document, utf8 } }, [utf8.buffer])
  })
})

/**
 * The exchange worker's entry (run by runner.ts, built as out/main/exchange-worker.js):
 * reads the project from its store files (never from the main thread's memory), and builds
 * and serializes a STIX export there. It keeps the last project it read while the runner
 * keeps it warm, so a second export of an unchanged project reads nothing.
 */
import { parentPort } from 'node:worker_threads'
import type { ExchangeFile, ExportScope, TlpLevel } from '../../../shared/contract'
import type { ProjectFile } from '../../../shared/model'
import { AppError } from '../errors'
import type { ProjectStore } from '../project-store'
import type { StoreFilesView } from '../store/folder'
import { readFilesView } from '../store/loader'
import { selectForExport } from './scope'
import { createSlicer, type Progress } from './slices'
import { stixExportFile } from './stix/export'

export type WorkerRequest = {
  type: 'stix-export'
  jobId: string
  files: StoreFilesView
  scope: ExportScope
  tlp: TlpLevel
}

export type WorkerReply =
  | { type: 'loaded'; jobId: string }
  | { type: 'progress'; jobId: string; phase: string; done: number; total: number }
  /** A part of a long text result, sent as it is made (see runner.ts, `onPart`). */
  | { type: 'part'; jobId: string; text: string }
  | { type: 'done'; jobId: string; value: unknown }
  | { type: 'failed'; jobId: string; error: { code: AppError['code']; message: string } }

/**
 * What the report and table code read of a store: its records and a revision their caches
 * key on. The worker's project is read-only, so the revision never moves.
 */
interface ProjectView {
  data: ProjectFile
  revision: number
  isClosed: boolean
}

let loaded: { key: string; view: ProjectView } | null = null

async function projectOf(files: StoreFilesView): Promise<ProjectView> {
  const key = JSON.stringify(files)
  if (loaded?.key === key) return loaded.view
  loaded = null
  const data = (await readFilesView(files)) as unknown as ProjectFile
  const view = { data, revision: files.seq, isClosed: false }
  loaded = { key, view }
  return view
}

/** Progress at most every 100 ms: the dialog polls a few times a second. */
function progressOf(jobId: string): Progress {
  let last = 0
  return (phase, done, total) => {
    const now = performance.now()
    if (now - last < 100 && done < total) return
    last = now
    post({ type: 'progress', jobId, phase, done, total })
  }
}

function post(reply: WorkerReply): void {
  parentPort?.postMessage(reply)
}

async function exportStix(
  request: Extract<WorkerRequest, { type: 'stix-export' }>,
): Promise<ExchangeFile> {
  const { jobId, scope } = request
  const project = await projectOf(request.files)
  post({ type: 'loaded', jobId })
  // The report and table code take a store; they read only `data` and `revision` of it.
  const selection = selectForExport(project as unknown as ProjectStore, scope)
  const slicer = createSlicer(progressOf(jobId), Number.POSITIVE_INFINITY)
  // Out a part at a time: one 26 MB string would cost the main thread its copy in one go.
  return stixExportFile(selection, scope, project.data.project.name, request.tlp, slicer, (text) =>
    post({ type: 'part', jobId, text }),
  )
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'stix-export':
      return exportStix(request)
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (value) => post({ type: 'done', jobId: request.jobId, value }),
    (error: unknown) => {
      const known = error instanceof AppError
      post({
        type: 'failed',
        jobId: request.jobId,
        error: {
          code: known ? error.code : 'internal',
          message: known
            ? error.message
            : `The exchange failed: ${error instanceof Error ? error.message : String(error)}`,
        },
      })
    },
  )
})

/**
 * The exchange worker's entry (run by runner.ts, built as out/main/exchange-worker.js):
 * reads the project from its store files (never from the main thread's memory), builds
 * and serializes a STIX export there, and plans imports there: the file parsed, checked,
 * mapped and matched against the project, the source texts written, and only the records
 * to put sent back, in parts. It keeps the last project it read while the runner keeps it
 * warm, so a second export of an unchanged project reads nothing, and keeps the plans it
 * made until they are applied.
 */
import { stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { parentPort, resourceLimits, Worker } from 'node:worker_threads'
import type {
  ExchangeFile,
  ExportScope,
  ImportFormat,
  ImportPreview,
  TlpLevel,
} from '../../../shared/contract'
import type { ProjectFile } from '../../../shared/model'
import { storeContentFiles } from '../content-files'
import { AppError } from '../errors'
import { describeWriteError, SOURCES_FOLDER, type ProjectStore } from '../project-store'
import { ProjectFiles } from '../safe-files'
import type { StoreFilesView } from '../store/folder'
import { FilesViewReader } from '../store/loader'
import { countItems, draftDigest, draftPuts } from './draft'
import {
  draftTexts,
  EMPTY_PROJECT,
  parseImport,
  planImport,
  previewOfPlan,
  readImportFile,
  type ImportRequest,
  type ParsedImport,
  type PlannedImport,
} from './import-plan'
import { PhaseClock, type PhaseTiming } from '../phase-clock'
import { selectForExport } from './scope'
import { createSlicer, unsliced, type Progress, type Slicer } from './slices'
import {
  planStixBundle,
  stixChunk,
  StixBundleWriter,
  stixFileName,
  type StixChunk,
} from './stix/export'
import type { UploadPart } from './upload-parts'
import { workerEntry } from '../store/worker-entry'
import { runInBackground } from '../background-thread'

export type WorkerRequest =
  | {
      type: 'stix-export'
      jobId: string
      files: StoreFilesView
      scope: ExportScope
      tlp: TlpLevel
      /**
       * Projects whose files hold at least this many bytes are exported by two threads
       * (this worker and its helper); SHARE_FROM_BYTES by default, 0 always.
       */
      shareFromBytes?: number
    }
  | {
      /**
       * From an exchange worker to its helper (another instance of this worker): read the
       * same project, plan the same bundle, and build the chunks it claims in `claims`
       * (a counter both threads take chunk numbers from), sending each as a 'chunk'.
       */
      type: 'stix-chunks'
      jobId: string
      files: StoreFilesView
      scope: ExportScope
      tlp: TlpLevel
      exportedAt: string
      claims: SharedArrayBuffer
    }
  | {
      /** Parses and plans a file against the project in `files` (none: a new project). */
      type: 'import-plan'
      jobId: string
      planId: string
      /** The uploaded file's text in parts, in memory shared with the main thread. */
      parts: readonly UploadPart[]
      /** Read from the file when absent. */
      format?: ImportFormat
      request: ImportRequest
      files: StoreFilesView | null
    }
  | {
      /**
       * Checks plan `planId` against the project in `files` (planning again if it moved),
       * and, if it still decides as `digest` says, writes its texts (or, for a new project,
       * sends them as `texts` batches) and sends its records as `puts` batches.
       */
      type: 'import-apply'
      jobId: string
      planId: string
      digest: string
      files: StoreFilesView | null
    }

/** What an import's apply answers once its batches are sent. */
export type ImportApplyAnswer =
  | {
      status: 'ready'
      counts: Record<string, { create: number; merge: number; skip: number }>
      datasetSourceId?: string
    }
  | { status: 'changed'; preview: ImportPreview }

/**
 * A part of an import's output, sent before its answer (see runner.ts, `onBatch`). Records
 * travel as JSON (`json[i]` is the record of `collections[i]`): the main thread parses them
 * in one go per batch and journals that very text, where a structured copy of the objects
 * cost it more than the parse, and serializing them again as much once more.
 */
export type ImportBatch =
  | { kind: 'records'; collections: string[]; json: string[] }
  | { kind: 'texts'; texts: { contentHash: string; text: string }[] }

export type WorkerReply =
  | { type: 'loaded'; jobId: string }
  | { type: 'progress'; jobId: string; phase: string; done: number; total: number }
  /** A part of a long text result, sent as it is made (see runner.ts, `onPart`). */
  | { type: 'part'; jobId: string; text: string }
  | { type: 'batch'; jobId: string; batch: ImportBatch }
  /** A chunk of a STIX bundle, from a helper to the exchange worker that asked it. */
  | { type: 'chunk'; jobId: string; chunk: StixChunk }
  /** `phases`: where the worker's time went (see phases.ts). */
  | { type: 'done'; jobId: string; value: unknown; phases: PhaseTiming[] }
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
/** Reads after an edit only the ops appended since the last read. */
const reader = new FilesViewReader()

const keyOf = (files: StoreFilesView | null): string => (files ? JSON.stringify(files) : 'new')

async function projectOf(files: StoreFilesView): Promise<ProjectView> {
  const key = keyOf(files)
  if (loaded?.key === key) return loaded.view
  loaded = null
  const data = (await reader.read(files)) as unknown as ProjectFile
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

/**
 * Files from this size up are exported by two threads. Below it the helper's own read of
 * the project would cost more than it saves; above it, the second core halves the build.
 */
const SHARE_FROM_BYTES = 4 * 1024 * 1024

async function projectBytes(files: StoreFilesView): Promise<number> {
  let bytes = (await stat(files.snapshot)).size
  for (const journal of files.journals) bytes += journal.bytes ?? (await stat(journal.path)).size
  return bytes
}

async function exportStix(
  request: Extract<WorkerRequest, { type: 'stix-export' }>,
  clock: PhaseClock,
): Promise<ExchangeFile> {
  const { jobId, scope, tlp, files } = request
  const exportedAt = new Date().toISOString()
  const claims = new Int32Array(new SharedArrayBuffer(4))
  const shared =
    availableParallelism() > 1 &&
    (await projectBytes(files)) >= (request.shareFromBytes ?? SHARE_FROM_BYTES)
  // The helper reads the project alongside this thread, and takes chunks as it can.
  const helped = shared
    ? chunkHelper.start({
        type: 'stix-chunks',
        jobId,
        files,
        scope,
        tlp,
        exportedAt,
        claims: claims.buffer as SharedArrayBuffer,
      })
    : null
  const project = await clock.time('read the project files', () => projectOf(files))
  // The store may compact once both threads have read its files.
  if (helped) await clock.time('wait for the helper to read', () => helped.loaded)
  post({ type: 'loaded', jobId })
  // The report and table code take a store; they read only `data` and `revision` of it.
  const selection = await clock.time('select the records', () =>
    selectForExport(project as unknown as ProjectStore, scope),
  )
  const plan = await clock.time('plan the bundle', () =>
    planStixBundle(selection, tlp, unsliced, exportedAt),
  )
  const progress = progressOf(jobId)
  // Out a part at a time: one 26 MB string would cost the main thread its copy in one go.
  const writer = new StixBundleWriter((text) => sendPart(jobId, text))
  const ready = helped?.chunks ?? new Map<number, StixChunk>()
  const putReady = (): void => {
    for (let next = ready.get(writer.written); next; next = ready.get(writer.written)) {
      ready.delete(next.index)
      writer.add(next)
      progress('Writing the bundle', writer.written, plan.chunkCount)
    }
  }
  await clock.time('build and send the bundle', async () => {
    for (;;) {
      const room = roomForParts(jobId)
      if (room) await room
      const claimed = Atomics.add(claims, 0, 1)
      if (claimed >= plan.chunkCount) break
      ready.set(claimed, stixChunk(plan, claimed))
      putReady()
      // The helper's chunks arrive as messages, read between two of ours.
      if (helped) await new Promise((resolve) => setImmediate(resolve))
    }
  })
  if (writer.written < plan.chunkCount) {
    await clock.time("wait for the helper's chunks", async () => {
      await helped?.settled
      // A helper that failed leaves its chunks to this thread.
      for (let index = writer.written; index < plan.chunkCount; index++) {
        if (!ready.has(index)) ready.set(index, stixChunk(plan, index))
      }
      putReady()
    })
  }
  const { bytes, counts } = writer.finish()
  // The helper's timings, if it ended first (it may still be planning when this one is done).
  if (helped) clock.merge(helped.phases)
  return {
    fileName: stixFileName(selection, scope, project.data.project.name),
    content: '',
    bytes,
    counts,
    notes: [...plan.notes],
  }
}

/** The helper's side of a shared export: the chunks it claims, sent as they are made. */
async function exportChunks(
  request: Extract<WorkerRequest, { type: 'stix-chunks' }>,
  clock: PhaseClock,
): Promise<null> {
  const { jobId, scope, tlp, exportedAt } = request
  const claims = new Int32Array(request.claims)
  const project = await clock.time('read the project files', () => projectOf(request.files))
  post({ type: 'loaded', jobId })
  const plan = await clock.time('plan the bundle', () =>
    planStixBundle(
      selectForExport(project as unknown as ProjectStore, scope),
      tlp,
      unsliced,
      exportedAt,
    ),
  )
  return clock.time('build and send its chunks', () => {
    for (;;) {
      const claimed = Atomics.add(claims, 0, 1)
      if (claimed >= plan.chunkCount) return null
      post({ type: 'chunk', jobId, chunk: stixChunk(plan, claimed) })
    }
  })
}

/** A shared export as the exchange worker sees its helper's part of it. */
interface HelpedExport {
  /** True once the helper has read the files, false if it failed before. */
  loaded: Promise<boolean>
  /** The helper's chunks not yet written, by number. */
  chunks: Map<number, StixChunk>
  /** The helper is done, or failed (its claimed chunks that never came are then missing). */
  settled: Promise<void>
  /** Where the helper's time went, once it is done ("helper: …"). */
  phases: PhaseTiming[]
}

/**
 * The exchange worker's helper: a second instance of this worker, started at the first
 * shared export and kept as long as this one (it holds its own copy of the project, read
 * from the same files). It stops with this worker; if it fails, the export goes on alone.
 */
class ChunkHelper {
  private worker: Worker | null = null
  private current: {
    jobId: string
    chunks: Map<number, StixChunk>
    phases: PhaseTiming[]
    loaded: (ok: boolean) => void
    settled: () => void
  } | null = null

  start(request: Extract<WorkerRequest, { type: 'stix-chunks' }>): HelpedExport | null {
    this.end()
    let worker: Worker
    try {
      worker = this.worker ?? this.spawn()
    } catch {
      return null
    }
    const chunks = new Map<number, StixChunk>()
    const phases: PhaseTiming[] = []
    let loaded!: (ok: boolean) => void
    let settled!: () => void
    const helped: HelpedExport = {
      chunks,
      phases,
      loaded: new Promise<boolean>((resolve) => (loaded = resolve)),
      settled: new Promise<void>((resolve) => (settled = resolve)),
    }
    this.current = { jobId: request.jobId, chunks, phases, loaded, settled }
    worker.ref()
    worker.postMessage(request)
    return helped
  }

  private spawn(): Worker {
    const entry = workerEntry('exchange-worker', new URL('./worker.ts', import.meta.url))
    const worker = new Worker(entry.url, {
      ...(entry.workerData ? { workerData: entry.workerData } : {}),
      ...(resourceLimits.maxOldGenerationSizeMb
        ? { resourceLimits: { maxOldGenerationSizeMb: resourceLimits.maxOldGenerationSizeMb } }
        : {}),
    })
    worker.on('message', (reply: WorkerReply) => {
      const current = this.current
      if (!current || reply.jobId !== current.jobId) return
      if (reply.type === 'loaded') current.loaded(true)
      else if (reply.type === 'chunk') current.chunks.set(reply.chunk.index, reply.chunk)
      else if (reply.type === 'done' || reply.type === 'failed') {
        if (reply.type === 'done') {
          for (const { phase, ms } of reply.phases) {
            current.phases.push({ phase: phase.replace(/^worker: /, 'helper: '), ms })
          }
        }
        this.end()
      }
    })
    const lost = (): void => {
      if (this.worker === worker) this.worker = null
      this.end()
    }
    worker.on('error', lost)
    worker.on('exit', lost)
    this.worker = worker
    return worker
  }

  /** The current export's part is over: whatever did not come, this thread makes. */
  private end(): void {
    const current = this.current
    this.current = null
    current?.loaded(false)
    current?.settled()
    this.worker?.unref()
  }
}

const chunkHelper = new ChunkHelper()

interface KeptPlan {
  request: ImportRequest
  parsed: ParsedImport
  planned: PlannedImport
  /** The files of the project it was planned against. */
  key: string
  /** The plan's digest, as its preview gave it (null once it is planned again). */
  digest: string | null
}

/** Plans kept for apply; the oldest goes when a new one comes (the main process keeps two). */
const MAX_PLANS = 2
const plans = new Map<string, KeptPlan>()

/** The records of the project in `files`, and how to read its source texts. */
async function importBase(
  jobId: string,
  files: StoreFilesView | null,
): Promise<{ data: Readonly<ProjectFile>; readText: ((hash: string) => Promise<string>) | null }> {
  if (!files) {
    post({ type: 'loaded', jobId })
    return { data: EMPTY_PROJECT, readText: null }
  }
  const project = await projectOf(files)
  post({ type: 'loaded', jobId })
  const sourceFiles = new ProjectFiles(files.folder)
  return {
    data: project.data,
    readText: (hash) => sourceFiles.readText(SOURCES_FOLDER, hash),
  }
}

async function planFile(
  request: Extract<WorkerRequest, { type: 'import-plan' }>,
  clock: PhaseClock,
): Promise<ImportPreview> {
  const slicer = createSlicer(progressOf(request.jobId), Number.POSITIVE_INFINITY)
  const { text, format } = await clock.time('join the upload', () =>
    readImportFile(request.parts, request.request, request.format),
  )
  const base = await clock.time('read the project files', () =>
    importBase(request.jobId, request.files),
  )
  slicer.progress('Reading the file', 0, 1)
  const parsed = await clock.time('parse and hash the file', () =>
    parseImport(text, format, slicer),
  )
  const planned = await clock.time('plan the import', () =>
    planImport(request.request, parsed, base.data, base.readText, slicer),
  )
  const kept: KeptPlan = {
    request: request.request,
    parsed,
    planned,
    key: keyOf(request.files),
    digest: null,
  }
  plans.delete(request.planId)
  plans.set(request.planId, kept)
  while (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!)
  const preview = await clock.time('make the preview', () =>
    previewOfPlan(request.planId, request.request, parsed, planned, unsliced),
  )
  kept.digest = preview.digest
  return preview
}

/** Records sent to the main process per message: each costs it a short copy. */
const PUTS_PER_BATCH = 500
/** Characters of source text per message (new projects). */
const TEXT_CHARS_PER_BATCH = 4 * 1024 * 1024

async function applyPlan(
  request: Extract<WorkerRequest, { type: 'import-apply' }>,
  clock: PhaseClock,
): Promise<ImportApplyAnswer> {
  const { jobId, planId } = request
  const kept = plans.get(planId)
  if (!kept) {
    throw new AppError('not_found', 'The exchange worker no longer holds this plan.')
  }
  const slicer = createSlicer(progressOf(jobId), Number.POSITIVE_INFINITY)
  const base = await clock.time('read the project files', () => importBase(jobId, request.files))
  const key = keyOf(request.files)
  // The project moved since the preview: plan again, and go on only if it decides the same.
  if (kept.key !== key) {
    kept.planned = await clock.time('plan again', () =>
      planImport(kept.request, kept.parsed, base.data, base.readText, slicer),
    )
    kept.key = key
    kept.digest = null
  }
  const { draft } = kept.planned
  // A plan that was not made again decides as its preview said: its digest stands.
  const digest =
    kept.digest ?? (await clock.time('check the plan', () => draftDigest(draft, unsliced)))
  if (digest !== request.digest) {
    return {
      status: 'changed',
      preview: await previewOfPlan(planId, kept.request, kept.parsed, kept.planned, unsliced),
    }
  }
  const texts = draftTexts(draft)
  // A new project's texts go to the main thread first, with the project; the current
  // project's are written here while its records are sent (and journaled there): the main
  // thread ends the batch only after this answer, so no record is saved before its text.
  const textsStored = request.files
    ? storeTexts(request.files.folder, texts, slicer, clock).then(
        () => null,
        (error: unknown) => ({ error }),
      )
    : null
  if (!request.files) await sendTexts(jobId, texts)
  slicer.progress('Adding the records', 0, 1)
  const puts = await clock.time('make the records', () =>
    draftPuts(base.data, draft, new Date().toISOString()),
  )
  await clock.time('serialize and send the records', async () => {
    for (let start = 0; start < puts.length; start += PUTS_PER_BATCH) {
      const part = puts.slice(start, start + PUTS_PER_BATCH)
      await sendBatch(jobId, {
        kind: 'records',
        collections: part.map((put) => put.collection),
        json: part.map((put) => JSON.stringify(put.record)),
      })
    }
  })
  const failed = await clock.time('wait for the source texts', () => textsStored)
  if (failed) {
    throw new AppError(
      'storage',
      `Nothing was imported: the source texts could not be saved in ${SOURCES_FOLDER}/: ${describeWriteError(failed.error)}.`,
    )
  }
  return {
    status: 'ready',
    counts: countItems(draft.items),
    ...(draft.dataset ? { datasetSourceId: draft.dataset.record.id } : {}),
  }
}

/** Writes an import's texts into the project's sources/ folder, durably. */
async function storeTexts(
  folder: string,
  texts: readonly { contentHash: string; text: string }[],
  slicer: Slicer,
  clock: PhaseClock,
): Promise<void> {
  slicer.progress('Saving the source texts', 0, texts.length)
  await clock.time('write the source texts', () =>
    storeContentFiles(
      folder,
      SOURCES_FOLDER,
      'txt',
      texts.map(({ text }) => text),
      new ProjectFiles(folder),
      undefined,
      // The plan hashed each text as it made it.
      texts.map(({ contentHash }) => contentHash),
    ),
  )
}

/** Sends a new project's texts to the main thread, a few megabytes a message. */
async function sendTexts(
  jobId: string,
  texts: readonly { contentHash: string; text: string }[],
): Promise<void> {
  let batch: { contentHash: string; text: string }[] = []
  let chars = 0
  for (const text of texts) {
    batch.push(text)
    chars += text.text.length
    if (chars >= TEXT_CHARS_PER_BATCH) {
      await sendBatch(jobId, { kind: 'texts', texts: batch })
      batch = []
      chars = 0
    }
  }
  if (batch.length > 0) await sendBatch(jobId, { kind: 'texts', texts: batch })
}

async function handle(request: WorkerRequest, clock: PhaseClock): Promise<unknown> {
  switch (request.type) {
    case 'stix-export':
      return exportStix(request, clock)
    case 'stix-chunks':
      return exportChunks(request, clock)
    case 'import-plan':
      return planFile(request, clock)
    // The plan stays after its batches are sent: the main process may find the project
    // moved before it puts them, and ask again.
    case 'import-apply':
      return applyPlan(request, clock)
  }
}

/** The main process took the last batch: the next may go (see `sendBatch`). */
export interface BatchTaken {
  type: 'batch-taken'
  jobId: string
}

/** The main process took a part of a text answer (see `roomForParts`). */
export interface PartTaken {
  type: 'part-taken'
  jobId: string
}

let batchTaken: (() => void) | null = null

/**
 * Sends a batch and waits until the main process has taken it. Messages that wait in the
 * port are all read in one turn of its event loop: 35 batches of records sent at once
 * would cost it one long stall instead of 35 short ones.
 */
function sendBatch(jobId: string, batch: ImportBatch): Promise<void> {
  return new Promise<void>((resolve) => {
    batchTaken = resolve
    post({ type: 'batch', jobId, batch })
  })
}

/**
 * Parts of a text answer sent ahead of the main process: two threads make a bundle faster
 * than its event loop may read it in one turn (it reads every part waiting in the port at
 * once), so the export waits for 'part-taken' beyond PARTS_AHEAD.
 */
const PARTS_AHEAD = 8
const partsSent = { jobId: '', ahead: 0, room: null as (() => void) | null }

function sendPart(jobId: string, text: string): void {
  if (partsSent.jobId !== jobId) {
    partsSent.jobId = jobId
    partsSent.ahead = 0
  }
  partsSent.ahead++
  post({ type: 'part', jobId, text })
}

/** Resolves when the main process has taken enough parts for more to go. */
function roomForParts(jobId: string): Promise<void> | undefined {
  if (partsSent.jobId !== jobId || partsSent.ahead < PARTS_AHEAD) return undefined
  return new Promise<void>((resolve) => (partsSent.room = resolve))
}

if (parentPort) runInBackground()

parentPort?.on('message', (request: WorkerRequest | BatchTaken | PartTaken) => {
  if (request.type === 'part-taken') {
    if (request.jobId !== partsSent.jobId) return
    partsSent.ahead--
    const room = partsSent.room
    if (room && partsSent.ahead < PARTS_AHEAD) {
      partsSent.room = null
      room()
    }
    return
  }
  if (request.type === 'batch-taken') {
    const taken = batchTaken
    batchTaken = null
    taken?.()
    return
  }
  const clock = new PhaseClock('worker')
  handle(request, clock).then(
    (value) => post({ type: 'done', jobId: request.jobId, value, phases: clock.list() }),
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

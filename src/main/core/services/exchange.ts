/**
 * The exchange with other tools (see core/exchange/ for the formats): exports, and imports
 * in three steps, upload → preview → apply. The long work (a STIX export; an import's
 * parse, plan and source texts) runs in the exchange worker over the store's files; the
 * main process receives the preview, then the records to put, in batches. Applying checks
 * the plan against the project as it is now and goes on only if every decision is the
 * same, so an edit made meanwhile is never overwritten by a stale plan. When the store
 * cannot offer its files, the same work runs here in slices (exchange/slices.ts).
 */
import { randomUUID } from 'node:crypto'
import type {
  ExchangeFile,
  ExchangeOutcome,
  ImportFormat,
  ImportPreview,
  JobProgress,
  ParsedInput,
} from '../../../shared/contract'
import { emptyProjectFile } from '../../../shared/model'
import { fileNameSlug } from '../../../shared/text'
import { AppError } from '../errors'
import { countItems, draftDigest, draftPuts } from '../exchange/draft'
import {
  draftTexts,
  parseImport,
  planImport,
  previewOfPlan,
  readImportFile,
  type ImportRequest,
  type ParsedImport,
  type PlannedImport,
} from '../exchange/import-plan'
import {
  appendUpload,
  finishJob,
  forgetUpload,
  isCancelled,
  jobProgress,
  markCancelled,
  readProgress,
  uploadedParts,
} from '../exchange/jobs'
import { PhaseClock, type PhaseTiming } from '../phase-clock'
import { exchangeRunner, type RunHooks } from '../exchange/runner'
import { selectForExport } from '../exchange/scope'
import { createSlicer, type Slicer } from '../exchange/slices'
import { stixExportFile } from '../exchange/stix/export'
import { writeAnnotationCollection } from '../exchange/w3c/export'
import { PartQueue } from '../exchange/part-queue'
import type { ImportApplyAnswer, ImportBatch } from '../exchange/worker'
import { findIntegrityProblems } from '../integrity'
import type { ProjectStore } from '../project-store'
import { applyPuts, type RecordPut } from '../store/collections'
import type { StoreFilesView } from '../store/folder'
import type { Workspace } from '../workspace'
import { projectInfo } from './project'
import { findSource } from './sources'

function file(
  fileName: string,
  text: string,
  counts: Record<string, number>,
  notes: string[],
): ExchangeFile {
  return { fileName, content: text, bytes: Buffer.byteLength(text, 'utf8'), counts, notes }
}

async function withJob<T>(
  jobId: string | undefined,
  work: (slicer: Slicer) => Promise<T>,
): Promise<T> {
  try {
    return await work(createSlicer(jobProgress(jobId), undefined, () => isCancelled(jobId)))
  } finally {
    finishJob(jobId)
  }
}

export function exchangeProgress(jobId: string): JobProgress | null {
  return readProgress(jobId)
}

/** Where the last STIX export's and the last applied import's time went (the bench prints it). */
const lastPhases = new Map<'stix-export' | 'import', PhaseTiming[]>()

export function lastExchangePhases(kind: 'stix-export' | 'import'): PhaseTiming[] {
  return lastPhases.get(kind) ?? []
}

// ---------------------------------------------------------------- exports

/**
 * A STIX export, built and serialized in the exchange worker from the store's files; from
 * memory in slices when the files cannot be used (the disk refuses the pending edits).
 */
export function exportStix(
  store: ProjectStore,
  input: ParsedInput<'exchange.stixExport'>,
  /** The bench compares one thread with two: `shareFromBytes` of the worker's request. */
  options: { shareFromBytes?: number } = {},
): Promise<ExchangeFile> {
  return withJob(input.jobId, async (slicer) => {
    const jobId = input.jobId ?? randomUUID()
    const clock = new PhaseClock('main')
    // Parts joined as they come make a rope: no 26 MB copy here until someone reads it.
    let content = ''
    const inWorker = await clock.time('export (worker included)', () =>
      inExchangeWorker<ExchangeFile>(
        store,
        {
          progress: slicer.progress,
          onPart: (text) => {
            content += text
          },
          onPhases: (phases) => clock.merge(phases),
        },
        (files, hooks) =>
          exchangeRunner().run(
            {
              type: 'stix-export',
              jobId,
              files,
              scope: input.scope,
              tlp: input.tlp,
              ...(options.shareFromBytes !== undefined
                ? { shareFromBytes: options.shareFromBytes }
                : {}),
            },
            hooks,
          ),
      ),
    )
    lastPhases.set('stix-export', clock.list())
    if (inWorker) return { ...inWorker.value, content }
    const selection = selectForExport(store, input.scope)
    return stixExportFile(selection, input.scope, store.data.project.name, input.tlp, slicer)
  })
}

/**
 * Runs work in the exchange worker over the store's files, holding off compaction until
 * the worker has read them (its `onLoaded` hook); null when the store cannot offer its
 * files.
 */
async function inExchangeWorker<T>(
  store: ProjectStore,
  hooks: Omit<RunHooks, 'onLoaded'>,
  run: (files: StoreFilesView & { revision: number | null }, hooks: RunHooks) => Promise<T>,
): Promise<{ value: T } | null> {
  let answer: Promise<T> | undefined
  const read = await store.readFiles(
    (files) =>
      new Promise<void>((loaded, failed) => {
        answer = run(files, { ...hooks, onLoaded: loaded })
        answer.catch(failed)
      }),
  )
  if (!read || !answer) return null
  return { value: await answer }
}

export function exportW3c(
  store: ProjectStore,
  input: ParsedInput<'exchange.w3cExport'>,
): Promise<ExchangeFile> {
  return withJob(input.jobId, async (slicer) => {
    const data = store.data
    const source = input.sourceId ? findSource(store, input.sourceId) : undefined
    const sources = source ? [source] : data.sources
    const label = source
      ? `Annotations of “${source.title}”`
      : `Annotations of the project “${data.project.name}”`
    const sourceIds = new Set(sources.map((s) => s.id))
    const annotations = data.annotations.filter((a) => sourceIds.has(a.sourceId))
    const collection = await writeAnnotationCollection(
      label,
      sources,
      annotations,
      data.entities,
      slicer,
    )
    const unsettled = annotations.filter(
      (a) => a.anchor.state === 'fuzzy' || a.anchor.state === 'orphaned',
    ).length
    const notes =
      unsettled > 0
        ? [`${unsettled} annotation(s) wait for review; they went out with their last known place.`]
        : []
    return file(
      `${fileNameSlug(source?.title ?? data.project.name)}.annotations.jsonld`,
      collection.text,
      { annotations: collection.count },
      notes,
    )
  })
}

// ---------------------------------------------------------------- imports

interface PendingImport {
  uploadId: string
  request: ImportRequest
  /** As asked; read from the file when absent. */
  format?: ImportFormat
  /** The project the preview was made against (target "current"). */
  folder: string | null
  applying: boolean
  /**
   * Planned here rather than in the worker (the store could not offer its files): the
   * parsed file, and the plan with the revision it was made against.
   */
  onMain: { parsed: ParsedImport; planned: PlannedImport | null; revision: number | null } | null
  /** Where the preview's and the apply's time went, on both sides. */
  clock: PhaseClock
}

/** Previews kept for apply; an older one is dropped when a new one is made. */
const MAX_PENDING = 2
const pending = new Map<string, PendingImport>()

export function receiveUpload(input: ParsedInput<'exchange.upload'>): { chars: number } {
  return { chars: appendUpload(input.uploadId, input.index, input.text) }
}

/** Stops a running export, preview or import; an import stopped writes nothing. */
export function cancelExchange(jobId: string): { cancelled: boolean } {
  const running = readProgress(jobId) !== null
  markCancelled(jobId)
  return { cancelled: exchangeRunner().cancel(jobId) || running }
}

/** A cancelled job's error, if `jobId` was cancelled. */
function throwIfCancelled(jobId: string): void {
  if (isCancelled(jobId)) throw new AppError('cancelled', 'Cancelled; nothing was imported.')
}

/** Plans the upload in the exchange worker, against the project's files (none: a new project). */
function planInWorker(
  planId: string,
  jobId: string,
  request: PendingImport,
  files: StoreFilesView | null,
  hooks: RunHooks,
): Promise<ImportPreview> {
  return exchangeRunner().run<ImportPreview>(
    {
      type: 'import-plan',
      jobId,
      planId,
      parts: uploadedParts(request.uploadId),
      ...(request.format ? { format: request.format } : {}),
      request: request.request,
      files,
    },
    { ...hooks, onPhases: (phases) => request.clock.merge(phases) },
  )
}

/**
 * Plans the upload: in the exchange worker over the project's files, so the main process
 * receives the preview only; on the main process in slices when the store cannot offer its
 * files (or for a new project, none).
 */
async function planPending(
  planId: string,
  jobId: string,
  request: PendingImport,
  store: ProjectStore | null,
  slicer: Slicer,
): Promise<ImportPreview> {
  request.onMain = null
  if (!store) return planInWorker(planId, jobId, request, null, { progress: slicer.progress })
  const inWorker = await inExchangeWorker<ImportPreview>(
    store,
    { progress: slicer.progress },
    (files, hooks) => planInWorker(planId, jobId, request, files, hooks),
  )
  if (inWorker) return inWorker.value
  const { text, format } = readImportFile(
    uploadedParts(request.uploadId),
    request.request,
    request.format,
  )
  const revision = store.revision
  const parsed = await parseImport(text, format, slicer)
  const planned = await planImport(
    request.request,
    parsed,
    store.data,
    (hash) => store.readSourceText(hash),
    slicer,
  )
  // Planning yields to other requests: an edit made meanwhile makes this plan stale.
  request.onMain = { parsed, planned: store.revision === revision ? planned : null, revision }
  return previewOfPlan(planId, request.request, parsed, planned, slicer)
}

export async function previewImport(
  ws: Workspace,
  input: ParsedInput<'exchange.preview'>,
): Promise<ImportPreview> {
  const jobId = input.jobId ?? randomUUID()
  return withJob(jobId, async (slicer) => {
    const store = input.target === 'current' ? ws.current : null
    slicer.progress('Reading the file', 0, 1)
    const request: PendingImport = {
      uploadId: input.uploadId,
      request: {
        fileName: input.fileName,
        target: input.target,
        ...(input.csv ? { csv: input.csv } : {}),
        ...(input.sourceId ? { sourceId: input.sourceId } : {}),
      },
      ...(input.format ? { format: input.format } : {}),
      folder: store?.folder ?? null,
      applying: false,
      onMain: null,
      clock: new PhaseClock('main'),
    }
    const planId = randomUUID()
    const preview = await request.clock.time('preview (worker included)', () =>
      planPending(planId, jobId, request, store, slicer),
    )
    throwIfCancelled(jobId)
    // The mapping suggested from the headers is the one apply uses.
    if (preview.csv) request.request.csv = preview.csv.mapping
    pending.set(planId, request)
    while (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!)
    return preview
  })
}

/** How many times apply plans again when the project keeps changing under it. */
const MAX_ATTEMPTS = 3

export async function applyImport(
  ws: Workspace,
  input: ParsedInput<'exchange.apply'>,
): Promise<ExchangeOutcome> {
  const request = pending.get(input.planId)
  if (!request) {
    throw new AppError(
      'not_found',
      'This preview has expired; choose the file again to see a new one.',
    )
  }
  if (request.applying) throw new AppError('conflict', 'This import is already under way.')
  request.applying = true
  const jobId = input.jobId ?? randomUUID()
  try {
    return await withJob(jobId, async (slicer) => {
      const outcome =
        request.request.target === 'new-project'
          ? await applyToNewProject(ws, request, input, jobId, slicer)
          : await applyToCurrent(ws, request, input, jobId, slicer)
      if (outcome.status === 'applied') {
        lastPhases.set('import', request.clock.list())
        pending.delete(input.planId)
        forgetUpload(request.uploadId)
      }
      return outcome
    })
  } finally {
    request.applying = false
  }
}

/** What the worker's apply answered, and the texts it sent (new project). */
interface WorkerApply {
  answer: ImportApplyAnswer
  texts: Map<string, string>
}

/** A batch of records from the worker, as the store puts them (see ImportBatch). */
function recordsOf(batch: Extract<ImportBatch, { kind: 'records' }>): RecordPut[] {
  const values = JSON.parse(`[${batch.json.join(',')}]`) as RecordPut['record'][]
  return values.map((record, index) => ({
    collection: batch.collections[index]!,
    record,
    json: batch.json[index]!,
  }))
}

/**
 * Asks the worker for plan `planId`'s records against `files`, handing them to `onRecords`
 * batch by batch; a worker that no longer holds the plan (it was stopped while idle) plans
 * the upload again first.
 */
async function applyInWorker(
  planId: string,
  jobId: string,
  digest: string,
  request: PendingImport,
  files: StoreFilesView | null,
  hooks: RunHooks,
  onRecords: (puts: RecordPut[]) => void,
): Promise<WorkerApply> {
  const texts = new Map<string, string>()
  const ask = (): Promise<ImportApplyAnswer> =>
    exchangeRunner().run<ImportApplyAnswer>(
      { type: 'import-apply', jobId, planId, digest, files },
      {
        ...hooks,
        onBatch: (batch) => {
          const start = performance.now()
          if (batch.kind === 'records') onRecords(recordsOf(batch))
          else for (const { contentHash, text } of batch.texts) texts.set(contentHash, text)
          request.clock.add('take the batches', performance.now() - start)
        },
        onPhases: (phases) => request.clock.merge(phases),
      },
    )
  let answer: ImportApplyAnswer
  try {
    answer = await ask()
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'not_found') throw error
    // The loaded hook has not fired: the plan below fires it instead.
    await planInWorker(planId, jobId, request, files, hooks)
    answer = await ask()
  }
  return { answer, texts }
}

function applied(
  counts: ReturnType<typeof countItems>,
  store: ProjectStore,
  datasetSourceId: string | undefined,
): ExchangeOutcome {
  return {
    status: 'applied',
    counts,
    project: projectInfo(store),
    ...(datasetSourceId ? { datasetSourceId } : {}),
  }
}

async function applyToCurrent(
  ws: Workspace,
  request: PendingImport,
  input: ParsedInput<'exchange.apply'>,
  jobId: string,
  slicer: Slicer,
): Promise<ExchangeOutcome> {
  const store = ws.current
  if (store.folder !== request.folder) {
    throw new AppError(
      'conflict',
      'Another project was opened since this preview; preview the file again.',
    )
  }
  // Cancel is honoured up to the last part of the records; the texts written before are
  // content-addressed files no record points at.
  const stillValid = (revision: number | null) => (): boolean =>
    !isCancelled(jobId) && store.revision === revision
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (request.onMain) {
      const outcome = await applyOnMain(store, request, input, jobId, slicer)
      if (outcome) return outcome
      continue
    }
    // The records are journaled as they come, as one batch (all of it or, after a crash,
    // none of it), while the worker writes the texts; the batch ends after its answer.
    const journal: { batch: { parts: PartQueue<RecordPut[]>; written: Promise<boolean> } | null } =
      { batch: null }
    const journalRecords = (revision: number | null, puts: RecordPut[]): void => {
      if (!journal.batch) {
        const parts = new PartQueue<RecordPut[]>()
        const written = request.clock.time('journal the records', () =>
          store.putRecordParts(parts, stillValid(revision)),
        )
        written.catch(() => undefined)
        journal.batch = { parts, written }
      }
      journal.batch.parts.push(puts)
    }
    let inWorker: { value: WorkerApply } | null
    try {
      inWorker = await request.clock.time('apply in the worker (worker included)', () =>
        inExchangeWorker<WorkerApply>(store, { progress: slicer.progress }, (files, hooks) =>
          applyInWorker(input.planId, jobId, input.digest, request, files, hooks, (puts) =>
            journalRecords(files.revision, puts),
          ),
        ),
      )
    } catch (error) {
      // Nothing of the batch stays: its parts are cut back.
      journal.batch?.parts.fail(error)
      await journal.batch?.written.catch(() => undefined)
      throw error
    }
    if (!inWorker) {
      // The store cannot offer its files now: plan here, from memory.
      const { text, format } = readImportFile(
        uploadedParts(request.uploadId),
        request.request,
        request.format,
      )
      request.onMain = {
        parsed: await parseImport(text, format, slicer),
        planned: null,
        revision: null,
      }
      continue
    }
    const { answer } = inWorker.value
    if (answer.status === 'changed') return answer
    const batch = journal.batch
    if (!batch) {
      // Nothing to add.
      throwIfCancelled(jobId)
      return applied(answer.counts, store, answer.datasetSourceId)
    }
    slicer.progress('Adding the records', 0, 1)
    batch.parts.end()
    if (await batch.written) return applied(answer.counts, store, answer.datasetSourceId)
    throwIfCancelled(jobId)
  }
  throw new AppError(
    'conflict',
    'The project kept changing during the import; try again in a moment.',
  )
}

/**
 * Applies a plan made on the main process; null when the project moved before the records
 * were put (the caller tries again).
 */
async function applyOnMain(
  store: ProjectStore,
  request: PendingImport,
  input: ParsedInput<'exchange.apply'>,
  jobId: string,
  slicer: Slicer,
): Promise<ExchangeOutcome | null> {
  const onMain = request.onMain!
  const revision = store.revision
  // Nothing changed since the preview: its plan stands. Otherwise plan again and go on
  // only if every decision is the same.
  const planned =
    onMain.planned && onMain.revision === revision
      ? onMain.planned
      : await planImport(
          request.request,
          onMain.parsed,
          store.data,
          (hash) => store.readSourceText(hash),
          slicer,
        )
  onMain.planned = null
  const { draft } = planned
  if ((await draftDigest(draft, slicer)) !== input.digest) {
    return {
      status: 'changed',
      preview: await previewOfPlan(input.planId, request.request, onMain.parsed, planned, slicer),
    }
  }
  // Texts first: a record must never point at a text that is not on disk.
  slicer.progress('Saving the source texts', 0, 1)
  await store.writeSourceTexts(draftTexts(draft).map(({ text }) => text))
  if (store.revision !== revision) return null
  slicer.progress('Adding the records', 0, 1)
  const puts = draftPuts(store.data, draft, new Date().toISOString())
  const valid = (): boolean => !isCancelled(jobId) && store.revision === revision
  if (await store.putRecords(puts, valid)) {
    return applied(countItems(draft.items), store, draft.dataset?.record.id)
  }
  throwIfCancelled(jobId)
  return null
}

async function applyToNewProject(
  ws: Workspace,
  request: PendingImport,
  input: ParsedInput<'exchange.apply'>,
  jobId: string,
  slicer: Slicer,
): Promise<ExchangeOutcome> {
  const puts: RecordPut[] = []
  const { answer, texts } = await applyInWorker(
    input.planId,
    jobId,
    input.digest,
    request,
    null,
    { progress: slicer.progress },
    (part) => {
      for (const put of part) puts.push(put)
    },
  )
  if (answer.status === 'changed') return answer
  throwIfCancelled(jobId)
  const now = new Date().toISOString()
  const name = input.projectName ?? request.request.fileName.replace(/\.[^.]+$/, '')
  const project = emptyProjectFile({
    id: randomUUID(),
    name: name.slice(0, 500),
    description: `Imported from ${request.request.fileName}.`,
    createdAt: now,
    updatedAt: now,
  })
  applyPuts(project, puts)
  const problems = findIntegrityProblems(project, 5)
  if (problems.length > 0) {
    throw new AppError(
      'internal',
      `The import would leave inconsistent records: ${problems.join('; ')}. Nothing was imported.`,
    )
  }
  slicer.progress('Saving', 0, 1)
  const store = await ws.createFrom(project, texts)
  return applied(answer.counts, store, answer.datasetSourceId)
}

/**
 * The exchange with other tools (see core/exchange/ for the formats): exports, and imports
 * in three steps, upload → preview → apply. A preview keeps the parsed file (not the plan)
 * in memory; applying plans again against the project as it is now and goes on only if
 * every decision is the same, so an edit made meanwhile is never overwritten by a stale
 * plan. All long work runs in slices on the main process (exchange/slices.ts).
 */
import { randomUUID } from 'node:crypto'
import type {
  CsvMapping,
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
import {
  readCsv,
  planCsvImport,
  suggestMapping,
  parseRow,
  type CsvFile,
} from '../exchange/csv/plan'
import {
  countItems,
  draftAsProject,
  draftDigest,
  draftPuts,
  previewOf,
  type ImportDraft,
} from '../exchange/draft'
import {
  appendUpload,
  finishJob,
  forgetUpload,
  jobProgress,
  readProgress,
  uploadedText,
} from '../exchange/jobs'
import { ProjectIndex } from '../exchange/project-index'
import { exchangeRunner, type RunHooks } from '../exchange/runner'
import { selectForExport } from '../exchange/scope'
import { createSlicer, sha256Sliced, type Slicer } from '../exchange/slices'
import { stixExportFile } from '../exchange/stix/export'
import { planStixImport } from '../exchange/stix/plan'
import { readStixBundle, type StixBundle } from '../exchange/stix/read'
import { writeAnnotationCollection } from '../exchange/w3c/export'
import { parseAnnotationFile, planW3cImport } from '../exchange/w3c/plan'
import type { WorkerRequest } from '../exchange/worker'
import { findIntegrityProblems } from '../integrity'
import type { ProjectStore } from '../project-store'
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
    return await work(createSlicer(jobProgress(jobId)))
  } finally {
    finishJob(jobId)
  }
}

export function exchangeProgress(jobId: string): JobProgress | null {
  return readProgress(jobId)
}

// ---------------------------------------------------------------- exports

/**
 * A STIX export, built and serialized in the exchange worker from the store's files; from
 * memory in slices when the files cannot be used (the disk refuses the pending edits).
 */
export function exportStix(
  store: ProjectStore,
  input: ParsedInput<'exchange.stixExport'>,
): Promise<ExchangeFile> {
  return withJob(input.jobId, async (slicer) => {
    const jobId = input.jobId ?? randomUUID()
    // Parts joined as they come make a rope: no 26 MB copy here until someone reads it.
    let content = ''
    const inWorker = await inExchangeWorker<ExchangeFile>(
      store,
      {
        progress: slicer.progress,
        onPart: (text) => {
          content += text
        },
      },
      (files) => ({ type: 'stix-export', jobId, files, scope: input.scope, tlp: input.tlp }),
    )
    if (inWorker) return { ...inWorker.value, content }
    const selection = selectForExport(store, input.scope)
    return stixExportFile(selection, input.scope, store.data.project.name, input.tlp, slicer)
  })
}

/**
 * Runs a request in the exchange worker over the store's files, holding off compaction
 * until the worker has read them; null when the store cannot offer its files.
 */
async function inExchangeWorker<T>(
  store: ProjectStore,
  hooks: Omit<RunHooks, 'onLoaded'>,
  request: (files: StoreFilesView) => WorkerRequest,
): Promise<{ value: T } | null> {
  let answer: Promise<T> | undefined
  const read = await store.readFiles(
    (files) =>
      new Promise<void>((loaded, failed) => {
        answer = exchangeRunner().run<T>(request(files), { ...hooks, onLoaded: loaded })
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

type Parsed =
  | { format: 'stix'; bundle: StixBundle; text: string; hash: string }
  | { format: 'w3c'; annotations: unknown[] }
  | { format: 'csv'; file: CsvFile; text: string; hash: string }

interface PendingImport {
  uploadId: string
  fileName: string
  target: 'current' | 'new-project'
  csv?: CsvMapping
  sourceId?: string
  /** The project the preview was made against (target "current"). */
  folder: string | null
  parsed: Parsed
  applying: boolean
  /** The preview's plan and the revision of the project it was made against. */
  planned: { draft: ImportDraft; revision: number | null } | null
}

/** Previews kept for apply; an older one is dropped when a new one is made. */
const MAX_PENDING = 2
const pending = new Map<string, PendingImport>()

export function receiveUpload(input: ParsedInput<'exchange.upload'>): { chars: number } {
  return { chars: appendUpload(input.uploadId, input.index, input.text) }
}

/** STIX bundles and W3C files are JSON objects (or a list of annotations); anything else is CSV. */
function detectFormat(text: string, fileName: string): ImportFormat {
  if (/\.(csv|tsv)$/i.test(fileName)) return 'csv'
  const start = text.trimStart().charAt(0)
  if (start === '[') return 'w3c'
  if (start !== '{') return 'csv'
  const head = text.slice(0, 4096)
  if (/"type"\s*:\s*"bundle"/.test(head) || /"objects"\s*:/.test(head)) return 'stix'
  if (/"@context"|"AnnotationCollection"|"AnnotationPage"|"rows"\s*:|"target"\s*:/.test(head))
    return 'w3c'
  return /"type"\s*:\s*"bundle"/.test(text) ? 'stix' : 'w3c'
}

async function parseUpload(text: string, format: ImportFormat, slicer: Slicer): Promise<Parsed> {
  switch (format) {
    case 'stix':
      return {
        format,
        bundle: await readStixBundle(text, slicer),
        text,
        hash: await sha256Sliced(text, slicer),
      }
    case 'w3c':
      return { format, annotations: parseAnnotationFile(text) }
    case 'csv':
      return {
        format,
        file: await readCsv(text, slicer),
        text,
        hash: await sha256Sliced(text, slicer),
      }
  }
}

const EMPTY_PROJECT = emptyProjectFile({
  id: 'new',
  name: 'new',
  description: '',
  createdAt: '',
  updatedAt: '',
})

async function plan(
  request: PendingImport,
  store: ProjectStore | null,
  slicer: Slicer,
): Promise<{ draft: ImportDraft; mapping?: CsvMapping }> {
  const data = store?.data ?? EMPTY_PROJECT
  const index = await ProjectIndex.of(data, slicer)
  const now = new Date().toISOString()
  const readSourceText = (hash: string): Promise<string> => {
    if (!store) throw new AppError('internal', 'A new project has no sources to read.')
    return store.readSourceText(hash)
  }
  const { parsed } = request
  switch (parsed.format) {
    case 'stix':
      return {
        draft: await planStixImport({
          bundle: parsed.bundle,
          text: parsed.text,
          contentHash: parsed.hash,
          fileName: request.fileName,
          index,
          readSourceText,
          now,
          slicer,
        }),
      }
    case 'w3c':
      return {
        draft: await planW3cImport(parsed.annotations, {
          index,
          ...(request.sourceId ? { sourceId: request.sourceId } : {}),
          sources: data.sources,
          readSourceText,
          now,
          slicer,
        }),
      }
    case 'csv': {
      const sample = parsed.file.rows
        .slice(0, 20)
        .map((span) => parseRow(parsed.text, span, parsed.file.delimiter))
      const mapping = request.csv ?? suggestMapping(parsed.file.headers, sample)
      return {
        mapping,
        draft: await planCsvImport(parsed.file, {
          text: parsed.text,
          contentHash: parsed.hash,
          fileName: request.fileName,
          mapping,
          index,
          now,
          slicer,
        }),
      }
    }
  }
}

function previewFor(
  planId: string,
  request: PendingImport,
  draft: ImportDraft,
  slicer: Slicer,
  mapping?: CsvMapping,
): Promise<ImportPreview> {
  const { parsed } = request
  return previewOf(
    draft,
    {
      planId,
      format: parsed.format,
      fileName: request.fileName,
      target: request.target,
      ...(parsed.format === 'csv' && mapping
        ? {
            csv: {
              headers: parsed.file.headers,
              mapping,
              sample: parsed.file.rows
                .slice(0, 5)
                .map((span) => parseRow(parsed.text, span, parsed.file.delimiter)),
              rows: parsed.file.rows.length,
            },
          }
        : {}),
    },
    slicer,
  )
}

export async function previewImport(
  ws: Workspace,
  input: ParsedInput<'exchange.preview'>,
): Promise<ImportPreview> {
  return withJob(input.jobId, async (slicer) => {
    const raw = uploadedText(input.uploadId)
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
    if (!/\S/.test(text))
      throw new AppError('invalid_input', 'The file is empty. Nothing was imported.')
    const format = input.format ?? detectFormat(text, input.fileName)
    if (format === 'w3c' && input.target === 'new-project') {
      throw new AppError(
        'invalid_input',
        'Annotations belong on the sources they annotate: import them into the project that holds those sources.',
      )
    }
    const store = input.target === 'current' ? ws.current : null
    slicer.progress('Reading the file', 0, 1)
    const request: PendingImport = {
      uploadId: input.uploadId,
      fileName: input.fileName,
      target: input.target,
      ...(input.csv ? { csv: input.csv } : {}),
      ...(input.sourceId ? { sourceId: input.sourceId } : {}),
      folder: store?.folder ?? null,
      parsed: await parseUpload(text, format, slicer),
      applying: false,
      planned: null,
    }
    const revision = store?.revision ?? null
    const { draft, mapping } = await plan(request, store, slicer)
    // Planning yields to other requests: an edit made meanwhile makes this plan stale.
    request.planned = store?.revision === revision || !store ? { draft, revision } : null
    const planId = randomUUID()
    if (mapping) request.csv = mapping
    pending.set(planId, request)
    while (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!)
    return previewFor(planId, request, draft, slicer, mapping)
  })
}

/** Source texts written at once: durable writes wait on the disk, and the disk batches them. */
const PARALLEL_WRITES = 16

async function writeTexts(store: ProjectStore, draft: ImportDraft, slicer: Slicer): Promise<void> {
  const texts = [
    ...(draft.dataset ? [draft.dataset.text] : []),
    ...draft.sources.map((s) => s.text),
  ]
  for (let start = 0; start < texts.length; start += PARALLEL_WRITES) {
    slicer.progress('Saving the source texts', start, texts.length)
    await Promise.all(
      texts.slice(start, start + PARALLEL_WRITES).map((text) => store.writeSourceText(text)),
    )
  }
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
  try {
    return await withJob(input.jobId, async (slicer) => {
      const outcome =
        request.target === 'new-project'
          ? await applyToNewProject(ws, request, input, slicer)
          : await applyToCurrent(ws, request, input, slicer)
      if (outcome.status === 'applied') {
        pending.delete(input.planId)
        forgetUpload(request.uploadId)
      }
      return outcome
    })
  } finally {
    request.applying = false
  }
}

async function applyToCurrent(
  ws: Workspace,
  request: PendingImport,
  input: ParsedInput<'exchange.apply'>,
  slicer: Slicer,
): Promise<ExchangeOutcome> {
  const store = ws.current
  if (store.folder !== request.folder) {
    throw new AppError(
      'conflict',
      'Another project was opened since this preview; preview the file again.',
    )
  }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const revision = store.revision
    // Nothing changed since the preview: its plan stands. Otherwise plan again and go on
    // only if every decision is the same.
    const unchanged = request.planned?.revision === revision ? request.planned.draft : null
    request.planned = null
    const { draft, mapping } = unchanged
      ? { draft: unchanged, mapping: request.csv }
      : await plan(request, store, slicer)
    if ((await draftDigest(draft, slicer)) !== input.digest) {
      return {
        status: 'changed',
        preview: await previewFor(input.planId, request, draft, slicer, mapping),
      }
    }
    // Texts first: a record must never point at a text that is not on disk.
    await writeTexts(store, draft, slicer)
    if (store.revision !== revision) continue
    slicer.progress('Adding the records', 0, 1)
    // Journaled a part at a time as one batch: all of it or, after a crash, none of it.
    const puts = draftPuts(store.data, draft, new Date().toISOString())
    if (!(await store.putRecords(puts, () => store.revision === revision))) continue
    return {
      status: 'applied',
      counts: countItems(draft.items),
      project: projectInfo(store),
      ...(draft.dataset ? { datasetSourceId: draft.dataset.record.id } : {}),
    }
  }
  throw new AppError(
    'conflict',
    'The project kept changing during the import; try again in a moment.',
  )
}

async function applyToNewProject(
  ws: Workspace,
  request: PendingImport,
  input: ParsedInput<'exchange.apply'>,
  slicer: Slicer,
): Promise<ExchangeOutcome> {
  const unchanged = request.planned?.draft
  const { draft, mapping } = unchanged
    ? { draft: unchanged, mapping: request.csv }
    : await plan(request, null, slicer)
  if ((await draftDigest(draft, slicer)) !== input.digest) {
    return {
      status: 'changed',
      preview: await previewFor(input.planId, request, draft, slicer, mapping),
    }
  }
  const now = new Date().toISOString()
  const name = input.projectName ?? request.fileName.replace(/\.[^.]+$/, '')
  const project = draftAsProject(draft, {
    id: randomUUID(),
    name: name.slice(0, 500),
    description: `Imported from ${request.fileName}.`,
    createdAt: now,
    updatedAt: now,
  })
  const problems = findIntegrityProblems(project, 5)
  if (problems.length > 0) {
    throw new AppError(
      'internal',
      `The import would leave inconsistent records: ${problems.join('; ')}. Nothing was imported.`,
    )
  }
  const texts = new Map<string, string>()
  for (const source of [...(draft.dataset ? [draft.dataset] : []), ...draft.sources]) {
    texts.set(source.record.contentHash, source.text)
  }
  slicer.progress('Saving', 0, 1)
  const store = await ws.createFrom(project, texts)
  return {
    status: 'applied',
    counts: countItems(draft.items),
    project: projectInfo(store),
    ...(draft.dataset ? { datasetSourceId: draft.dataset.record.id } : {}),
  }
}

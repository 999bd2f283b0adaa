import { randomUUID } from 'node:crypto'
import type {
  ImportOutcome,
  MethodOutput,
  ParsedInput,
  ReanchorSummary,
  SourceSummary,
  SourceWithText,
} from '../../../shared/contract'
import { SourceRecord, type SourceVersion } from '../../../shared/model'
import { stripBidiControls } from '../../../shared/bidi'
import { normalizeText } from '../../../shared/text'
import { AppError, appError, notFound } from '../errors'
import { sha256Hex } from '../hashing'
import type { ImportJobs } from '../import-jobs'
import { base64ByteLength, importFormat } from '../import/formats'
import type { ImportedDocument, StoredDocument } from '../import/types'
import { SOURCES_FOLDER, type ProjectStore } from '../project-store'
import { UnsafeFileError } from '../safe-files'
import { mapPages, reanchorAnnotations } from './anchoring'
import { similarSources } from './near-duplicates'
import { warmSearchIndex } from './search'
import { validRecord } from './validate'

/** The longest imported text checked for being the same article as a source (~100 pages). */
const SIMILARITY_MAX_CHARS = 500_000

export async function listSources(store: ProjectStore): Promise<SourceSummary[]> {
  warmSearchIndex(store)
  // Cheap checks first, so a link or a pipe in sources/ shows in the list at once; a text
  // that only fails its sha256 shows once read (the search index reads every one).
  for (const source of store.data.sources) {
    await store.files.glanceAtText(SOURCES_FOLDER, source.contentHash, source.length)
  }
  const counts = new Map<string, { all: number; review: number }>()
  for (const a of store.data.annotations) {
    const count = counts.get(a.sourceId) ?? { all: 0, review: 0 }
    count.all++
    if (a.anchor.state === 'fuzzy' || a.anchor.state === 'orphaned') count.review++
    counts.set(a.sourceId, count)
  }
  return store.data.sources
    .map((source) => {
      const damage = store.files.damageOf(source.contentHash)
      const count = counts.get(source.id)
      return {
        source,
        annotationCount: count?.all ?? 0,
        // Every quote of a damaged source waits for review: its text cannot vouch for it.
        needsReview: (damage ? count?.all : count?.review) ?? 0,
        ...(damage ? { damage: damage.message } : {}),
      }
    })
    .sort((a, b) => newest(b.source).localeCompare(newest(a.source)))
}

/**
 * A source's stored text, checked against its record; when the file failed its checks
 * (see safe-files.ts) the refusal names the source and says how to repair it.
 */
export async function readSourceText(store: ProjectStore, source: SourceRecord): Promise<string> {
  try {
    return await store.readSourceText(source.contentHash, source.length)
  } catch (error) {
    if (!(error instanceof UnsafeFileError)) throw error
    throw new AppError(
      'storage',
      `The text of “${stripBidiControls(source.title)}” cannot be used: the file ${error.file} ${error.detail}. Import the original document again to repair it, or delete the source.`,
    )
  }
}

export function findSource(store: ProjectStore, id: string): SourceRecord {
  const source = store.data.sources.find((s) => s.id === id)
  if (!source) throw notFound('source', id)
  return source
}

export async function getSource(store: ProjectStore, id: string): Promise<SourceWithText> {
  warmSearchIndex(store)
  const source = findSource(store, id)
  const annotations = store.data.annotations
    .filter((a) => a.sourceId === id)
    .sort((a, b) => a.target.position.start - b.target.position.start)
  try {
    const text = await store.readSourceText(source.contentHash, source.length)
    return { source, text, annotations }
  } catch (error) {
    if (!(error instanceof UnsafeFileError)) throw error
    // Shown as damaged, with its quotes, but never its unchecked text.
    const damage = store.files.damageOf(source.contentHash)?.message ?? error.message
    return { source, text: '', annotations, damage }
  }
}

/**
 * One imported file: a new source, a duplicate of one already there, or a new version. The
 * file is read in an import worker (import-jobs.ts); this process only checks its name and
 * size, then stores the normalized text the worker hands back.
 */
export async function importSource(
  store: ProjectStore,
  input: ParsedInput<'sources.import'>,
  imports: ImportJobs,
): Promise<ImportOutcome> {
  importFormat(input.fileName, base64ByteLength(input.dataBase64))
  if (input.replaceSourceId) {
    findSource(store, input.replaceSourceId)
    // A new version is compared with the old text and its quotes re-anchored: it needs the text.
    const document = await imports.run(input.fileName, input.dataBase64, input.jobId)
    return replaceWithVersion(store, input.replaceSourceId, document, input.fileName)
  }
  const stored = await imports.runAndStore(
    input.fileName,
    input.dataBase64,
    store.folder,
    input.jobId,
  )
  const outcome = addStoredSource(store, stored, input.fileName)
  return withSimilar(store, outcome, () => store.readSourceText(stored.contentHash, stored.length))
}

export async function pasteSource(
  store: ProjectStore,
  input: ParsedInput<'sources.paste'>,
): Promise<ImportOutcome> {
  const text = normalizeText(input.text)
  if (!text) throw appError('invalid_input', 'pastedTextEmpty')
  return addSource(
    store,
    {
      format: 'paste',
      text,
      title: input.title,
      ...(input.url ? { url: input.url } : {}),
      notes: [],
    },
    'pasted text',
  )
}

async function addSource(
  store: ProjectStore,
  document: ImportedDocument,
  fileName: string,
): Promise<ImportOutcome> {
  const notes = [...document.notes]
  const contentHash = await sha256Hex(document.utf8 ?? document.text)
  const existing = store.data.sources.find((s) => s.contentHash === contentHash)
  if (existing) {
    await repairIfDamaged(store, document, notes)
    return { status: 'duplicate', existing, notes }
  }
  // The text file goes first: a record must never point at a text that is not on disk.
  await store.writeSourceText(document.text, document.utf8)
  const outcome = addRecord(
    store,
    document,
    { contentHash, length: document.text.length },
    fileName,
    notes,
  )
  return withSimilar(store, outcome, document.text)
}

/** A document whose text the import worker has stored already (import/store-text.ts). */
function addStoredSource(
  store: ProjectStore,
  document: StoredDocument,
  fileName: string,
): ImportOutcome {
  const notes = [...document.notes]
  const { contentHash } = document
  // What the store knew about the file (damage found earlier) is out of date now.
  if (document.written) store.files.forget(contentHash)
  const existing = store.data.sources.find((s) => s.contentHash === contentHash)
  if (existing) {
    if (document.written) notes.push(REPAIRED_NOTE)
    return { status: 'duplicate', existing, notes }
  }
  return addRecord(store, document, document, fileName, notes)
}

/** Adds the source record of a text that is on disk already. */
function addRecord(
  store: ProjectStore,
  document: Omit<ImportedDocument, 'text' | 'utf8'>,
  { contentHash, length }: { contentHash: string; length: number },
  fileName: string,
  notes: string[],
): ImportOutcome {
  const now = new Date().toISOString()
  const record = validRecord(
    SourceRecord,
    {
      id: randomUUID(),
      createdAt: now,
      updatedAt: now,
      title:
        stripBidiControls(document.title ?? '')
          .trim()
          .slice(0, 500) || fileName,
      kind: document.format === 'html' ? 'article' : document.format === 'pdf' ? 'report' : 'other',
      ...optionalMetadata(document, notes),
      retrievedAt: now.slice(0, 10),
      reliability: 'F',
      contentHash,
      length,
      origin: { fileName: fileName.slice(0, 500), format: document.format },
      ...(document.pages && document.pages.length > 1 ? { pages: document.pages } : {}),
    },
    'source',
  )
  return store.mutate((data) => {
    // Another import of the same text may have landed while this one was reading.
    const raced = data.sources.find((s) => s.contentHash === contentHash)
    if (raced) return { status: 'duplicate' as const, existing: raced, notes }
    data.sources.push(record)
    return { status: 'imported' as const, source: record, notes }
  })
}

/**
 * Flags an imported text that closely matches a source already in the project. Texts past
 * SIMILARITY_MAX_CHARS are not compared: sketching one is a single pass on this thread, and
 * the same-article case is about articles, not book-length reports.
 */
async function withSimilar(
  store: ProjectStore,
  outcome: ImportOutcome,
  text: string | (() => Promise<string>),
): Promise<ImportOutcome> {
  if (outcome.status !== 'imported' || outcome.source.length > SIMILARITY_MAX_CHARS) return outcome
  const similar = await similarSources(
    store,
    typeof text === 'string' ? text : await text(),
    outcome.source.id,
  )
  return similar.length > 0 ? { ...outcome, similar } : outcome
}

/**
 * The same article imported twice: `into` takes the text of the just-imported `id` as a new
 * version (its annotations re-anchored, its history kept) and `id` goes. A source with
 * annotations of its own is refused rather than merged, so nothing is lost.
 */
export async function addAsVersion(
  store: ProjectStore,
  input: ParsedInput<'sources.addAsVersion'>,
): Promise<MethodOutput<'sources.addAsVersion'>> {
  if (input.id === input.intoId) {
    throw appError('invalid_input', 'sourceVersionOfItself')
  }
  const source = findSource(store, input.id)
  const into = findSource(store, input.intoId)
  const annotated = store.data.annotations.filter((a) => a.sourceId === source.id).length
  if (annotated > 0) {
    throw new AppError(
      'invalid_input',
      `“${source.title}” has ${annotated} annotation${annotated === 1 ? '' : 's'} of its own; keep both sources, or delete them first.`,
    )
  }
  const text = await readSourceText(store, source)
  const { source: replaced, reanchor } = await replaceText(store, into, text, {
    reason: 'reimport',
    fileName: source.origin.fileName ?? source.title,
    format: source.origin.format,
    pages: source.pages,
  })
  deleteSource(store, source.id)
  return { source: replaced, reanchor, removedId: source.id }
}

const REPAIRED_NOTE = 'Its stored text was damaged; it has been restored from this file.'

function bidiFree(value: string | undefined): string | undefined {
  return value === undefined ? undefined : stripBidiControls(value).trim().slice(0, 500)
}

/** Metadata read from a file goes in only where it passes the schema; the rest is noted. */
function optionalMetadata(
  document: Omit<ImportedDocument, 'text' | 'utf8'>,
  notes: string[],
): Partial<SourceRecord> {
  const shape = SourceRecord.shape
  const out: Partial<SourceRecord> = {}
  const language = document.language
    ?.replace(/_/g, '-')
    .replace(/^([A-Za-z]{2,3})/, (primary) => primary.toLowerCase())
  const fields = {
    url: [shape.url, document.url],
    // A bidi override in a title or name would reorder what a report prints after it.
    publisher: [shape.publisher, bidiFree(document.publisher)],
    author: [shape.author, bidiFree(document.author)],
    publishedAt: [shape.publishedAt, document.publishedAt],
    language: [shape.language, language],
  } as const
  for (const [key, [schema, value]] of Object.entries(fields)) {
    if (value === undefined || value === '') continue
    if (schema.safeParse(value).success) (out as Record<string, unknown>)[key] = value
    else
      notes.push(
        `The ${key} in the file ("${String(value).slice(0, 80)}") was not valid and was left out.`,
      )
  }
  return out
}

/**
 * The same document again is the one thing that can repair a stored text that failed its
 * checks: its file is written afresh. True when it was repaired.
 */
async function repairIfDamaged(
  store: ProjectStore,
  document: Pick<ImportedDocument, 'text' | 'utf8'>,
  notes: string[],
): Promise<boolean> {
  const { text, utf8 } = document
  const damaged = await store.readSourceText(await sha256Hex(utf8 ?? text), text.length).then(
    () => false,
    (error: unknown) => error instanceof UnsafeFileError,
  )
  if (!damaged) return false
  await store.writeSourceText(text, utf8)
  notes.push(REPAIRED_NOTE)
  return true
}

async function replaceWithVersion(
  store: ProjectStore,
  sourceId: string,
  document: ImportedDocument,
  fileName: string,
): Promise<ImportOutcome> {
  const source = findSource(store, sourceId)
  const notes = [...document.notes]
  if ((await sha256Hex(document.utf8 ?? document.text)) === source.contentHash) {
    if (!(await repairIfDamaged(store, document, notes))) {
      notes.push('The new version has the same text as the current one; nothing changed.')
    }
    return { status: 'duplicate', existing: source, notes }
  }
  const { source: replaced, reanchor } = await replaceText(store, source, document.text, {
    reason: 'reimport',
    fileName,
    format: document.format,
    pages: document.pages,
  })
  return { status: 'replaced', source: replaced, reanchor, notes }
}

export async function editSourceText(
  store: ProjectStore,
  input: ParsedInput<'sources.editText'>,
): Promise<MethodOutput<'sources.editText'>> {
  const source = findSource(store, input.id)
  if (source.contentHash !== input.baseHash) throw staleText()
  const text = normalizeText(input.text)
  if (!text) throw appError('invalid_input', 'sourceTextEmpty')
  const oldText = await readSourceText(store, source)
  if (text === oldText) {
    const reanchor: ReanchorSummary = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 }
    for (const a of store.data.annotations) if (a.sourceId === source.id) reanchor[a.anchor.state]++
    return { source, reanchor }
  }
  const pages = source.pages ? mapPages(source.pages, oldText, text) : undefined
  return replaceText(store, source, text, { reason: 'edit', pages, oldText })
}

/**
 * Stores a new text for a source and re-anchors its annotations. The old text file
 * stays (content-addressed) and is listed in the source's history.
 */
async function replaceText(
  store: ProjectStore,
  source: SourceRecord,
  text: string,
  how: {
    reason: SourceVersion['reason']
    fileName?: string
    format?: SourceRecord['origin']['format']
    pages?: number[] | undefined
    oldText?: string
  },
): Promise<{ source: SourceRecord; reanchor: ReanchorSummary }> {
  const baseHash = source.contentHash
  const oldText = how.oldText ?? (await readSourceText(store, source))
  const { contentHash, length } = await store.writeSourceText(text)
  const now = new Date().toISOString()
  const annotations = store.data.annotations.filter((a) => a.sourceId === source.id)
  const { updated, summary } = reanchorAnnotations(oldText, text, annotations, now)
  const previous: SourceVersion = {
    contentHash: baseHash,
    length: source.length,
    replacedAt: now,
    reason: how.reason,
    ...(source.origin.fileName ? { fileName: source.origin.fileName.slice(0, 500) } : {}),
  }
  const { pages: _oldPages, ...rest } = source
  const next = validRecord(
    SourceRecord,
    {
      ...rest,
      contentHash,
      length,
      updatedAt: now,
      history: [...(source.history ?? []), previous].slice(-1_000),
      ...(how.pages && how.pages.length > 1 ? { pages: how.pages } : {}),
      ...(how.fileName && how.format
        ? { origin: { fileName: how.fileName.slice(0, 500), format: how.format } }
        : {}),
    },
    'source',
  )
  const byId = new Map(updated.map((a) => [a.id, a]))
  store.mutate((data) => {
    const index = data.sources.findIndex((s) => s.id === source.id)
    if (index === -1 || data.sources[index]!.contentHash !== baseHash) throw staleText()
    data.sources[index] = next
    data.annotations = data.annotations.map((a) => byId.get(a.id) ?? a)
  })
  return { source: next, reanchor: summary }
}

/** Fields printed inline beside other text in lists and reports; kept free of bidi controls. */
const NAME_FIELDS = new Set(['title', 'author', 'publisher'])

export function updateSource(
  store: ProjectStore,
  input: ParsedInput<'sources.update'>,
): SourceRecord {
  const current = findSource(store, input.id)
  const next: Record<string, unknown> = { ...current, updatedAt: new Date().toISOString() }
  for (const [key, value] of Object.entries(input.patch)) {
    if (value === undefined) continue
    if (value === null || value === '') delete next[key]
    else if (typeof value !== 'string') next[key] = value
    else next[key] = NAME_FIELDS.has(key) ? (bidiFree(value) ?? '') : value.trim()
  }
  const record = validRecord(SourceRecord, next, 'source')
  store.mutate((data) => {
    const index = data.sources.findIndex((s) => s.id === input.id)
    if (index !== -1) data.sources[index] = record
  })
  return record
}

export function deleteSource(store: ProjectStore, id: string): MethodOutput<'sources.delete'> {
  findSource(store, id)
  return store.mutate((data) => {
    const removed = new Set(data.annotations.filter((a) => a.sourceId === id).map((a) => a.id))
    const relationsLosingEvidence: string[] = []
    const now = new Date().toISOString()
    data.relations = data.relations.map((relation) => {
      if (!relation.evidence.some((e) => removed.has(e))) return relation
      relationsLosingEvidence.push(relation.id)
      return {
        ...relation,
        evidence: relation.evidence.filter((e) => !removed.has(e)),
        updatedAt: now,
      }
    })
    data.annotations = data.annotations.filter((a) => !removed.has(a.id))
    data.sources = data.sources.filter((s) => s.id !== id)
    data.suggestionDismissals = data.suggestionDismissals.filter((d) => d.sourceId !== id)
    return { id, removedAnnotations: [...removed], relationsLosingEvidence }
  })
}

function staleText(): AppError {
  return appError('conflict', 'sourceTextChanged')
}

function newest(source: { publishedAt?: string; createdAt: string }): string {
  return source.publishedAt ?? source.createdAt.slice(0, 10)
}

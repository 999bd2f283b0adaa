import { randomUUID } from 'node:crypto'
import type {
  CitedQuote,
  MentionedEntity,
  MethodOutput,
  NoteRef,
  NoteSummary,
  ParsedInput,
} from '../../../shared/contract'
import {
  citationMarkdown,
  citationText,
  extractNoteLinks,
  mentionedEntityIds,
  numberCitations,
  type NoteLink,
} from '../../../shared/citations'
import { Note, type Annotation, type ProjectFile, type SourceRecord } from '../../../shared/model'
import { appError, notFound } from '../errors'
import type { ProjectStore } from '../project-store'
import { validRecord } from './validate'

const UNTITLED = 'Untitled note'

// ---------------------------------------------------------------- derived data

/** The links of one note body, parsed once per body text. */
interface ParsedNote {
  body: string
  links: NoteLink[]
  /** Times each annotation is cited / each entity mentioned. */
  citations: Map<string, number>
  mentions: Map<string, number>
}

/** Backlinks and lookups derived from the store, rebuilt when its revision moves. */
interface DerivedIndex {
  revision: number
  citing: Map<string, NoteRef[]>
  mentioning: Map<string, NoteRef[]>
  annotationById: Map<string, Annotation>
  sourceById: Map<string, SourceRecord>
}

// Parses survive revisions (typing in one note leaves the others' parses valid).
const parsedNotes = new WeakMap<ProjectStore, Map<string, ParsedNote>>()
const derivedIndexes = new WeakMap<ProjectStore, DerivedIndex>()

function parseNote(store: ProjectStore, note: Note): ParsedNote {
  let cache = parsedNotes.get(store)
  if (!cache) {
    cache = new Map()
    parsedNotes.set(store, cache)
  }
  const cached = cache.get(note.id)
  if (cached && cached.body === note.body) return cached
  const links = extractNoteLinks(note.body)
  const citations = new Map<string, number>()
  const mentions = new Map<string, number>()
  for (const link of links) {
    if (!link.valid) continue
    const counts = link.kind === 'quote' ? citations : mentions
    counts.set(link.id, (counts.get(link.id) ?? 0) + 1)
  }
  const parsed = { body: note.body, links, citations, mentions }
  cache.set(note.id, parsed)
  return parsed
}

/**
 * The citations and mentions of a note, parsed once per body text: parsing Markdown costs
 * about a millisecond per kilobyte, so every service that reads links reads them here.
 */
export function noteLinks(store: ProjectStore, note: Note): readonly NoteLink[] {
  return parseNote(store, note).links
}

/** The entities a note mentions (well-formed ids only), each once. */
export function noteMentions(store: ProjectStore, note: Note): Iterable<string> {
  return parseNote(store, note).mentions.keys()
}

/** How long parsing may hold the main process before it lets other work through. */
const PARSE_SLICE_MS = 8

/**
 * Parses every note not yet parsed, a few milliseconds at a time: the first call that
 * needs every note's links (the notes list, backlinks, dependents, report choices) awaits
 * this instead of parsing a whole project's notes in one block (about 1 ms per kilobyte of
 * Markdown: over a second for the medium preset). Later calls find the parses cached.
 */
export async function parseAllNotes(store: ProjectStore): Promise<void> {
  let sliceStart = performance.now()
  for (const note of [...store.data.notes]) {
    if (store.isClosed) return
    parseNote(store, note)
    if (performance.now() - sliceStart >= PARSE_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      sliceStart = performance.now()
    }
  }
}

function derived(store: ProjectStore): DerivedIndex {
  const cached = derivedIndexes.get(store)
  if (cached && cached.revision === store.revision) return cached
  const data = store.data
  const citing = new Map<string, NoteRef[]>()
  const mentioning = new Map<string, NoteRef[]>()
  const add = (map: Map<string, NoteRef[]>, key: string, ref: NoteRef): void => {
    const list = map.get(key)
    if (list) list.push(ref)
    else map.set(key, [ref])
  }
  for (const note of data.notes) {
    const parsed = parseNote(store, note)
    for (const [annotationId, occurrences] of parsed.citations) {
      add(citing, annotationId, { ...noteRefBase(note), occurrences })
    }
    for (const [entityId, occurrences] of parsed.mentions) {
      add(mentioning, entityId, { ...noteRefBase(note), occurrences })
    }
  }
  const parses = parsedNotes.get(store)
  if (parses && parses.size > data.notes.length) {
    const live = new Set(data.notes.map((n) => n.id))
    for (const id of parses.keys()) if (!live.has(id)) parses.delete(id)
  }
  const index: DerivedIndex = {
    revision: store.revision,
    citing,
    mentioning,
    annotationById: new Map(data.annotations.map((a) => [a.id, a])),
    sourceById: new Map(data.sources.map((s) => [s.id, s])),
  }
  derivedIndexes.set(store, index)
  return index
}

function noteRefBase(note: Note): Omit<NoteRef, 'occurrences'> {
  return { id: note.id, title: note.title, updatedAt: note.updatedAt }
}

const byNewestChange = (a: { updatedAt: string }, b: { updatedAt: string }): number =>
  b.updatedAt.localeCompare(a.updatedAt)

// ---------------------------------------------------------------- reading

export function listNotes(store: ProjectStore, input: ParsedInput<'notes.list'>): NoteSummary[] {
  const query = input.q?.trim().toLocaleLowerCase() ?? ''
  const index = derived(store)
  return store.data.notes
    .filter(
      (note) =>
        query === '' ||
        note.title.toLocaleLowerCase().includes(query) ||
        note.body.toLocaleLowerCase().includes(query),
    )
    .map((note) => {
      const parsed = parseNote(store, note)
      const { citations } = numberCitations(parsed.links)
      let brokenCount = 0
      for (const link of citations) {
        const annotation = index.annotationById.get(link.annotationId)
        if (!link.valid || !annotation || annotation.anchor.state === 'orphaned') brokenCount++
      }
      return {
        id: note.id,
        title: note.title,
        createdAt: note.createdAt,
        updatedAt: note.updatedAt,
        citationCount: citations.length,
        mentionCount: mentionedEntityIds(parsed.links).length,
        brokenCount,
        excerpt: excerptOf(note),
      }
    })
    .sort(byNewestChange)
}

export function getNote(store: ProjectStore, id: string): Note {
  const note = store.data.notes.find((n) => n.id === id)
  if (!note) throw notFound('note', id)
  return note
}

export function notesCiting(store: ProjectStore, annotationId: string): NoteRef[] {
  return [...(derived(store).citing.get(annotationId) ?? [])].sort(byNewestChange)
}

export function notesMentioning(store: ProjectStore, entityId: string): NoteRef[] {
  return [...(derived(store).mentioning.get(entityId) ?? [])].sort(byNewestChange)
}

export function resolveNoteLinks(
  store: ProjectStore,
  input: ParsedInput<'notes.resolve'>,
): MethodOutput<'notes.resolve'> {
  const index = derived(store)
  const entityById = new Map(store.data.entities.map((e) => [e.id, e]))
  const quotes = [...new Set(input.annotationIds)].map((annotationId): CitedQuote => {
    const annotation = index.annotationById.get(annotationId)
    const source = annotation && index.sourceById.get(annotation.sourceId)
    return annotation && source
      ? citedQuote(annotation, source)
      : { annotationId, status: 'missing' }
  })
  const entities = [...new Set(input.entityIds)].map((entityId): MentionedEntity => {
    const entity = entityById.get(entityId)
    return entity
      ? { entityId, status: 'ok', name: entity.name, type: entity.type }
      : { entityId, status: 'missing' }
  })
  return { quotes, entities }
}

export function quoteSuggestions(
  store: ProjectStore,
  input: ParsedInput<'notes.quoteSuggestions'>,
): CitedQuote[] {
  const index = derived(store)
  const query = input.q.trim().toLocaleLowerCase()
  const limit = input.limit ?? 8
  const ranked: { annotation: Annotation; source: SourceRecord; rank: number }[] = []
  for (const annotation of store.data.annotations) {
    const source = index.sourceById.get(annotation.sourceId)
    if (!source) continue
    let rank: number
    if (query === '') rank = 0
    else {
      const inQuote = annotation.target.quote.exact.toLocaleLowerCase().indexOf(query)
      if (inQuote !== -1) rank = inQuote === 0 ? 0 : 1
      else if (
        annotation.comment.toLocaleLowerCase().includes(query) ||
        annotation.tags.some((tag) => tag.toLocaleLowerCase().includes(query))
      )
        rank = 2
      else if (source.title.toLocaleLowerCase().includes(query)) rank = 3
      else continue
    }
    ranked.push({ annotation, source, rank })
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || byNewestChange(a.annotation, b.annotation))
    .slice(0, limit)
    .map(({ annotation, source }) => citedQuote(annotation, source))
}

/** A quote as citations and analyses show it: its words, its source and its grades. */
export function citedQuote(annotation: Annotation, source: SourceRecord): CitedQuote {
  return {
    annotationId: annotation.id,
    status: annotation.anchor.state === 'orphaned' ? 'orphaned' : 'ok',
    exact: annotation.target.quote.exact,
    comment: annotation.comment,
    kind: annotation.kind,
    credibility: annotation.credibility,
    sourceId: source.id,
    sourceTitle: source.title,
    ...(source.publishedAt ? { sourceDate: source.publishedAt } : {}),
    reliability: source.reliability,
  }
}

/** The first words of the body, Markdown syntax dropped, without a heading that repeats the title. */
function excerptOf(note: Note): string {
  const lines = note.body.slice(0, 2_000).split('\n')
  const firstText = lines.findIndex((line) => line.trim() !== '')
  if (firstText !== -1 && lines[firstText]!.replace(/^#+\s*/, '').trim() === note.title.trim()) {
    lines.splice(firstText, 1)
  }
  const plain = lines
    .join(' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > 160 ? `${plain.slice(0, 159).trimEnd()}…` : plain
}

// ---------------------------------------------------------------- writing

/** A timestamp after `previous`, so each save of a note has a distinct updatedAt. */
function nextTimestamp(previous?: string): string {
  const now = Date.now()
  const after = previous ? Date.parse(previous) + 1 : 0
  return new Date(Math.max(now, after)).toISOString()
}

function titleOrUntitled(title: string | undefined): string {
  const trimmed = title?.trim() ?? ''
  return trimmed === '' ? UNTITLED : trimmed
}

export function createNote(store: ProjectStore, input: ParsedInput<'notes.create'>): Note {
  const now = nextTimestamp()
  const note = validRecord(
    Note,
    {
      id: randomUUID(),
      createdAt: now,
      updatedAt: now,
      title: titleOrUntitled(input.title),
      body: input.body ?? '',
    },
    'note',
  )
  store.mutate((data) => data.notes.push(note))
  return note
}

export function updateNote(store: ProjectStore, input: ParsedInput<'notes.update'>): Note {
  const current = getNote(store, input.id)
  if (
    input.baseUpdatedAt !== undefined &&
    Date.parse(input.baseUpdatedAt) !== Date.parse(current.updatedAt)
  ) {
    throw appError('conflict', 'noteChangedElsewhere', { title: current.title })
  }
  const title = input.title === undefined ? current.title : titleOrUntitled(input.title)
  const body = input.body ?? current.body
  if (title === current.title && body === current.body) return current
  const next = validRecord(
    Note,
    { ...current, title, body, updatedAt: nextTimestamp(current.updatedAt) },
    'note',
  )
  replaceNote(store, next)
  return next
}

export function deleteNote(store: ProjectStore, id: string): MethodOutput<'notes.delete'> {
  getNote(store, id)
  store.mutate((data) => {
    data.notes = data.notes.filter((n) => n.id !== id)
  })
  return { id }
}

export function citeInNote(
  store: ProjectStore,
  input: ParsedInput<'notes.cite'>,
): MethodOutput<'notes.cite'> {
  const note = getNote(store, input.noteId)
  const annotation = store.data.annotations.find((a) => a.id === input.annotationId)
  if (!annotation) throw notFound('quote', input.annotationId)
  const citation = citationMarkdown(annotation.id, citationText(annotation.target.quote.exact))
  const at = insertionPoint(note.body, noteLinks(store, note), input.at)
  const before = note.body.slice(0, at)
  const after = note.body.slice(at)
  const lead = before === '' || /[\s([]$/.test(before) ? '' : ' '
  const trail = /^[\p{L}\p{N}[]/u.test(after) ? ' ' : ''
  const body = `${before}${lead}${citation}${trail}${after}`
  const next = validRecord(
    Note,
    { ...note, body, updatedAt: nextTimestamp(note.updatedAt) },
    'note',
  )
  replaceNote(store, next)
  const start = at + lead.length
  return { note: next, range: { start, end: start + citation.length } }
}

function replaceNote(store: ProjectStore, next: Note): void {
  store.mutate((data: ProjectFile) => {
    const index = data.notes.findIndex((n) => n.id === next.id)
    if (index === -1) throw notFound('note', next.id)
    data.notes[index] = next
  })
}

/** Where a citation goes: the requested offset (or the end), never inside another link. */
function insertionPoint(
  body: string,
  links: readonly NoteLink[],
  requested: number | undefined,
): number {
  let at = requested === undefined ? body.length : Math.min(requested, body.length)
  for (const link of links) {
    if (link.start < at && at < link.end) at = link.end
  }
  // Never between the halves of a surrogate pair.
  const code = body.charCodeAt(at - 1)
  if (at < body.length && code >= 0xd800 && code <= 0xdbff) at++
  return at
}

import { Index } from 'flexsearch'
import type {
  EntityHit,
  NoteHit,
  ParsedInput,
  SearchHit,
  SearchResults,
  SpellingVariants,
} from '../../../shared/contract'
import type { Annotation, Entity, Note, SourceRecord } from '../../../shared/model'
import { foldForMatching, matchKeys, matchWords, type MatchWord } from '../../../shared/match-text'
import { notFound } from '../errors'
import type { ProjectStore } from '../project-store'
import { warmRecordIndex } from './record-search'

/** Passages of a source's text are indexed in pieces of about this many characters. */
const CHUNK_LENGTH = 1_200
const SNIPPET_CONTEXT = 70
/** The build yields to other requests after this long. */
const SLICE_MS = 8

interface Chunk {
  sourceId: string
  start: number
  end: number
}

interface IndexedSource {
  contentHash: string
  title: string
  chunkIds: string[]
}

/**
 * How text is cut into the keys the index stores and a query is looked up by, and how the
 * words of a passage are found again for its snippet.
 */
export interface TextMatching {
  keys(text: string): string[]
  words(text: string): MatchWord[]
}

/**
 * The project's matching (shared/match-text.ts): Arabic-script keyboard variants, harakat,
 * tatweel and joiners, Persian and Arabic-Indic digits, and Latin transliterations of names
 * ("Masood", "Massoud") all meet on one key, so either spelling finds the other.
 */
export const FOLDED_MATCHING: TextMatching = { keys: matchKeys, words: matchWords }

const PLAIN_WORD = /[\p{L}\p{N}]+/gu

/** Lower-cased words and nothing else: what the bench compares the folded matching with. */
export const PLAIN_MATCHING: TextMatching = {
  keys: (text) => [...text.matchAll(PLAIN_WORD)].map((m) => m[0].toLowerCase()),
  words: (text) =>
    [...text.matchAll(PLAIN_WORD)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      key: m[0].toLowerCase(),
    })),
}

/**
 * FlexSearch: ~0.5 ms p95 on two-term queries over 10k documents (MiniSearch 14–26 ms).
 * Titles and annotations match word prefixes as the analyst types; passages of text
 * match whole words, which builds several times faster and takes a fraction of the
 * memory on a project's worth of documents. The index stores match keys, never the text.
 */
function newIndex(tokenize: 'forward' | 'strict', matching: TextMatching): Index {
  return new Index({ tokenize, cache: false, encode: matching.keys })
}

/**
 * FlexSearch indexes over one open project: passages of source text, source titles,
 * annotation quotes with comments. Built in slices off the request path when the
 * project's sources are first listed or opened, then kept in step by comparing
 * records with what was indexed whenever the store's revision moves.
 */
export class SearchIndex {
  private readonly passages: Index
  private readonly titles: Index
  private readonly annotations: Index
  private readonly chunks = new Map<string, Chunk>()
  private readonly sources = new Map<string, IndexedSource>()
  private readonly texts = new Map<string, string>()
  private readonly indexedAnnotations = new Map<string, string>()
  private annotationById = new Map<string, Annotation>()
  private titleById = new Map<string, string>()
  private syncedRevision = -1
  private syncing: Promise<void> | null = null

  constructor(
    private readonly store: ProjectStore,
    private readonly matching: TextMatching = FOLDED_MATCHING,
  ) {
    this.passages = newIndex('strict', matching)
    this.titles = newIndex('forward', matching)
    this.annotations = newIndex('forward', matching)
  }

  /** Brings the index up to the store's current revision. */
  async sync(): Promise<void> {
    while (this.syncing) await this.syncing
    if (this.store.isClosed || this.syncedRevision === this.store.revision) return
    this.syncing = this.runSync()
      .catch((error: unknown) => {
        if (!(error instanceof ProjectClosed)) throw error
      })
      .finally(() => {
        this.syncing = null
      })
    await this.syncing
  }

  private async runSync(): Promise<void> {
    const revision = this.store.revision
    const data = this.store.data
    let sliceStart = performance.now()
    const yieldNow = async (): Promise<void> => {
      if (performance.now() - sliceStart < SLICE_MS) return
      await new Promise((resolve) => setImmediate(resolve))
      // A project closed meanwhile (another one opened) is not worth finishing.
      if (this.store.isClosed) throw new ProjectClosed()
      sliceStart = performance.now()
    }
    const liveSources = new Set<string>()
    for (const source of [...data.sources]) {
      liveSources.add(source.id)
      const indexed = this.sources.get(source.id)
      if (indexed?.contentHash === source.contentHash && indexed.title === source.title) continue
      let text: string
      try {
        text = await this.store.readSourceText(source.contentHash, source.length)
      } catch {
        continue
      }
      this.removeSource(source.id)
      await this.addSource(source, text, yieldNow)
    }
    for (const id of [...this.sources.keys()]) if (!liveSources.has(id)) this.removeSource(id)

    const liveAnnotations = new Set<string>()
    for (const annotation of [...data.annotations]) {
      liveAnnotations.add(annotation.id)
      if (this.indexedAnnotations.get(annotation.id) === annotation.updatedAt) continue
      this.annotations.update(annotation.id, annotationText(annotation))
      this.indexedAnnotations.set(annotation.id, annotation.updatedAt)
      await yieldNow()
    }
    for (const id of [...this.indexedAnnotations.keys()]) {
      if (!liveAnnotations.has(id)) {
        this.annotations.remove(id)
        this.indexedAnnotations.delete(id)
      }
    }
    this.annotationById = new Map(data.annotations.map((a) => [a.id, a]))
    this.titleById = new Map(data.sources.map((s) => [s.id, s.title]))
    this.syncedRevision = revision
  }

  /** Indexes a source's passages, yielding between them so a long text never blocks. */
  private async addSource(
    source: SourceRecord,
    text: string,
    yieldNow: () => Promise<void>,
  ): Promise<void> {
    const chunkIds: string[] = []
    // Registered first, so a removal during the build finds every passage added so far.
    this.sources.set(source.id, { contentHash: source.contentHash, title: source.title, chunkIds })
    this.texts.set(source.id, text)
    this.titles.add(source.id, source.title)
    for (const [n, range] of chunkRanges(text).entries()) {
      const id = `${source.id}#${n}`
      this.passages.add(id, text.slice(range.start, range.end))
      this.chunks.set(id, { sourceId: source.id, ...range })
      chunkIds.push(id)
      await yieldNow()
    }
  }

  private removeSource(id: string): void {
    const indexed = this.sources.get(id)
    if (!indexed) return
    for (const chunkId of indexed.chunkIds) {
      this.passages.remove(chunkId)
      this.chunks.delete(chunkId)
    }
    this.titles.remove(id)
    this.texts.delete(id)
    this.sources.delete(id)
  }

  /** Answers from the current index; call sync() first to include the latest edits. */
  query(q: string, limit: number): SearchResults {
    const started = performance.now()
    const annotationIds = this.annotations.search(q, { limit }) as string[]
    const titleIds = this.titles.search(q, { limit }) as string[]
    const chunkIds = this.passages.search(q, { limit }) as string[]
    const tookMs = performance.now() - started

    const annotationsById = this.annotationById
    const titleOf = this.titleById
    const terms = this.matching.keys(q)
    const findTerms = (text: string): Found | null => findWord(this.matching.words(text), terms)
    const hits: SearchHit[] = []
    for (const id of annotationIds) {
      const annotation = annotationsById.get(id)
      const sourceTitle = annotation && titleOf.get(annotation.sourceId)
      if (!annotation || sourceTitle === undefined) continue
      const inQuote = findTerms(annotation.target.quote.exact)
      const inComment = inQuote ? null : findTerms(annotation.comment)
      hits.push({
        kind: inQuote || !inComment ? 'quote' : 'comment',
        sourceId: annotation.sourceId,
        sourceTitle,
        annotationId: annotation.id,
        start: annotation.target.position.start,
        end: annotation.target.position.end,
        snippet:
          inQuote || !inComment
            ? snippet(annotation.target.quote.exact, inQuote)
            : snippet(annotation.comment, inComment),
      })
    }
    for (const id of titleIds) {
      const title = titleOf.get(id)
      if (title === undefined) continue
      hits.push({
        kind: 'title',
        sourceId: id,
        sourceTitle: title,
        snippet: snippet(title, findTerms(title)),
      })
    }
    for (const id of chunkIds) {
      const chunk = this.chunks.get(id)
      const text = chunk && this.texts.get(chunk.sourceId)
      const sourceTitle = chunk && titleOf.get(chunk.sourceId)
      if (!chunk || text === undefined || sourceTitle === undefined) continue
      const passage = text.slice(chunk.start, chunk.end)
      const found = findTerms(passage)
      hits.push({
        kind: 'text',
        sourceId: chunk.sourceId,
        sourceTitle,
        start: chunk.start + (found?.start ?? 0),
        end: chunk.start + (found?.end ?? 0),
        snippet: snippet(passage, found),
      })
    }
    return { hits: hits.slice(0, limit), tookMs: Math.round(tookMs * 1000) / 1000 }
  }

  /**
   * How the texts write each of `names`: every run of words that matches a name word for
   * word, as written, with how often it occurs (passages looked at: at most `passageLimit`
   * a name).
   */
  spellingsOf(names: readonly string[], passageLimit = 200): Map<string, number> {
    const counts = new Map<string, number>()
    // A name and an alias with one key find the same words: count each place once.
    const seen = new Set<string>()
    for (const name of names) {
      const keys = this.matching.keys(name)
      if (keys.length === 0) continue
      const chunkIds = this.passages.search(name, { limit: passageLimit }) as string[]
      for (const id of chunkIds) {
        const chunk = this.chunks.get(id)
        const text = chunk && this.texts.get(chunk.sourceId)
        if (!chunk || text === undefined) continue
        const passage = text.slice(chunk.start, chunk.end)
        const words = this.matching.words(passage)
        for (let i = 0; i + keys.length <= words.length; i++) {
          if (!keys.every((key, k) => words[i + k]!.key === key)) continue
          const place = `${id}:${words[i]!.start}:${keys.length}`
          if (seen.has(place)) continue
          seen.add(place)
          const written = passage
            .slice(words[i]!.start, words[i + keys.length - 1]!.end)
            .replace(/\s+/g, ' ')
          counts.set(written, (counts.get(written) ?? 0) + 1)
        }
      }
    }
    return counts
  }
}

class ProjectClosed extends Error {}

const indexes = new WeakMap<ProjectStore, SearchIndex>()

export function searchIndexFor(store: ProjectStore): SearchIndex {
  let index = indexes.get(store)
  if (!index) {
    index = new SearchIndex(store)
    indexes.set(store, index)
  }
  return index
}

/** Starts (or continues) building the indexes in the background; never throws. */
export function warmSearchIndex(store: ProjectStore): void {
  void searchIndexFor(store)
    .sync()
    .catch(() => undefined)
  warmRecordIndex(store)
}

/** Entities and notes listed beside the passages, at most this many of each. */
const RECORD_HITS = 8

export async function searchProject(
  store: ProjectStore,
  input: ParsedInput<'search.query'>,
): Promise<SearchResults> {
  const index = searchIndexFor(store)
  await index.sync()
  const passages = index.query(input.q, input.limit ?? 30)
  return {
    ...passages,
    entities: searchEntities(store.data.entities, input.q, RECORD_HITS),
    notes: searchNotes(store.data.notes, input.q, RECORD_HITS),
  }
}

/** Folds case and accents, so "panjshir" finds "Panjshīr" and "nff" finds "NFF". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

/**
 * Entities whose name, alias or acronym contains the query (a linear pass: names are short,
 * and 20,000 of them fold in a few milliseconds). Names that start with it come first.
 */
export function searchEntities(entities: readonly Entity[], q: string, limit: number): EntityHit[] {
  const needle = fold(q.trim())
  if (!needle) return []
  const found: { hit: EntityHit; rank: number }[] = []
  for (const entity of entities) {
    const acronym = entity.attributes['acronym']
    const names = [
      entity.name,
      ...(typeof acronym === 'string' ? [acronym] : []),
      ...entity.aliases,
    ]
    let best: { name: string; rank: number } | null = null
    for (const [i, name] of names.entries()) {
      const folded = fold(name)
      const at = folded.indexOf(needle)
      if (at < 0) continue
      // A whole name, alias or acronym first ("NFF"); then the entity's own name before its
      // aliases, a match at the start before one inside.
      const rank = folded === needle ? -1 : (at === 0 ? 0 : 2) + (i === 0 ? 0 : 1)
      if (!best || rank < best.rank) best = { name, rank }
    }
    if (best) {
      found.push({
        hit: { entityId: entity.id, type: entity.type, name: entity.name, matched: best.name },
        rank: best.rank,
      })
    }
  }
  return found
    .sort((a, b) => a.rank - b.rank || a.hit.name.localeCompare(b.hit.name))
    .slice(0, limit)
    .map((f) => f.hit)
}

/**
 * A note's text as it reads: link targets (`](quote:ann-…)`, `](entity:grp-nff)`) and the
 * link brackets dropped, so an id never matches and snippets show the analyst's words.
 */
function readableText(markdown: string): string {
  return markdown.replace(/\]\([^)]*\)/g, ']').replace(/[[\]]/g, '')
}

/** The words of a query as typed (punctuation and spaces split them). */
function queryTerms(q: string): string[] {
  return q
    .normalize('NFC')
    .split(/[\s\p{P}]+/u)
    .filter((t) => t.length > 0)
}

/** Where the first query term occurs in a text (case-insensitive; the last term as a prefix). */
function findTerms(text: string, terms: string[]): { start: number; end: number } | null {
  if (terms.length === 0 || !text) return null
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(${escaped.join('|')})[\\p{L}\\p{M}\\p{N}]*`, 'iu')
  const match = pattern.exec(text)
  return match ? { start: match.index, end: match.index + match[0].length } : null
}

/** Notes whose title or text holds every word of the query; title matches first. */
export function searchNotes(notes: readonly Note[], q: string, limit: number): NoteHit[] {
  const terms = queryTerms(q).map(fold)
  if (terms.length === 0) return []
  const found: { hit: NoteHit; rank: number }[] = []
  for (const note of notes) {
    const text = readableText(note.body)
    const title = fold(note.title)
    const body = fold(text)
    if (!terms.every((t) => title.includes(t) || body.includes(t))) continue
    const inTitle = terms.every((t) => title.includes(t))
    const where = inTitle ? note.title : text
    found.push({
      hit: {
        noteId: note.id,
        title: note.title,
        snippet: snippet(where, findTerms(where, queryTerms(q))),
      },
      rank: inTitle ? 0 : 1,
    })
  }
  return found
    .sort((a, b) => a.rank - b.rank || a.hit.title.localeCompare(b.hit.title))
    .slice(0, limit)
    .map((f) => f.hit)
}

/** Spellings shown at most, most used first. */
const SPELLINGS_SHOWN = 8

/**
 * The spellings of an entity's name and aliases that the sources use and the entity does
 * not list: transliterations ("Masood", "Mas'ud") and Arabic-keyboard forms alike. A form
 * that differs from a listed name only in case, accents, tatweel or harakat is not offered,
 * since matching already treats it as the same.
 */
export async function spellingVariants(
  store: ProjectStore,
  entityId: string,
): Promise<SpellingVariants> {
  const entity = store.data.entities.find((e) => e.id === entityId)
  if (!entity) throw notFound('entity', entityId)
  const index = searchIndexFor(store)
  await index.sync()
  const names = [entity.name, ...entity.aliases]
  const listed = new Set(names.map((n) => foldForMatching(n).replace(/\s+/g, ' ').trim()))
  const spellings = [...index.spellingsOf(names)]
    .filter(([text]) => !listed.has(foldForMatching(text)))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, SPELLINGS_SHOWN)
    .map(([text, count]) => ({ text, count }))
  return { spellings }
}

function annotationText(annotation: Annotation): string {
  return `${annotation.target.quote.exact}\n${annotation.comment}\n${annotation.tags.join(' ')}`
}

/** Splits a text into passages at paragraph ends (or spaces), about CHUNK_LENGTH long. */
function chunkRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = []
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK_LENGTH)
    if (end < text.length) {
      const paragraph = text.lastIndexOf('\n', end)
      const space = text.lastIndexOf(' ', end)
      if (paragraph > start + CHUNK_LENGTH / 3) end = paragraph + 1
      else if (space > start + CHUNK_LENGTH / 3) end = space + 1
    }
    ranges.push({ start, end })
    start = end
  }
  return ranges
}

interface Found {
  start: number
  end: number
}

/**
 * The first word of a text that a query key names: the same key, or for the last key (still
 * being typed) a key it begins. The range is the word as written in the text.
 */
function findWord(words: readonly MatchWord[], keys: readonly string[]): Found | null {
  if (keys.length === 0) return null
  const last = keys[keys.length - 1]!
  const whole = new Set(keys)
  for (const word of words) {
    if (whole.has(word.key) || word.key.startsWith(last))
      return { start: word.start, end: word.end }
  }
  return null
}

function snippet(text: string, found: Found | null): SearchHit['snippet'] {
  if (!found) {
    return { before: '', match: '', after: oneLine(text.slice(0, SNIPPET_CONTEXT * 2)) }
  }
  const from = Math.max(0, found.start - SNIPPET_CONTEXT)
  const to = Math.min(text.length, found.end + SNIPPET_CONTEXT)
  return {
    before: (from > 0 ? '…' : '') + oneLine(text.slice(from, found.start)),
    match: oneLine(text.slice(found.start, found.end)),
    after: oneLine(text.slice(found.end, to)) + (to < text.length ? '…' : ''),
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ')
}

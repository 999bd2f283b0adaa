import type { ParsedInput, RecordHit, RecordResults } from '../../../shared/contract'
import type { Entity, ProjectFile, SourceRecord } from '../../../shared/model'
import { foldedWords, latinSpellingKey, matchKeys } from '../../../shared/match-text'
import type { ProjectStore } from '../project-store'

/** The build yields to other requests after this long. */
const SLICE_MS = 8
/** Candidates the index returns before they are ranked: enough for a name typed in full to win. */
const CANDIDATES = 300
/** Spellings tried for a word the index does not know, best first. */
const CORRECTIONS = 3

/** A record the palette can open, with every name it is known by. */
export interface NamedRecord extends RecordHit {
  names: readonly string[]
}

/** What an entity is called: its name, aliases and acronym. */
function namedEntity(entity: Entity): NamedRecord {
  const acronym = entity.attributes['acronym']
  return {
    kind: 'entity',
    id: entity.id,
    entityType: entity.type,
    title: entity.name,
    ...(entity.aliases.length > 0 ? { detail: entity.aliases.join(', ') } : {}),
    names: [
      entity.name,
      ...entity.aliases,
      ...(typeof acronym === 'string' && acronym ? [acronym] : []),
    ],
  }
}

function namedSource(source: SourceRecord): NamedRecord {
  const detail = [source.publisher, source.publishedAt].filter(Boolean).join(' · ')
  return {
    kind: 'source',
    id: source.id,
    title: source.title,
    ...(detail ? { detail } : {}),
    names: [source.title],
  }
}

/**
 * What a project's records are called (entities, sources, notes, analyses), each with the
 * stored record it is read from; the names are read only when asked for.
 */
export function* namedRecords(
  data: Readonly<ProjectFile>,
): Generator<[origin: { readonly id: string }, named: () => NamedRecord]> {
  for (const entity of data.entities) yield [entity, () => namedEntity(entity)]
  for (const source of data.sources) yield [source, () => namedSource(source)]
  for (const note of data.notes) {
    yield [note, () => ({ kind: 'note', id: note.id, title: note.title, names: [note.title] })]
  }
  for (const analysis of data.analyses) {
    yield [
      analysis,
      () => ({
        kind: 'analysis',
        id: analysis.id,
        title: analysis.question,
        names: [analysis.question],
      }),
    ]
  }
}

/** What the index reads: the store, or a bench's project held in memory. */
export interface IndexedProject {
  readonly revision: number
  readonly data: Readonly<ProjectFile>
  readonly isClosed?: boolean
}

/**
 * Ids by the words of their names, found by any beginning of a word: each word points to
 * its ids, and the words are kept sorted, so the words a beginning starts are one range
 * found by binary search. FlexSearch's forward tokenizer (every beginning of every word an
 * entry of its own) took 1.8 s to index 20,000 four-word names here, 7 s with our match
 * keys as its encoder; this index takes about 2.5 s of CPU for 100,000 records, most of it
 * folding the words, and matches whole beginnings of words, which is all the palette asks.
 */
export class WordPrefixIndex {
  private readonly idsByWord = new Map<string, string[]>()
  private readonly wordsById = new Map<string, readonly string[]>()
  /** The words in code-unit order; rebuilt on the next lookup after a bulk load. */
  private sorted: string[] = []
  private sortedIsStale = false

  /** Sets (or replaces) the words an id is found by. */
  set(id: string, words: readonly string[]): void {
    this.delete(id)
    const unique = [...new Set(words)]
    this.wordsById.set(id, unique)
    for (const word of unique) {
      const ids = this.idsByWord.get(word)
      if (ids) ids.push(id)
      else {
        this.idsByWord.set(word, [id])
        this.addWord(word)
      }
    }
  }

  delete(id: string): void {
    const words = this.wordsById.get(id)
    if (!words) return
    this.wordsById.delete(id)
    for (const word of words) {
      const ids = this.idsByWord.get(word)
      if (!ids) continue
      const at = ids.indexOf(id)
      if (at >= 0) ids.splice(at, 1)
      if (ids.length === 0) {
        this.idsByWord.delete(word)
        this.removeWord(word)
      }
    }
  }

  /** Whether some id has a word that begins with `prefix`. */
  hasPrefix(prefix: string): boolean {
    const words = this.words()
    const at = lowerBound(words, prefix)
    return at < words.length && words[at]!.startsWith(prefix)
  }

  /**
   * Ids with, for every prefix, a word that begins with it, in the order of the words the
   * rarest prefix begins (a word equal to it first), at most `limit`.
   */
  search(prefixes: readonly string[], limit: number): string[] {
    if (prefixes.length === 0) return []
    const words = this.words()
    const ranges = prefixes.map((prefix) => {
      const from = lowerBound(words, prefix)
      let to = from
      let size = 0
      while (to < words.length && words[to]!.startsWith(prefix)) {
        size += this.idsByWord.get(words[to]!)!.length
        to++
      }
      return { prefix, from, to, size }
    })
    const rarest = ranges.reduce((a, b) => (b.size < a.size ? b : a))
    const others = ranges.filter((range) => range !== rarest).map((range) => range.prefix)
    const found: string[] = []
    const seen = new Set<string>()
    for (let w = rarest.from; w < rarest.to && found.length < limit; w++) {
      for (const id of this.idsByWord.get(words[w]!)!) {
        if (seen.has(id)) continue
        seen.add(id)
        const own = this.wordsById.get(id)!
        if (others.every((prefix) => own.some((word) => word.startsWith(prefix)))) {
          found.push(id)
          if (found.length >= limit) break
        }
      }
    }
    return found
  }

  /** Sorts the words now if a bulk load left them unsorted. */
  prepare(): void {
    this.words()
  }

  private words(): string[] {
    if (this.sortedIsStale) {
      // The default order compares UTF-16 code units, as `<` does (lowerBound relies on it).
      this.sorted = [...this.idsByWord.keys()].sort()
      this.sortedIsStale = false
    }
    return this.sorted
  }

  private addWord(word: string): void {
    // Many words at once (the first build): sort once, when first asked.
    if (this.sortedIsStale || this.sorted.length === 0) {
      this.sortedIsStale = true
      return
    }
    this.sorted.splice(lowerBound(this.sorted, word), 0, word)
  }

  private removeWord(word: string): void {
    if (this.sortedIsStale) return
    const at = lowerBound(this.sorted, word)
    if (this.sorted[at] === word) this.sorted.splice(at, 1)
  }
}

/** The first place in sorted `words` whose word is not before `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let lo = 0
  let hi = words.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (words[mid]! < word) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Every record of a project by name, in a word-prefix index of match keys (shared/match-text:
 * case, accents, Arabic-script variants and Latin transliterations fold together) that
 * matches word beginnings as the analyst types. A word the index does not know is read as a
 * typo: it is replaced by the closest words the index holds (one edit for a word of four to
 * seven letters, two for longer ones), so "fredom frnt" still finds "National Freedom Front".
 * Kept in step with the store by comparing each record's names with what was indexed.
 */
export class RecordIndex {
  private readonly index = new WordPrefixIndex()
  private readonly records = new Map<string, NamedRecord>()
  /** What each record was indexed under, to see which changed. */
  private readonly indexedText = new Map<string, string>()
  /** How many indexed records use each word (words with a letter: typos are corrected to them). */
  private readonly vocabulary = new Map<string, number>()
  /**
   * The stored record each entry was read from. Saved records are frozen and replaced by an
   * edit, never changed in place, so the same frozen object means the same names: a pass
   * after an edit reads the names of what changed only.
   */
  private readonly origins = new Map<string, object>()
  private syncedRevision = -1
  private syncing: Promise<void> | null = null

  constructor(private readonly source: IndexedProject) {}

  /** Brings the index up to the source's current revision, yielding between slices. */
  async sync(): Promise<void> {
    while (this.syncing) await this.syncing
    if (this.source.isClosed || this.syncedRevision === this.source.revision) return
    this.syncing = this.runSync().finally(() => {
      this.syncing = null
    })
    await this.syncing
  }

  private async runSync(): Promise<void> {
    const revision = this.source.revision
    let sliceStart = performance.now()
    const live = new Set<string>()
    for (const [origin, record] of namedRecords(this.source.data)) {
      live.add(origin.id)
      if (this.origins.get(origin.id) === origin) continue
      const named = record()
      this.records.set(named.id, named)
      if (Object.isFrozen(origin)) this.origins.set(named.id, origin)
      else this.origins.delete(named.id)
      const text = named.names.join('\n')
      if (this.indexedText.get(named.id) !== text) this.put(named.id, text)
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve))
        if (this.source.isClosed) return
        sliceStart = performance.now()
      }
    }
    for (const id of [...this.indexedText.keys()]) if (!live.has(id)) this.drop(id)
    // Sorted now, in the background, rather than at the first keystroke after a bulk load.
    this.index.prepare()
    this.syncedRevision = revision
  }

  private put(id: string, text: string): void {
    const before = this.indexedText.get(id)
    if (before !== undefined) this.count(matchKeys(before), -1)
    this.indexedText.set(id, text)
    // Each word by its match key ("Massoud" and "Masood" meet) and as written, folded, so
    // the beginning of a word being typed is found before its key settles ("fre" does not
    // begin "fridum", the key of "freedom").
    const written = foldedWords(text)
    const keys = written.map(latinSpellingKey)
    this.count(keys, 1)
    this.index.set(id, [...keys, ...written])
  }

  private drop(id: string): void {
    const before = this.indexedText.get(id)
    if (before !== undefined) this.count(matchKeys(before), -1)
    this.indexedText.delete(id)
    this.records.delete(id)
    this.origins.delete(id)
    this.index.delete(id)
  }

  private count(keys: readonly string[], step: 1 | -1): void {
    for (const key of new Set(keys)) {
      if (!/\p{L}/u.test(key)) continue
      const n = (this.vocabulary.get(key) ?? 0) + step
      if (n > 0) this.vocabulary.set(key, n)
      else this.vocabulary.delete(key)
    }
  }

  /** The records whose names match `q`, best first: a whole name, then a name it begins, then the index's order. */
  query(q: string, limit: number): RecordResults {
    const started = performance.now()
    const keys = matchKeys(q)
    if (keys.length === 0) return { records: [], tookMs: 0 }
    const spellings = keys.map((key) => this.spellingsOf(key))
    const ids: string[] = []
    const seen = new Set<string>()
    for (const words of combinations(spellings, CORRECTIONS)) {
      for (const id of this.index.search(words, CANDIDATES)) {
        if (!seen.has(id)) {
          seen.add(id)
          ids.push(id)
        }
      }
      if (ids.length >= CANDIDATES) break
    }
    const phrase = keys.join(' ')
    const ranked = ids
      .map((id, order) => ({ record: this.records.get(id), order }))
      .filter((c): c is { record: NamedRecord; order: number } => c.record !== undefined)
      .map(({ record, order }) => ({ record, order, rank: nameRank(record.names, phrase) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .slice(0, limit)
      .map(({ record }) => hitOf(record))
    return { records: ranked, tookMs: Math.round((performance.now() - started) * 1000) / 1000 }
  }

  /** The word itself when some name holds it (or a word it begins), else its closest spellings. */
  private spellingsOf(key: string): string[] {
    if (!/\p{L}/u.test(key) || this.index.hasPrefix(key)) return [key]
    const allowed = key.length >= 8 ? 2 : key.length >= 4 ? 1 : 0
    if (allowed === 0) return [key]
    const found: { word: string; cost: number; uses: number }[] = []
    for (const [word, uses] of this.vocabulary) {
      const cost = typoCost(key, word, allowed)
      if (cost !== null) found.push({ word, cost, uses })
    }
    if (found.length === 0) return [key]
    return found
      .sort((a, b) => a.cost - b.cost || b.uses - a.uses)
      .slice(0, CORRECTIONS)
      .map((f) => f.word)
  }
}

/** 0 when a name is the phrase, 1 when a name begins with it, 2 otherwise. */
function nameRank(names: readonly string[], phrase: string): number {
  let rank = 2
  for (const name of names) {
    const key = matchKeys(name).join(' ')
    if (key === phrase) return 0
    if (key.startsWith(phrase)) rank = 1
  }
  return rank
}

function hitOf(record: NamedRecord): RecordHit {
  const { names: _names, ...hit } = record
  return hit
}

/** Queries made of one spelling per word, the best spellings first, at most `limit`. */
function combinations(spellings: readonly string[][], limit: number): string[][] {
  let result: string[][] = [[]]
  for (const options of spellings) {
    result = result.flatMap((words) => options.map((option) => [...words, option]))
  }
  return result.slice(0, Math.max(limit, 1))
}

/**
 * How far `typed` is from `word` (Levenshtein), or from a beginning of it (a word still being
 * typed), whichever is nearer; a whole-word match costs half an edit less than a beginning.
 * Null beyond `allowed` edits. The rows stop as soon as every cell is past the allowance.
 */
export function typoCost(typed: string, word: string, allowed: number): number | null {
  if (word.length < typed.length - allowed) return null
  const columns = Math.min(word.length, typed.length + allowed)
  let previous = Array.from({ length: columns + 1 }, (_, j) => j)
  for (let i = 1; i <= typed.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= columns; j++) {
      const substitution = previous[j - 1]! + (typed[i - 1] === word[j - 1] ? 0 : 1)
      const cell = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1)
      current.push(cell)
      if (cell < rowMin) rowMin = cell
    }
    if (rowMin > allowed) return null
    previous = current
  }
  const prefix = Math.min(...previous)
  const whole = columns === word.length ? previous[columns]! : Number.POSITIVE_INFINITY
  if (whole <= allowed) return whole
  return prefix <= allowed ? prefix + 0.5 : null
}

const indexes = new WeakMap<ProjectStore, RecordIndex>()

function recordIndexFor(store: ProjectStore): RecordIndex {
  let index = indexes.get(store)
  if (!index) {
    index = new RecordIndex(store)
    indexes.set(store, index)
  }
  return index
}

/** Starts (or continues) building the name index in the background; never throws. */
export function warmRecordIndex(store: ProjectStore): void {
  void recordIndexFor(store)
    .sync()
    .catch(() => undefined)
}

/** Records by name for the command palette: entities, sources, notes and analyses. */
export async function searchRecords(
  store: ProjectStore,
  input: ParsedInput<'search.records'>,
): Promise<RecordResults> {
  const index = recordIndexFor(store)
  await index.sync()
  return index.query(input.q, input.limit ?? 50)
}

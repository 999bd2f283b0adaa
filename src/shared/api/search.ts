import { z } from 'zod'
import { Id } from '../model'
import { method } from './method'

export const SearchHit = z.strictObject({
  /** Where the match is: an annotation's quote or comment, or a passage of a source's text. */
  kind: z.enum(['quote', 'comment', 'text', 'title']),
  sourceId: Id,
  sourceTitle: z.string(),
  annotationId: Id.optional(),
  /** The matched range in the source's text, when the match is in the text. */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  /** A short passage around the match, split so the match can be highlighted. */
  snippet: z.strictObject({ before: z.string(), match: z.string(), after: z.string() }),
})
export type SearchHit = z.infer<typeof SearchHit>

/** An entity whose name, alias or acronym matches; `matched` is the name that did. */
export const EntityHit = z.strictObject({
  entityId: Id,
  type: z.string(),
  name: z.string(),
  matched: z.string(),
})
export type EntityHit = z.infer<typeof EntityHit>

/** A note whose title or text matches, with the passage around the match. */
export const NoteHit = z.strictObject({
  noteId: Id,
  title: z.string(),
  snippet: SearchHit.shape.snippet,
})
export type NoteHit = z.infer<typeof NoteHit>

export const SearchResults = z.strictObject({
  /** Passages: quotes, comments, titles and text of sources. */
  hits: z.array(SearchHit),
  /** Entities by name, alias or acronym; names that start with the query first. */
  entities: z.array(EntityHit).optional(),
  /** Notes by title or text; title matches first. */
  notes: z.array(NoteHit).optional(),
  /** Milliseconds the index took to answer (not counting snippets). */
  tookMs: z.number().nonnegative(),
})
export type SearchResults = z.infer<typeof SearchResults>

export const SpellingVariants = z.strictObject({
  /**
   * Spellings of an entity's name or aliases that the project's texts use and the entity
   * does not list yet ("Masood" for "Ahmad Massoud"), most used first.
   */
  spellings: z.array(z.strictObject({ text: z.string(), count: z.number().int().positive() })),
})
export type SpellingVariants = z.infer<typeof SpellingVariants>

/** A record the command palette can open, found by one of its names. */
export const RecordHit = z.strictObject({
  kind: z.enum(['entity', 'source', 'note', 'analysis']),
  id: Id,
  /** An entity's type: which grid opens it. */
  entityType: z.string().optional(),
  title: z.string(),
  /** A quieter second line: an entity's aliases, a source's publisher and date. */
  detail: z.string().optional(),
})
export type RecordHit = z.infer<typeof RecordHit>

export const RecordResults = z.strictObject({
  records: z.array(RecordHit),
  /** Milliseconds the lookup took in the main process. */
  tookMs: z.number().nonnegative(),
})
export type RecordResults = z.infer<typeof RecordResults>

export const searchMethods = {
  /** Full-text search over sources' text, titles, annotation quotes and comments, and
   * entities (names, aliases, acronyms) and notes. */
  'search.query': method(
    z.strictObject({
      q: z.string().trim().min(1, 'type something to search for').max(200),
      limit: z.number().int().min(1).max(100).optional(),
    }),
    SearchResults,
  ),
  /**
   * Entities, sources, notes and analyses by name, alias or acronym, word prefixes as typed
   * and a typo forgiven: what the command palette lists.
   */
  'search.records': method(
    z.strictObject({
      q: z.string().trim().min(1, 'type something to search for').max(200),
      limit: z.number().int().min(1).max(100).optional(),
    }),
    RecordResults,
  ),
  /** Other spellings of an entity's names found in the sources, to offer as aliases. */
  'search.spellings': method(z.strictObject({ entityId: Id }), SpellingVariants),
} as const

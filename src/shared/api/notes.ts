import { z } from 'zod'
import {
  AnnotationKind,
  Credibility,
  EntityType,
  Id,
  IsoDate,
  Note,
  Reliability,
  Timestamp,
} from '../model'
import { method } from './method'

/** A blank title is stored as "Untitled note". */
const Title = z.string().max(500)
const Body = z.string().max(2_000_000)

/** A note in the list: what it is called, when it changed and what it cites. */
export const NoteSummary = z.strictObject({
  id: Id,
  title: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Distinct quotes the note cites. */
  citationCount: z.number().int().nonnegative(),
  /** Distinct entities the note mentions. */
  mentionCount: z.number().int().nonnegative(),
  /** Cited quotes that no longer exist or lost their passage. */
  brokenCount: z.number().int().nonnegative(),
  /** The start of the body as plain-ish text, for the list. */
  excerpt: z.string(),
})
export type NoteSummary = z.infer<typeof NoteSummary>

/** A note that cites an annotation or mentions an entity (a backlink). */
export const NoteRef = z.strictObject({
  id: Id,
  title: z.string(),
  updatedAt: Timestamp,
  /** How many times the note cites the annotation (or mentions the entity). */
  occurrences: z.number().int().positive(),
})
export type NoteRef = z.infer<typeof NoteRef>

/** What a citation shows: the quote, where it comes from, and how far it can be trusted. */
export const CitedQuote = z.discriminatedUnion('status', [
  z.strictObject({
    annotationId: Id,
    /** `orphaned`: the annotation exists but its passage was lost when the source changed. */
    status: z.enum(['ok', 'orphaned']),
    exact: z.string(),
    comment: z.string(),
    kind: AnnotationKind,
    credibility: Credibility,
    sourceId: Id,
    sourceTitle: z.string(),
    sourceDate: IsoDate.optional(),
    reliability: Reliability,
  }),
  /** The annotation was deleted (or never existed). */
  z.strictObject({ annotationId: Id, status: z.literal('missing') }),
])
export type CitedQuote = z.infer<typeof CitedQuote>

export const MentionedEntity = z.discriminatedUnion('status', [
  z.strictObject({
    entityId: Id,
    status: z.literal('ok'),
    name: z.string(),
    type: EntityType,
  }),
  z.strictObject({ entityId: Id, status: z.literal('missing') }),
])
export type MentionedEntity = z.infer<typeof MentionedEntity>

export const notesMethods = {
  /** Every note with its citation counts, newest change first; `q` keeps those whose title or body contains it. */
  'notes.list': method(z.strictObject({ q: z.string().max(200).optional() }), z.array(NoteSummary)),
  /** One note with its Markdown body. */
  'notes.get': method(z.strictObject({ id: Id }), Note),
  /** Create a note. */
  'notes.create': method(z.strictObject({ title: Title.optional(), body: Body.optional() }), Note),
  /** Change a note's title or body; with `baseUpdatedAt`, refused as a conflict if the note changed since. */
  'notes.update': method(
    z.strictObject({
      id: Id,
      title: Title.optional(),
      body: Body.optional(),
      baseUpdatedAt: Timestamp.optional(),
    }),
    Note,
  ),
  /** Delete a note; the quotes and entities it cites stay as they are. */
  'notes.delete': method(z.strictObject({ id: Id }), z.strictObject({ id: Id })),
  /** Insert a citation of an annotation into a note, at `at` (a UTF-16 offset) or at the end. */
  'notes.cite': method(
    z.strictObject({
      noteId: Id,
      annotationId: Id,
      at: z.number().int().nonnegative().optional(),
    }),
    z.strictObject({
      note: Note,
      /** Where the citation landed in the new body. */
      range: z.strictObject({ start: z.number().int(), end: z.number().int() }),
    }),
  ),
  /** Notes citing an annotation (its backlinks), derived from the note bodies. */
  'notes.citing': method(z.strictObject({ annotationId: Id }), z.array(NoteRef)),
  /** Notes mentioning an entity, derived from the note bodies. */
  'notes.mentioning': method(z.strictObject({ entityId: Id }), z.array(NoteRef)),
  /** What the citations and mentions of a note point to, for the preview; unknown ids come back missing. */
  'notes.resolve': method(
    z.strictObject({
      annotationIds: z.array(Id).max(5_000),
      entityIds: z.array(Id).max(5_000),
    }),
    z.strictObject({ quotes: z.array(CitedQuote), entities: z.array(MentionedEntity) }),
  ),
  /** Quotes whose text, comment, tags or source title contain `q` (the editor's `[[` type-ahead). */
  'notes.quoteSuggestions': method(
    z.strictObject({
      q: z.string().max(200),
      limit: z.number().int().min(1).max(50).optional(),
    }),
    z.array(CitedQuote),
  ),
} as const

import { z } from 'zod'
import { Annotation, Id, IsoDate, Reliability, SourceKind, SourceRecord } from '../model'
import { method, NoInput } from './method'

/** Largest file Sightline imports (it travels base64-encoded under the 32 MiB request cap). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/** Largest pasted or edited text, in UTF-16 code units. */
export const MAX_TEXT_LENGTH = 20 * 1024 * 1024

export const SourceSummary = z.strictObject({
  source: SourceRecord,
  annotationCount: z.number().int().nonnegative(),
  /** Annotations whose anchor is fuzzy or orphaned, or whose source is damaged, to review. */
  needsReview: z.number().int().nonnegative(),
  /**
   * Set when the source's stored text failed its checks (a link, not a regular file, or
   * not matching its sha256 and length): why it cannot be used. Known once it was read.
   */
  damage: z.string().optional(),
})
export type SourceSummary = z.infer<typeof SourceSummary>

export const SourceWithText = z.strictObject({
  source: SourceRecord,
  /** The normalized text every offset refers to; empty when the source is damaged. */
  text: z.string(),
  annotations: z.array(Annotation),
  /** Set when the stored text failed its checks and is not shown: why. */
  damage: z.string().optional(),
})
export type SourceWithText = z.infer<typeof SourceWithText>

/** How the annotations of a source fared after its text changed. */
export const ReanchorSummary = z.strictObject({
  exact: z.number().int().nonnegative(),
  moved: z.number().int().nonnegative(),
  fuzzy: z.number().int().nonnegative(),
  orphaned: z.number().int().nonnegative(),
})
export type ReanchorSummary = z.infer<typeof ReanchorSummary>

/** A source already in the project whose text closely matches a new import's. */
export const SimilarSource = z.strictObject({
  source: SourceRecord,
  /** Estimated share (0–1) of the shorter text that the longer one holds too. */
  share: z.number().min(0).max(1),
})
export type SimilarSource = z.infer<typeof SimilarSource>

export const ImportOutcome = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('imported'),
    source: SourceRecord,
    notes: z.array(z.string()),
    /** Sources that look like the same document (an .html and a .txt of one article). */
    similar: z.array(SimilarSource).optional(),
  }),
  /** The same normalized text is already in the project: nothing was added. */
  z.strictObject({
    status: z.literal('duplicate'),
    existing: SourceRecord,
    notes: z.array(z.string()),
  }),
  /** A new version replaced the text of an existing source; its annotations were re-anchored. */
  z.strictObject({
    status: z.literal('replaced'),
    source: SourceRecord,
    reanchor: ReanchorSummary,
    notes: z.array(z.string()),
  }),
])
export type ImportOutcome = z.infer<typeof ImportOutcome>

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * Whether `data` is base64. The import worker checks it before decoding: a regular
 * expression over 27 MB of base64 would block the main process for tens of milliseconds.
 */
export function isBase64(data: string): boolean {
  return BASE64.test(data)
}

/** A file's bytes as base64: the size here, the alphabet where it is decoded (isBase64). */
const Base64 = z
  .string()
  .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, 'the file is larger than 20 MB')

/** Where an import stands, for the progress shown beside its file. */
export const ImportProgress = z.strictObject({
  /** Waiting for another import to finish, or being read. */
  state: z.enum(['waiting', 'running']),
  fileName: z.string(),
  /** Since the import was sent (ms). */
  elapsedMs: z.number().int().nonnegative(),
  /** What the importer is doing: opening the file, checking a .docx, reading PDF pages… */
  stage: z.enum(['opening', 'checking', 'pages', 'extracting']).optional(),
  /** Pages read so far, of `total` (PDF). */
  done: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
})
export type ImportProgress = z.infer<typeof ImportProgress>

/** Optional fields take null to clear them. */
const SourcePatch = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  kind: SourceKind.optional(),
  url: z.string().max(2_000).nullable().optional(),
  publisher: z.string().max(500).nullable().optional(),
  author: z.string().max(500).nullable().optional(),
  publishedAt: IsoDate.nullable().optional(),
  retrievedAt: IsoDate.nullable().optional(),
  language: z.string().max(35).nullable().optional(),
  reliability: Reliability.optional(),
})
export type SourcePatch = z.infer<typeof SourcePatch>

export const sourceMethods = {
  /** Every source with its annotation count, newest first. */
  'sources.list': method(NoInput, z.array(SourceSummary)),
  /** One source with its normalized text and its annotations in text order. */
  'sources.get': method(z.strictObject({ id: Id }), SourceWithText),
  /** Import one file (.txt, .md, .html, .pdf, .docx), or a new version of `replaceSourceId`. */
  'sources.import': method(
    z.strictObject({
      fileName: z.string().trim().min(1).max(500),
      dataBase64: Base64,
      replaceSourceId: Id.optional(),
      /** An id of the caller's choosing, to follow (importProgress) and cancel the import. */
      jobId: Id.optional(),
    }),
    ImportOutcome,
  ),
  /** How far the import `jobId` has got; null once it has finished (or never started). */
  'sources.importProgress': method(z.strictObject({ jobId: Id }), ImportProgress.nullable()),
  /** Stop the import `jobId`: it fails with code "cancelled" and adds nothing. */
  'sources.cancelImport': method(
    z.strictObject({ jobId: Id }),
    z.strictObject({ cancelled: z.boolean() }),
  ),
  /** Add pasted text as a new source. */
  'sources.paste': method(
    z.strictObject({
      title: z.string().trim().min(1, 'a title is required').max(500),
      text: z.string().max(MAX_TEXT_LENGTH),
      url: z.string().max(2_000).optional(),
    }),
    ImportOutcome,
  ),
  /** Change a source's metadata (title, url, publisher, author, dates, language, reliability). */
  'sources.update': method(z.strictObject({ id: Id, patch: SourcePatch }), SourceRecord),
  /** Replace a source's text with a corrected version and re-anchor its annotations. */
  'sources.editText': method(
    z.strictObject({
      id: Id,
      text: z.string().max(MAX_TEXT_LENGTH),
      /** The contentHash the edit started from; a different current text is a conflict. */
      baseHash: z.string().regex(/^[0-9a-f]{64}$/),
    }),
    z.strictObject({ source: SourceRecord, reanchor: ReanchorSummary }),
  ),
  /**
   * Keep a just-imported source as a new version of another (the same article imported
   * twice): the other takes its text (annotations re-anchored) and it is removed. Refused if
   * it has annotations of its own, so none is lost.
   */
  'sources.addAsVersion': method(
    z.strictObject({ id: Id, intoId: Id }),
    z.strictObject({ source: SourceRecord, reanchor: ReanchorSummary, removedId: Id }),
  ),
  /** Delete a source with its annotations; relations lose those annotations as evidence. */
  'sources.delete': method(
    z.strictObject({ id: Id }),
    z.strictObject({
      id: Id,
      removedAnnotations: z.array(Id),
      relationsLosingEvidence: z.array(Id),
    }),
  ),
} as const

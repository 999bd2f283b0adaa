/**
 * Exchange with other tools: STIX 2.1 bundles (OpenCTI, MISP, TAXII feeds), W3C Web
 * Annotations (Hypothesis) and CSV files of entities. Exports return the file; imports go
 * in three steps: the file travels in chunks (`exchange.upload`), a preview says what would
 * be created, merged or skipped and why (`exchange.preview`), and only `exchange.apply`
 * writes, after checking that the project has not changed since the preview.
 */
import { z } from 'zod'
import { EntityType, Id } from '../model'
import { method } from './method'
import { ProjectInfo } from './project'

/** Largest file the exchange imports, in bytes on disk and in characters once read. */
export const MAX_EXCHANGE_BYTES = 64 * 1024 * 1024
/** Characters per upload chunk: well under the HTTP transport's body cap after escaping. */
export const UPLOAD_CHUNK_CHARS = 2 * 1024 * 1024

/** TLP 2.0 levels (FIRST), chosen at export and applied to every object of the bundle. */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const
export const TlpLevel = z.enum(TLP_LEVELS)
export type TlpLevel = z.infer<typeof TlpLevel>

/** What a STIX export covers. */
export const ExportScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('project') }),
  /** What the report shows: its tables' entities, its quotes and the notes' citations. */
  z.strictObject({ kind: z.literal('report'), reportId: Id }),
  /** A grid selection: these entities, their relations and the entities at the other end. */
  z.strictObject({ kind: z.literal('entities'), entityIds: z.array(Id).min(1).max(50_000) }),
])
export type ExportScope = z.infer<typeof ExportScope>

/** A client-made id for following a long call's progress with exchange.progress. */
const JobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'a job id of 8–64 letters, digits or "-"')
const UploadId = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/, 'an upload id of 8–64 letters, digits or "-"')

export const ExchangeFile = z.strictObject({
  fileName: z.string(),
  /** The text of the file (JSON). */
  content: z.string(),
  bytes: z.number().int().nonnegative(),
  /** What went into the file, by kind ("threat-actor": 9, "note": 22…). */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** What was left out and why. */
  notes: z.array(z.string()),
})
export type ExchangeFile = z.infer<typeof ExchangeFile>

const IMPORT_FORMATS = ['stix', 'w3c', 'csv'] as const
export const ImportFormat = z.enum(IMPORT_FORMATS)
export type ImportFormat = z.infer<typeof ImportFormat>

const IMPORT_ACTIONS = ['create', 'merge', 'skip'] as const
export const IMPORT_ITEM_KINDS = ['entity', 'relation', 'quote', 'source', 'report'] as const
export type ImportItemKind = (typeof IMPORT_ITEM_KINDS)[number]

/** One decision of an import: what an object of the file becomes, and why. */
export const ImportItem = z.strictObject({
  action: z.enum(IMPORT_ACTIONS),
  kind: z.enum(IMPORT_ITEM_KINDS),
  /** Where it is in the file: a STIX id, "row 12", an annotation's id. */
  ref: z.string(),
  /** Its name or quote, as the analyst will know it. */
  label: z.string(),
  /** What it becomes: an entity type, a relation type… */
  detail: z.string().optional(),
  /** Why it is merged or skipped. */
  reason: z.string().optional(),
  /** The record it merges with. */
  target: z.strictObject({ id: Id, label: z.string() }).optional(),
})
export type ImportItem = z.infer<typeof ImportItem>

const ActionCounts = z.strictObject({
  create: z.number().int().nonnegative(),
  merge: z.number().int().nonnegative(),
  skip: z.number().int().nonnegative(),
})

/** Where each column of a CSV file goes. */
export const CsvColumnRole = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('ignore') }),
  z.strictObject({ role: z.literal('name') }),
  z.strictObject({ role: z.literal('aliases') }),
  z.strictObject({ role: z.literal('type') }),
  z.strictObject({ role: z.literal('description') }),
  z.strictObject({
    role: z.literal('attribute'),
    key: z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/, 'an attribute key such as "firstSeen"'),
  }),
])
export type CsvColumnRole = z.infer<typeof CsvColumnRole>

export const CsvMapping = z.strictObject({
  /** One role per column, in the file's order. */
  columns: z.array(CsvColumnRole).max(500),
  /** The type of rows without a type column or with an empty type. */
  defaultType: EntityType,
  /** What separates several aliases in one cell. */
  aliasSeparator: z.enum([';', '|', ',']),
})
export type CsvMapping = z.infer<typeof CsvMapping>

const ImportTarget = z.enum(['current', 'new-project'])

export const ImportPreview = z.strictObject({
  /** Names the parsed file for exchange.apply. */
  planId: z.string(),
  /** Fingerprint of every decision: apply refuses to go on if it would decide otherwise. */
  digest: z.string(),
  format: ImportFormat,
  fileName: z.string(),
  target: ImportTarget,
  /** Totals by kind of record. */
  counts: z.record(z.string(), ActionCounts),
  /** Every merge and skip, and creations up to a limit (see itemsOmitted). */
  items: z.array(ImportItem),
  itemsOmitted: z.number().int().nonnegative(),
  /** Object types the import does not read, counted (STIX). */
  skippedTypes: z.array(z.strictObject({ type: z.string(), count: z.number().int() })),
  /** Things worth knowing that are not about one object. */
  notes: z.array(z.string()),
  /** CSV: the columns found, the mapping used and the first rows, for the mapping form. */
  csv: z
    .strictObject({
      headers: z.array(z.string()),
      mapping: CsvMapping,
      sample: z.array(z.array(z.string())),
      rows: z.number().int().nonnegative(),
    })
    .optional(),
})
export type ImportPreview = z.infer<typeof ImportPreview>

export const ExchangeOutcome = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('applied'),
    counts: z.record(z.string(), ActionCounts),
    project: ProjectInfo,
    /** The source that keeps the imported file, when there is one. */
    datasetSourceId: Id.optional(),
  }),
  /** The project changed since the preview and the import would now decide otherwise. */
  z.strictObject({ status: z.literal('changed'), preview: ImportPreview }),
])
export type ExchangeOutcome = z.infer<typeof ExchangeOutcome>

export const JobProgress = z.strictObject({
  phase: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
})
export type JobProgress = z.infer<typeof JobProgress>

export const exchangeMethods = {
  /** The project, a report's contents or some entities as one STIX 2.1 bundle under a TLP marking. */
  'exchange.stixExport': method(
    z.strictObject({ scope: ExportScope, tlp: TlpLevel, jobId: JobId.optional() }),
    ExchangeFile,
  ),
  /** The annotations of one source, or of the whole project, as a W3C AnnotationCollection. */
  'exchange.w3cExport': method(
    z.strictObject({ sourceId: Id.optional(), jobId: JobId.optional() }),
    ExchangeFile,
  ),
  /** One chunk of a file to import, in order from 0; returns the characters received so far. */
  'exchange.upload': method(
    z.strictObject({
      uploadId: UploadId,
      index: z.number().int().nonnegative(),
      text: z.string().max(UPLOAD_CHUNK_CHARS),
    }),
    z.strictObject({ chars: z.number().int().nonnegative() }),
  ),
  /** What importing an uploaded file would do; writes nothing. */
  'exchange.preview': method(
    z.strictObject({
      uploadId: UploadId,
      fileName: z.string().trim().min(1).max(500),
      /** Read from the file when absent. */
      format: ImportFormat.optional(),
      target: ImportTarget,
      /** CSV: the column mapping; suggested from the headers when absent. */
      csv: CsvMapping.optional(),
      /** W3C: anchor every annotation on this source instead of matching by address or hash. */
      sourceId: Id.optional(),
      jobId: JobId.optional(),
    }),
    ImportPreview,
  ),
  /** Carries out a preview, unless the project changed so that it would decide otherwise. */
  'exchange.apply': method(
    z.strictObject({
      planId: z.string().min(1).max(100),
      digest: z.string().min(1).max(100),
      /** The new project's name (target "new-project"). */
      projectName: z.string().trim().min(1).max(500).optional(),
      jobId: JobId.optional(),
    }),
    ExchangeOutcome,
  ),
  /** How far a long export, preview or import has got; null when the job is unknown or done. */
  'exchange.progress': method(z.strictObject({ jobId: JobId }), JobProgress.nullable()),
  /**
   * Stops a long export, preview or import (its worker is stopped); an import stopped
   * before its records are in writes none of them. Safe to call for a job that has ended.
   */
  'exchange.cancel': method(
    z.strictObject({ jobId: JobId }),
    z.strictObject({ cancelled: z.boolean() }),
  ),
} as const

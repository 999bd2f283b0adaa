import { z } from 'zod'
import {
  Credibility,
  EntityType,
  Id,
  IsoDate,
  Reliability,
  Report,
  REPORT_MARGINS,
  REPORT_PAGE_SIZES,
  ReportSection,
} from '../model'
import { method, NoInput } from './method'

/** A column an entity-table section can show; `types` empty means every entity type. */
export interface ReportColumnSpec {
  label: string
  types: readonly string[]
}

/**
 * The columns an entity table in a report can show, in the order they print. The grids'
 * computed columns (leaders, areas…) come from entities.table; the rest from the record.
 */
export const REPORT_COLUMNS = {
  name: { label: 'Name', types: [] },
  aliases: { label: 'Also known as', types: [] },
  acronym: { label: 'Acronym', types: ['group'] },
  leaders: { label: 'Leaders', types: ['group'] },
  ethnicBase: { label: 'Ethnic base', types: ['group'] },
  areas: { label: 'Areas of operation', types: ['group'] },
  allies: { label: 'Allies', types: ['group'] },
  rivals: { label: 'Rivals', types: ['group'] },
  phase: { label: 'Phase', types: ['group'] },
  status: { label: 'Status', types: ['group'] },
  ideology: { label: 'Ideology', types: ['group'] },
  estimatedStrength: { label: 'Estimated strength', types: ['group'] },
  firstSeen: { label: 'First seen', types: ['group'] },
  role: { label: 'Role', types: ['person'] },
  placeKind: { label: 'Kind of place', types: ['place'] },
  country: { label: 'Country', types: ['place'] },
  communityKind: { label: 'Kind of community', types: ['community'] },
  description: { label: 'Description', types: [] },
  quoteCount: { label: 'Quotes', types: [] },
  bestCredibility: { label: 'Best credibility', types: [] },
  newestSourceDate: { label: 'Newest source', types: [] },
} as const satisfies Record<string, ReportColumnSpec>
export type ReportColumnKey = keyof typeof REPORT_COLUMNS
const REPORT_COLUMN_KEYS = Object.keys(REPORT_COLUMNS) as ReportColumnKey[]

/** The columns offered for an entity type, in print order. */
export function reportColumnsFor(entityType: string): ReportColumnKey[] {
  return REPORT_COLUMN_KEYS.filter((key) => {
    const types: readonly string[] = REPORT_COLUMNS[key].types
    return types.length === 0 || types.includes(entityType)
  })
}

/** What a new entity-table section shows before the analyst chooses. */
export function defaultReportColumns(entityType: string): ReportColumnKey[] {
  const preferred: ReportColumnKey[] =
    entityType === 'group'
      ? ['name', 'acronym', 'leaders', 'ethnicBase', 'areas', 'phase', 'status', 'quoteCount']
      : ['name', 'aliases', 'description', 'quoteCount']
  const offered = new Set(reportColumnsFor(entityType))
  return preferred.filter((key) => offered.has(key))
}

const ReportOptionsPatch = z.strictObject({
  pageSize: z.enum(REPORT_PAGE_SIZES).optional(),
  appendixOfEntityQuotes: z.boolean().optional(),
  margins: z.enum(REPORT_MARGINS).optional(),
})

const ReportDraft = z.strictObject({
  title: z.string(),
  author: z.string().optional(),
  date: IsoDate.optional(),
  classification: z.string().optional(),
  sections: z.array(ReportSection).optional(),
  options: ReportOptionsPatch.optional(),
})
export type ReportDraft = z.infer<typeof ReportDraft>

export const ReportPatch = z.strictObject({
  title: z.string().optional(),
  author: z.string().optional(),
  /** null clears the date. */
  date: IsoDate.nullable().optional(),
  classification: z.string().optional(),
  /** The whole ordered list: adding, removing and reordering all send it. */
  sections: z.array(ReportSection).optional(),
  options: ReportOptionsPatch.optional(),
})
export type ReportPatch = z.infer<typeof ReportPatch>

/** What the composer can put in a report: its pickers' choices. */
export const ReportChoices = z.strictObject({
  notes: z.array(z.strictObject({ id: Id, title: z.string(), citations: z.number().int() })),
  quotes: z.array(
    z.strictObject({
      id: Id,
      exact: z.string(),
      sourceTitle: z.string(),
      reliability: Reliability,
      credibility: Credibility,
    }),
  ),
  entityTypes: z.array(z.strictObject({ type: EntityType, count: z.number().int() })),
  /** Whether the graph view has kept a chart image for reports; else the report draws one. */
  graphImage: z.boolean(),
  /** Analyses (ACH matrices) an analysis section can show. */
  analyses: z.array(z.strictObject({ id: Id, question: z.string() })),
})
export type ReportChoices = z.infer<typeof ReportChoices>

const ReportRef = z.strictObject({ id: Id })

const ReportPdf = z.strictObject({
  /** A file name made from the title, e.g. "Armed-opposition-brief.pdf". */
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  /** The PDF itself; the caller saves it (the API writes no file where a caller says). */
  base64: z.string(),
})
export type ReportPdf = z.infer<typeof ReportPdf>

export const reportMethods = {
  /** Every report in the project, most recently changed first. */
  'reports.list': method(NoInput, z.array(Report)),
  /** One report by id. */
  'reports.get': method(ReportRef, Report),
  /** Create a report (A4, no sections unless given); returns it with its new id. */
  'reports.create': method(ReportDraft, Report),
  /** Change a report's fields, sections (the whole ordered list) or options. */
  'reports.update': method(z.strictObject({ id: Id, patch: ReportPatch }), Report),
  /** Delete a report. */
  'reports.delete': method(ReportRef, z.strictObject({ id: Id })),
  /** Notes, quotes, entity types, the graph image and analyses the composer can choose from. */
  'reports.choices': method(NoInput, ReportChoices),
  /** The report as one self-contained HTML document (the live preview and the HTML export). */
  'reports.html': method(
    ReportRef,
    z.strictObject({ html: z.string(), fileName: z.string(), citations: z.number().int() }),
  ),
  /** The report as Markdown, citations as [n] and a numbered list of sources. */
  'reports.markdown': method(
    ReportRef,
    z.strictObject({ markdown: z.string(), fileName: z.string() }),
  ),
  /** Print the report to PDF with Chromium: the bytes as base64. */
  'reports.pdf': method(ReportRef, ReportPdf),
} as const

import { randomUUID } from 'node:crypto'
import type { MethodOutput, ParsedInput, ReportChoices } from '../../../shared/contract'
import { Report } from '../../../shared/model'
import { appError, notFound } from '../errors'
import type { ProjectStore } from '../project-store'
import { gatherReport, type GatherOptions } from '../report/document'
import { renderReportHtml } from '../report/html'
import { renderReportMarkdown } from '../report/markdown-export'
import { numberCitations } from '../../../shared/citations'
import { printOptionsFor, type PdfPrinter } from '../report/print'
import { graphImage } from './graph'
import { noteLinks } from './notes'
import { validRecord } from './validate'

export function listReports(store: ProjectStore): Report[] {
  return [...store.data.reports].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}

export function getReport(store: ProjectStore, id: string): Report {
  const report = store.data.reports.find((r) => r.id === id)
  if (!report) throw notFound('report', id)
  return report
}

/** A report by id, or else by its exact title (the command line accepts either). */
export function findReport(store: ProjectStore, idOrTitle: string): Report {
  const byId = store.data.reports.find((r) => r.id === idOrTitle)
  if (byId) return byId
  const byTitle = store.data.reports.filter((r) => r.title.trim() === idOrTitle.trim())
  if (byTitle.length === 1) return byTitle[0]!
  if (byTitle.length > 1) {
    throw appError('conflict', 'reportTitleAmbiguous', { count: byTitle.length, title: idOrTitle })
  }
  throw appError('not_found', 'noReportNamed', { title: idOrTitle })
}

export function createReport(store: ProjectStore, input: ParsedInput<'reports.create'>): Report {
  const now = new Date().toISOString()
  const report = validRecord(
    Report,
    {
      id: randomUUID(),
      createdAt: now,
      updatedAt: now,
      title: input.title.trim(),
      author: input.author?.trim() ?? '',
      ...(input.date ? { date: input.date } : {}),
      classification: input.classification?.trim() ?? '',
      sections: input.sections ?? [],
      options: {
        pageSize: input.options?.pageSize ?? 'A4',
        appendixOfEntityQuotes: input.options?.appendixOfEntityQuotes ?? false,
        ...(input.options?.margins ? { margins: input.options.margins } : {}),
      },
    },
    'report',
  )
  checkSectionIds(report)
  store.mutate((data) => data.reports.push(report))
  return report
}

export function updateReport(store: ProjectStore, input: ParsedInput<'reports.update'>): Report {
  const index = store.data.reports.findIndex((r) => r.id === input.id)
  const current = store.data.reports[index]
  if (!current) throw notFound('report', input.id)
  const { patch } = input
  const { date: _date, ...withoutDate } = current
  const next = validRecord(
    Report,
    {
      ...(patch.date === null ? withoutDate : current),
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      ...(patch.author !== undefined ? { author: patch.author.trim() } : {}),
      ...(patch.date ? { date: patch.date } : {}),
      ...(patch.classification !== undefined
        ? { classification: patch.classification.trim() }
        : {}),
      ...(patch.sections !== undefined ? { sections: patch.sections } : {}),
      options: { ...current.options, ...patch.options },
      updatedAt: new Date().toISOString(),
    },
    'report',
  )
  checkSectionIds(next)
  store.mutate((data) => {
    data.reports[index] = next
  })
  return next
}

export function deleteReport(store: ProjectStore, id: string): { id: string } {
  getReport(store, id)
  store.mutate((data) => {
    data.reports = data.reports.filter((r) => r.id !== id)
  })
  return { id }
}

export function reportChoices(store: ProjectStore): ReportChoices {
  const data = store.data
  const sourceById = new Map(data.sources.map((s) => [s.id, s]))
  const typeCounts = new Map<string, number>()
  for (const e of data.entities) typeCounts.set(e.type, (typeCounts.get(e.type) ?? 0) + 1)
  return {
    notes: data.notes
      .map((n) => ({
        id: n.id,
        title: n.title,
        citations: numberCitations(noteLinks(store, n)).citations.length,
      }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    quotes: data.annotations.map((a) => {
      const source = sourceById.get(a.sourceId)
      return {
        id: a.id,
        exact: a.target.quote.exact,
        sourceTitle: source?.title ?? '',
        reliability: source?.reliability ?? 'F',
        credibility: a.credibility,
      }
    }),
    entityTypes: [...typeCounts]
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => a.type.localeCompare(b.type)),
    graphImage: data.views.graphImage !== undefined,
    analyses: data.analyses
      .map((a) => ({ id: a.id, question: a.question }))
      .sort((a, b) => a.question.localeCompare(b.question)),
  }
}

/** The chart image the graph view kept; a report draws its own chart when there is none. */
async function gatherOptions(store: ProjectStore): Promise<GatherOptions> {
  let image: Awaited<ReturnType<typeof graphImage>>
  try {
    image = await graphImage(store)
  } catch {
    // An image file gone missing costs the report its picture, not the report.
    image = null
  }
  return image
    ? { graphImage: { dataUrl: image.dataUrl, width: image.width, height: image.height } }
    : {}
}

export async function reportHtml(
  store: ProjectStore,
  id: string,
): Promise<MethodOutput<'reports.html'>> {
  const report = getReport(store, id)
  const rendered = renderReportHtml(gatherReport(store, report, await gatherOptions(store)))
  return {
    html: rendered.html,
    citations: rendered.citations,
    fileName: fileNameFor(report, 'html'),
  }
}

export async function reportMarkdown(
  store: ProjectStore,
  id: string,
): Promise<MethodOutput<'reports.markdown'>> {
  const report = getReport(store, id)
  return {
    markdown: renderReportMarkdown(gatherReport(store, report, await gatherOptions(store))),
    fileName: fileNameFor(report, 'md'),
  }
}

/** Renders the report and has the shell's printer turn it into PDF bytes. */
export async function printReport(
  store: ProjectStore,
  report: Report,
  printer: PdfPrinter | undefined,
): Promise<Uint8Array> {
  if (!printer) {
    throw appError('unavailable', 'noPdfPrinter')
  }
  const { html } = renderReportHtml(gatherReport(store, report, await gatherOptions(store)))
  return printer(html, printOptionsFor(report))
}

export async function reportPdf(
  store: ProjectStore,
  input: ParsedInput<'reports.pdf'>,
  printer: PdfPrinter | undefined,
): Promise<MethodOutput<'reports.pdf'>> {
  const report = getReport(store, input.id)
  const bytes = await printReport(store, report, printer)
  return {
    fileName: fileNameFor(report, 'pdf'),
    bytes: bytes.byteLength,
    pages: countPdfPages(bytes),
    base64: Buffer.from(bytes).toString('base64'),
  }
}

/** Page objects in a PDF as Chromium writes it (each page is one "/Type /Page" object). */
export function countPdfPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString('latin1')
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length
}

/** "Armed opposition: a brief" -> "Armed-opposition-a-brief.pdf". */
function fileNameFor(report: Report, extension: string): string {
  const stem =
    report.title
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'report'
  return `${stem}.${extension}`
}

function checkSectionIds(report: Report): void {
  const seen = new Set<string>()
  for (const section of report.sections) {
    if (seen.has(section.id)) {
      throw appError('invalid_input', 'reportSectionIdTwice', { id: section.id })
    }
    seen.add(section.id)
    if (section.kind === 'timeline' && section.from && section.to && section.from > section.to) {
      throw appError('invalid_input', 'timelineEndsBeforeStart', {
        end: section.to,
        start: section.from,
      })
    }
  }
}

/**
 * How a report is printed, independent of who prints it (Electron's printToPDF or
 * headless Chromium): page size, margins, and the running header and footer. Chromium
 * does not implement CSS @page margin boxes, so page numbers come from its own
 * header and footer templates (their pageNumber and totalPages classes).
 */
import type { Report } from '../../../shared/model'
import { escapeHtml } from './escape'
import { formatDate } from './html'

export interface PrintMargins {
  top: number
  right: number
  bottom: number
  left: number
}

export interface PrintOptions {
  pageSize: 'A4' | 'Letter'
  /** In millimetres. */
  margins: PrintMargins
  /** HTML for every page's header and footer (Chromium's template format). */
  headerTemplate: string
  footerTemplate: string
}

/** Prints self-contained HTML to PDF bytes; supplied by the shell (Electron or Node). */
export type PdfPrinter = (html: string, options: PrintOptions) => Promise<Uint8Array>

const MARGINS_MM: Record<NonNullable<Report['options']['margins']>, PrintMargins> = {
  narrow: { top: 18, right: 12.7, bottom: 18, left: 12.7 },
  normal: { top: 22, right: 20, bottom: 22, left: 20 },
  wide: { top: 25.4, right: 25.4, bottom: 25.4, left: 25.4 },
}

export function printOptionsFor(report: Report): PrintOptions {
  const margins = MARGINS_MM[report.options.margins ?? 'normal']
  // Templates get no page styles: every size is set here, and they must stay inside
  // the margin the content leaves free.
  const box = (content: string): string =>
    `<div style="box-sizing:border-box;width:100%;padding:0 ${margins.left}mm 0 ${margins.right}mm;font-family:'Noto Sans','Noto Naskh Arabic',sans-serif;font-size:7.5pt;color:#3b4653;display:flex;justify-content:space-between;align-items:center;gap:4mm">${content}</div>`
  const cell = (content: string, align: 'left' | 'center' | 'right', grow = 1): string =>
    `<span style="flex:${grow} 1 0;text-align:${align};overflow:hidden;white-space:nowrap;text-overflow:ellipsis;unicode-bidi:plaintext">${content}</span>`
  const classification = escapeHtml(report.classification)
  const strong = (text: string): string =>
    text ? `<strong style="letter-spacing:0.04em">${text}</strong>` : ''
  return {
    pageSize: report.options.pageSize,
    margins,
    headerTemplate: box(
      cell(escapeHtml(report.title), 'left', 2) +
        cell(strong(classification), 'center', 2) +
        cell(escapeHtml(report.date ? formatDate(report.date) : ''), 'right'),
    ),
    footerTemplate: box(
      cell(escapeHtml(report.author), 'left', 2) +
        cell(strong(classification), 'center', 2) +
        cell('Page <span class="pageNumber"></span> of <span class="totalPages"></span>', 'right'),
    ),
  }
}

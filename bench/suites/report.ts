/**
 * Exporting a long report to PDF, as browser mode and the command line do it: core
 * renders the HTML from the store, headless Chromium prints it. The report is made of
 * the generated project's notes and its groups table, grown until it prints
 * to about 50 pages. The floor is Chromium printing the same HTML (the part we do not
 * own); the ratio is what our rendering adds on top.
 */
import { ProjectStore } from '../../src/main/core/project-store'
import { gatherReport } from '../../src/main/core/report/document'
import { renderReportHtml } from '../../src/main/core/report/html'
import { printOptionsFor } from '../../src/main/core/report/print'
import { countPdfPages, printReport } from '../../src/main/core/services/reports'
import { createChromiumPrinter } from '../../src/main/pdf/chromium'
import type { Report, ReportSection } from '../../src/shared/model'
import { line, target, timeAlternately, timeOnce } from '../measure'
import type { BenchSuite } from '../types'

const TARGET_PAGES = 50

export const reportSuite: BenchSuite = {
  name: 'report',
  async run(ctx) {
    if (!ctx.chromiumPath) {
      ctx.log('  skipped: no Chromium (set CHROMIUM_PATH or install chromium)')
      return []
    }
    const store = await ProjectStore.open(await ctx.project(ctx.preset))
    // The integrity pass runs just after an open: let it finish before anything is timed.
    await store.verified
    const printer = createChromiumPrinter(ctx.chromiumPath)
    try {
      const coldStart = await timeOnce(() =>
        printer.print('<!doctype html><p>warm-up</p>', printOptionsFor(composeReport(store, 0))),
      )
      // Grow the report until it prints to about 50 pages (each try also warms up).
      let notes = 20
      let report = composeReport(store, notes)
      let pages = countPdfPages(await printReport(store, report, printer.print))
      for (let attempt = 0; attempt < 4 && Math.abs(pages - TARGET_PAGES) > 5; attempt++) {
        const available = store.data.notes.length
        notes = Math.max(
          1,
          Math.min(available, Math.round((notes * TARGET_PAGES) / Math.max(1, pages))),
        )
        report = composeReport(store, notes)
        pages = countPdfPages(await printReport(store, report, printer.print))
        if (notes === available) break
      }
      ctx.log(`  a report of ${notes} notes and the groups table prints to ${pages} pages`)
      const html = renderReportHtml(gatherReport(store, report)).html
      const options = printOptionsFor(report)
      const times = await timeAlternately(ctx.runs, {
        export: { run: () => printReport(store, report, printer.print) },
        print: { run: () => printer.print(html, options) },
        render: { run: () => renderReportHtml(gatherReport(store, report)) },
      })
      return [
        line({
          name: `Export a ${pages}-page report to PDF (${ctx.preset}, Chromium)`,
          unit: 'ms',
          value: times.export,
          floor: { name: 'Chromium printing the same HTML', value: times.print },
          target: target.ratioAtMost(1.2),
          note: `${notes} notes and the groups table, ${(html.length / 1e6).toFixed(1)} MB of HTML (fonts included). Chromium already running, as after the first export; starting it took ${coldStart.toFixed(0)} ms.`,
        }),
        line({
          name: `Render the ${pages}-page report to HTML (core)`,
          unit: 'ms',
          value: times.render,
          target: target.atMost(1000),
          note: 'Gathering from the store, Markdown of the notes, tables, chart and numbered sources.',
        }),
      ]
    } finally {
      await printer.close()
      await store.close()
    }
  },
}

function composeReport(store: ProjectStore, noteCount: number): Report {
  const notes = store.data.notes.slice(0, noteCount)
  const sections: ReportSection[] = [
    ...notes.map((note, i): ReportSection => ({ id: `n${i}`, kind: 'note', noteId: note.id })),
    {
      id: 'groups',
      kind: 'entity-table',
      entityType: 'group',
      columns: ['name', 'acronym', 'leaders', 'areas', 'phase', 'status', 'quoteCount'],
    },
  ]
  return {
    id: 'bench-report',
    createdAt: '2025-06-01T09:00:00.000Z',
    updatedAt: '2025-06-01T09:00:00.000Z',
    title: 'Benchmark report',
    author: 'Sightline bench',
    date: '2025-06-01',
    classification: 'UNCLASSIFIED',
    sections,
    options: { pageSize: 'A4', appendixOfEntityQuotes: false },
  }
}

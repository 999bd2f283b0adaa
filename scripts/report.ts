/**
 * npm run report -- --project <folder> --report <id or title> --out <file> [--format pdf|html|md]
 *
 * Exports one report of a project folder for scripts: PDF through headless Chromium (as
 * browser mode does), or the same HTML or Markdown the app exports. Opens the project
 * read-only in effect (nothing is changed, so nothing is written back) and does not
 * touch the list of recent projects.
 */
import { writeFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ProjectStore } from '../src/main/core/project-store'
import {
  countPdfPages,
  findReport,
  printReport,
  reportHtml,
  reportMarkdown,
} from '../src/main/core/services/reports'
import { createChromiumPrinter } from '../src/main/pdf/chromium'

const USAGE =
  'Usage: npm run report -- --project <folder> --report <id or title> --out <file> [--format pdf|html|md]'
const FORMATS = ['pdf', 'html', 'md'] as const
type Format = (typeof FORMATS)[number]

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      project: { type: 'string' },
      report: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  if (!values.project || !values.report || !values.out) {
    console.error(USAGE)
    return 2
  }
  const format = (values.format ?? (extname(values.out).slice(1).toLowerCase() || 'pdf')) as Format
  if (!FORMATS.includes(format)) {
    console.error(`Unknown format "${format}": use pdf, html or md.\n${USAGE}`)
    return 2
  }
  const out = resolve(values.out)
  const store = await ProjectStore.open(resolve(values.project))
  // A report is only made from records that passed the integrity pass run after an open.
  await store.verified
  try {
    const report = findReport(store, values.report)
    const started = performance.now()
    if (format === 'pdf') {
      const printer = createChromiumPrinter()
      try {
        const bytes = await printReport(store, report, printer.print)
        await writeFile(out, bytes)
        console.log(
          `Wrote ${out}: ${countPdfPages(bytes)} pages, ${(bytes.byteLength / 1e3).toFixed(0)} KB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        )
      } finally {
        await printer.close()
      }
    } else {
      const text =
        format === 'html'
          ? (await reportHtml(store, report.id)).html
          : (await reportMarkdown(store, report.id)).markdown
      await writeFile(out, text)
      console.log(`Wrote ${out}`)
    }
    return 0
  } finally {
    await store.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message)
    process.exit(1)
  },
)

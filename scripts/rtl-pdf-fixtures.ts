/**
 * Prints the pages of test/support/rtl-documents.ts with headless Chromium into
 * test/fixtures/rtl-pdf/<name>.pdf, the way a browser prints a Dari or Pashto web page:
 * shaped Arabic glyphs in visual order, in the system's sans-serif (DejaVu Sans on Debian:
 * pdftotext reads it cleanly, where Noto Naskh's tall glyphs split its lines). Run with `npx tsx scripts/rtl-pdf-fixtures.ts`
 * after changing a page; the PDFs are committed so the importer tests need no browser.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../src/main/pdf/chromium'
import { findChromium } from '../src/main/pdf/find-chromium'
import { RTL_PAGES, type RtlPage } from '../test/support/rtl-documents'

const OUT = join(import.meta.dirname, '..', 'test', 'fixtures', 'rtl-pdf')

function html(page: RtlPage): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return `<!doctype html><html lang="${page.dir === 'rtl' ? 'fa' : 'en'}" dir="${page.dir}"><head><meta charset="utf-8"><style>
body { font: 15px/1.6 sans-serif; margin: 0; ${page.columns === 2 ? 'column-count: 2; column-gap: 30px; width: 460px;' : 'width: 460px;'} }
p { margin: 0 0 14px; }
</style></head><body>${page.paragraphs.map((p) => `<p dir="auto">${escape(p)}</p>`).join('')}</body></html>`
}

async function main(): Promise<void> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('No Chromium: set CHROMIUM_PATH or install chromium.')
  await mkdir(OUT, { recursive: true })
  const browser = await chromium.launch({ executablePath, ...chromiumLaunchOptions() })
  try {
    const tab = await browser.newPage()
    for (const page of RTL_PAGES) {
      await tab.setContent(html(page))
      await tab.evaluate(() => document.fonts.ready)
      const pdf = await tab.pdf({
        format: 'A5',
        margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' },
      })
      await writeFile(join(OUT, `${page.name}.pdf`), pdf)
      console.log(`${page.name}.pdf: ${pdf.length.toLocaleString('en')} bytes`)
    }
  } finally {
    await browser.close()
  }
}

void main()

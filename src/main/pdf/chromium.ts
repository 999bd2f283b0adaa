/**
 * The PDF printer of browser mode and the command line: headless Chromium driven by
 * playwright-core. It lives outside core because launching a browser is the shell's
 * business, like Electron's printToPDF; core only renders HTML and calls the printer it
 * is given. The page is printed with JavaScript off and every request refused: the
 * report is one self-contained document (fonts and images are data: URLs).
 */
import { chromium, type Browser } from 'playwright-core'
import type { PdfPrinter, PrintOptions } from '../core/report/print'
import { findChromium } from './find-chromium'

/** The flags the tests use too: no GPU, no call home. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * How the printer launches Chromium. The sandbox stays on between a report and the machine
 * except as root (a container), where Chromium refuses to start with it. Playwright turns
 * it off unless told otherwise, so it is asked for explicitly.
 */
export function chromiumLaunchOptions(uid: number | undefined = process.getuid?.()): {
  args: string[]
  chromiumSandbox: boolean
} {
  const asRoot = uid === 0
  return {
    args: asRoot ? ['--no-sandbox', ...CHROMIUM_ARGS] : CHROMIUM_ARGS,
    chromiumSandbox: !asRoot,
  }
}

/** The address the report is served at inside the printing context; never on a network. */
const REPORT_URL = 'http://sightline-report.invalid/report.html'

export interface ChromiumPrinter {
  print: PdfPrinter
  /** Closes the browser, if one was started. */
  close(): Promise<void>
}

/**
 * A printer that starts Chromium on first use and keeps it for the next report; each
 * report gets a fresh context (no cache, no storage shared between reports).
 */
export function createChromiumPrinter(executablePath = findChromium()): ChromiumPrinter {
  let browser: Promise<Browser> | null = null
  const launch = (): Promise<Browser> => {
    if (!executablePath) {
      return Promise.reject(
        new Error('No Chromium was found to print with: set CHROMIUM_PATH or install chromium.'),
      )
    }
    browser ??= chromium.launch({ executablePath, ...chromiumLaunchOptions() }).then((b) => {
      b.on('disconnected', () => {
        browser = null
      })
      return b
    })
    browser.catch(() => {
      browser = null
    })
    return browser
  }

  const print: PdfPrinter = async (html, options) => {
    const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true })
    try {
      const page = await context.newPage()
      await page.route('**/*', (route) => {
        const url = route.request().url()
        return url === REPORT_URL
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.abort('blockedbyclient')
      })
      await page.goto(REPORT_URL, { waitUntil: 'load' })
      return await page.pdf(pdfOptions(options))
    } finally {
      await context.close()
    }
  }

  return {
    print,
    async close() {
      const running = browser
      browser = null
      if (running) await (await running.catch(() => null))?.close()
    },
  }
}

function pdfOptions(options: PrintOptions) {
  const mm = (value: number): string => `${value}mm`
  return {
    format: options.pageSize,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    margin: {
      top: mm(options.margins.top),
      right: mm(options.margins.right),
      bottom: mm(options.margins.bottom),
      left: mm(options.margins.left),
    },
    tagged: true,
    outline: true,
  }
}

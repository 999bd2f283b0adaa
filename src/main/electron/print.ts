/**
 * The PDF printer of the desktop app: Chromium's own printToPDF, from a hidden window
 * that is sandboxed, runs no JavaScript, shares no storage with the app (an in-memory
 * partition) and may load nothing but the report file and data: URLs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow } from 'electron'
import type { PdfPrinter, PrintOptions } from '../core/report/print'
import { denyAllPermissions, lockDownContents } from './security'

/** No "persist:" prefix: the partition lives in memory and dies with the app. */
export const PRINT_PARTITION = 'sightline-print'

const MM_PER_INCH = 25.4

export function createElectronPrinter(): PdfPrinter {
  return async (html, options) => {
    // A file rather than a data: URL: navigations to data: URLs stop at 2 MB, and a
    // long report with its fonts and chart is larger.
    const folder = await mkdtemp(join(tmpdir(), 'sightline-print-'))
    const file = join(folder, 'report.html')
    const window = new BrowserWindow({
      show: false,
      // Written out, not spread from a constant, so Electronegativity can see each one.
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        javascript: false,
        offscreen: true,
        partition: PRINT_PARTITION,
      },
    })
    try {
      await writeFile(file, html, { mode: 0o600 })
      const reportUrl = pathToFileURL(file).toString()
      const contents = window.webContents
      lockDownContents(contents, () => Promise.resolve())
      denyAllPermissions(contents.session)
      contents.session.webRequest.onBeforeRequest((details, callback) => {
        callback({ cancel: !printRequestAllowed(details.url, reportUrl) })
      })
      await window.loadFile(file)
      const pdf = await contents.printToPDF(printToPdfOptions(options))
      return new Uint8Array(pdf)
    } finally {
      window.destroy()
      await rm(folder, { recursive: true, force: true })
    }
  }
}

/** The report file itself and the data: URLs inside it; nothing else. */
export function printRequestAllowed(url: string, reportUrl: string): boolean {
  return url === reportUrl || url.startsWith('data:')
}

function printToPdfOptions(options: PrintOptions) {
  const inches = (mm: number): number => mm / MM_PER_INCH
  return {
    pageSize: options.pageSize,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    margins: {
      top: inches(options.margins.top),
      right: inches(options.margins.right),
      bottom: inches(options.margins.bottom),
      left: inches(options.margins.left),
    },
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  }
}

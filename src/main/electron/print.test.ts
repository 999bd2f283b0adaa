import { existsSync, readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { PrintOptions } from '../core/report/print'
import { createElectronPrinter, PRINT_PARTITION, printRequestAllowed } from './print'

// vi.mock is hoisted above the imports, so the fakes it returns must be hoisted too.
const fakes = vi.hoisted(() => {
  type RequestFilter = (
    details: { url: string },
    callback: (response: { cancel: boolean }) => void,
  ) => void

  class FakeSession {
    requestFilter: RequestFilter | null = null
    readonly webRequest = {
      onBeforeRequest: (filter: RequestFilter) => {
        this.requestFilter = filter
      },
    }
    setPermissionRequestHandler(): void {}
    setPermissionCheckHandler(): void {}
  }

  class FakeWebContents {
    readonly session = new FakeSession()
    readonly listeners = new Map<string, unknown[]>()
    static failWith: Error | null = null
    readonly printToPDF = vi.fn((_options: Record<string, unknown>) =>
      FakeWebContents.failWith
        ? Promise.reject(FakeWebContents.failWith)
        : Promise.resolve(Buffer.from('%PDF-1.4 fake')),
    )
    on(event: string, handler: unknown): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), handler])
      return this
    }
    setWindowOpenHandler(): void {}
  }

  class FakeBrowserWindow {
    static readonly instances: FakeBrowserWindow[] = []
    readonly webContents = new FakeWebContents()
    loadedFile: string | null = null
    loadedHtml: string | null = null
    readonly loadFile = vi.fn((file: string) => {
      this.loadedFile = file
      this.loadedHtml = readFileSync(file, 'utf8')
      return Promise.resolve()
    })
    readonly destroy = vi.fn()
    constructor(readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
      FakeBrowserWindow.instances.push(this)
    }
  }
  return { FakeBrowserWindow, FakeWebContents }
})

vi.mock('electron', () => ({ BrowserWindow: fakes.FakeBrowserWindow }))

const OPTIONS: PrintOptions = {
  pageSize: 'Letter',
  margins: { top: 25.4, right: 12.7, bottom: 25.4, left: 12.7 },
  headerTemplate: '<div>UNCLASSIFIED</div>',
  footerTemplate: '<div>Page <span class="pageNumber"></span></div>',
}
const HTML = '<!doctype html><title>Brief</title><p>پنجشیر</p>'

function lastWindow(): InstanceType<typeof fakes.FakeBrowserWindow> {
  const window = fakes.FakeBrowserWindow.instances.at(-1)
  if (!window) throw new Error('no BrowserWindow was created')
  return window
}

beforeEach(() => {
  fakes.FakeBrowserWindow.instances.length = 0
})

describe('createElectronPrinter', () => {
  it('prints from a hidden, sandboxed window with JavaScript off and its own memory-only session', async () => {
    const pdf = await createElectronPrinter()(HTML, OPTIONS)
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.4 fake')
    const window = lastWindow()
    expect(window.options.show).toBe(false)
    expect(window.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      offscreen: true,
      partition: PRINT_PARTITION,
    })
    expect(window.options.webPreferences).not.toHaveProperty('preload')
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false)
    expect(window.loadedHtml).toBe(HTML)
  })

  it('asks printToPDF for the page size, margins in inches, and the header and footer', async () => {
    await createElectronPrinter()(HTML, OPTIONS)
    const options = lastWindow().webContents.printToPDF.mock.calls[0]?.[0]
    expect(options).toMatchObject({
      pageSize: 'Letter',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: OPTIONS.headerTemplate,
      footerTemplate: OPTIONS.footerTemplate,
      margins: { top: 1, right: 0.5, bottom: 1, left: 0.5 },
    })
  })

  it('lets the window load the report file and data: URLs only', async () => {
    await createElectronPrinter()(HTML, OPTIONS)
    const window = lastWindow()
    const filter = window.webContents.session.requestFilter
    if (!filter || !window.loadedFile) throw new Error('no request filter or no file loaded')
    const reportUrl = pathToFileURL(window.loadedFile).toString()
    const verdict = (url: string): boolean => {
      let cancelled = true
      filter({ url }, ({ cancel }) => (cancelled = cancel))
      return !cancelled
    }
    expect(verdict(reportUrl)).toBe(true)
    expect(verdict('data:font/woff2;base64,AAAA')).toBe(true)
    for (const url of [
      'https://example.org/font.woff2',
      'http://127.0.0.1:1234/api/project.info',
      'file:///etc/passwd',
      `${reportUrl}/../other.html`,
    ]) {
      expect(verdict(url), url).toBe(false)
    }
  })

  it('destroys the window and removes the temporary file, even when printing fails', async () => {
    fakes.FakeWebContents.failWith = new Error('printing failed')
    try {
      await expect(createElectronPrinter()(HTML, OPTIONS)).rejects.toThrow('printing failed')
    } finally {
      fakes.FakeWebContents.failWith = null
    }
    const window = lastWindow()
    expect(window.destroy).toHaveBeenCalledTimes(1)
    expect(window.loadedFile).not.toBeNull()
    expect(existsSync(window.loadedFile!)).toBe(false)
  })
})

describe('printRequestAllowed', () => {
  it('is exact about the report URL', () => {
    expect(printRequestAllowed('file:///tmp/a/report.html', 'file:///tmp/a/report.html')).toBe(true)
    expect(printRequestAllowed('file:///tmp/a/report.htm', 'file:///tmp/a/report.html')).toBe(false)
  })
})

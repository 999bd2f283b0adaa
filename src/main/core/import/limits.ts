/**
 * How much an imported document may take, in time, memory and size. A document comes from
 * anywhere (the web, a colleague, a shared drive): each limit stops one way a small file
 * could cost the app a lot, with a message that says which. The import runs in a worker
 * (import-jobs.ts), so the time and memory limits hold even when a parser is stuck.
 */
import { MAX_TEXT_LENGTH } from '../../../shared/api/sources'

export interface ImportLimits {
  /** Wall-clock time for one document, start to finish (ms). */
  timeoutMs: number
  /** The worker's JavaScript heap (MB); a parser that needs more is stopped. */
  memoryMb: number
  /** Pages of a PDF. */
  maxPdfPages: number
  /** Files in a .docx (a zip). */
  maxZipEntries: number
  /** Uncompressed bytes of any one file in a .docx. */
  maxZipEntryBytes: number
  /** Uncompressed bytes of all the files in a .docx together. */
  maxZipTotalBytes: number
  /** Characters of a web page's HTML once decoded. */
  maxHtmlChars: number
  /** Elements of a web page. */
  maxHtmlElements: number
  /** How deeply a web page's elements nest. */
  maxHtmlDepth: number
  /** Characters of the normalized text (what the store and the reader must hold). */
  maxTextLength: number
}

const MB = 1024 * 1024

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  timeoutMs: 3 * 60_000,
  memoryMb: 1024,
  maxPdfPages: 10_000,
  maxZipEntries: 5_000,
  maxZipEntryBytes: 100 * MB,
  maxZipTotalBytes: 300 * MB,
  maxHtmlChars: 20 * MB,
  maxHtmlElements: 500_000,
  // Chromium's HTML parser stops nesting at 512 as well.
  maxHtmlDepth: 512,
  maxTextLength: MAX_TEXT_LENGTH,
}

/** What an importer reports while it works, for the progress shown beside the file. */
export interface ImportStep {
  stage: 'opening' | 'checking' | 'pages' | 'extracting'
  done?: number
  total?: number
}

/** What every importer gets besides the bytes: the limits, a clock, and where to report. */
export interface ImportContext {
  limits: ImportLimits
  /** performance.now() after which the importer gives up with a clear message. */
  deadline: number
  progress(step: ImportStep): void
}

/** A context with the default limits and no progress report (tests, scripts). */
export function defaultImportContext(limits: Partial<ImportLimits> = {}): ImportContext {
  const merged = { ...DEFAULT_IMPORT_LIMITS, ...limits }
  return {
    limits: merged,
    deadline: performance.now() + merged.timeoutMs,
    progress: () => undefined,
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`
}

/** "3 minutes", "1.5 s": a limit in time as the analyst reads it. */
export function duration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) {
    const minutes = ms / 60_000
    return `${minutes} minute${minutes === 1 ? '' : 's'}`
  }
  return `${Number((ms / 1000).toFixed(1))} s`
}

import { MAX_IMPORT_BYTES } from '../../../shared/api/sources'
import { normalizeText } from '../../../shared/text'
import { AppError } from '../errors'
import { decodeTextFile } from './decode'
import { importDocx } from './docx'
import { importHtml } from './html'
import { importPdf } from './pdf'
import type { ImportedDocument } from './types'

export type { ImportedDocument } from './types'

const FORMAT_BY_EXTENSION = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
} as const

/**
 * Reads one file into normalized text and metadata, or throws an AppError with a
 * message fit for the analyst. Never touches the store.
 */
export async function importDocument(
  fileName: string,
  bytes: Uint8Array,
): Promise<ImportedDocument> {
  if (bytes.length === 0)
    throw new AppError('invalid_input', `"${fileName}" is empty; there is nothing to import.`)
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError(
      'payload_too_large',
      `"${fileName}" is ${megabytes(bytes.length)}; Sightline imports files up to ${megabytes(MAX_IMPORT_BYTES)}.`,
    )
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''
  const format = FORMAT_BY_EXTENSION[extension as keyof typeof FORMAT_BY_EXTENSION]
  if (!format) {
    throw new AppError(
      'invalid_input',
      `"${fileName}" is not a format Sightline imports (.txt, .md, .html, .htm, .pdf, .docx).`,
    )
  }
  const document = await readFormat(format, fileName, bytes)
  if (!document.text) {
    throw new AppError(
      'invalid_input',
      `"${fileName}" contains no readable text; it was not imported.`,
    )
  }
  return document
}

async function readFormat(
  format: ImportedDocument['format'],
  fileName: string,
  bytes: Uint8Array,
): Promise<ImportedDocument> {
  const baseTitle = fileName.replace(/\.[^.]+$/, '').trim()
  switch (format) {
    case 'txt':
    case 'md': {
      const decoded = decodeTextFile(bytes, fileName)
      const text = normalizeText(decoded.text)
      const title = format === 'md' ? markdownTitle(text) : firstLineTitle(text)
      return {
        format,
        text,
        title: title ?? baseTitle,
        notes: decoded.note ? [decoded.note] : [],
      }
    }
    case 'html': {
      const { text, metadata, notes } = importHtml(bytes, fileName)
      return { format, text, ...metadata, title: metadata.title ?? baseTitle, notes }
    }
    case 'pdf': {
      if (!startsWith(bytes, '%PDF-')) {
        throw new AppError(
          'invalid_input',
          `"${fileName}" is not a PDF file (it lacks the %PDF header); it was not imported.`,
        )
      }
      const { text, pages, metadata } = await importPdf(bytes, fileName)
      return { format, text, pages, ...metadata, title: metadata.title ?? baseTitle, notes: [] }
    }
    case 'docx': {
      const { text, metadata } = await importDocx(bytes, fileName)
      return { format, text, ...metadata, title: metadata.title ?? baseTitle, notes: [] }
    }
    default:
      throw new AppError('invalid_input', `"${fileName}" cannot be imported.`)
  }
}

function markdownTitle(text: string): string | undefined {
  const heading = /^#{1,2}\s+(.+)$/m.exec(text)?.[1]?.trim()
  return heading && heading.length <= 300 ? heading.replace(/\s*#+$/, '') : undefined
}

function firstLineTitle(text: string): string | undefined {
  const first = text.split('\n', 1)[0]?.trim()
  return first && first.length <= 150 ? first : undefined
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false
  return true
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`
}

import { normalizeText } from '../../../shared/text'
import { AppError } from '../errors'
import { decodeTextFile } from './decode'
import { importDocx } from './docx'
import { importHtml } from './html'
import { importFormat } from './formats'
import { defaultImportContext, type ImportContext } from './limits'
import { importPdf } from './pdf'
import type { ImportedDocument } from './types'

export type { ImportedDocument } from './types'

/**
 * Reads one file into normalized text and metadata, or throws an AppError with a
 * message fit for the analyst. Never touches the store. Runs in the import worker
 * (worker.ts), within `context.limits`.
 */
export async function importDocument(
  fileName: string,
  bytes: Uint8Array,
  context: ImportContext = defaultImportContext(),
): Promise<ImportedDocument> {
  const format = importFormat(fileName, bytes.length)
  context.progress({ stage: 'opening' })
  const document = await readFormat(format, fileName, bytes, context)
  if (!document.text) {
    throw new AppError(
      'invalid_input',
      `"${fileName}" contains no readable text; it was not imported.`,
    )
  }
  if (document.text.length > context.limits.maxTextLength) {
    throw new AppError(
      'payload_too_large',
      `"${fileName}" holds ${document.text.length.toLocaleString('en')} characters of text; Sightline keeps texts of up to ${context.limits.maxTextLength.toLocaleString('en')} characters. Split it and import the parts.`,
    )
  }
  return document
}

async function readFormat(
  format: ImportedDocument['format'],
  fileName: string,
  bytes: Uint8Array,
  context: ImportContext,
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
      const { text, metadata, notes } = importHtml(bytes, fileName, context.limits)
      return { format, text, ...metadata, title: metadata.title ?? baseTitle, notes }
    }
    case 'pdf': {
      if (!startsWith(bytes, '%PDF-')) {
        throw new AppError(
          'invalid_input',
          `"${fileName}" is not a PDF file (it lacks the %PDF header); it was not imported.`,
        )
      }
      const { text, pages, metadata } = await importPdf(bytes, fileName, context)
      return { format, text, pages, ...metadata, title: metadata.title ?? baseTitle, notes: [] }
    }
    case 'docx': {
      const { text, metadata } = await importDocx(bytes, fileName, context)
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

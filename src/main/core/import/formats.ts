/**
 * Which files Sightline imports, decided from the name and size alone: the checks the main
 * process makes before it hands a file to the import worker (and the worker makes again).
 */
import { MAX_IMPORT_BYTES } from '../../../shared/api/sources'
import { AppError } from '../errors'
import { megabytes } from './limits'
import type { ImportedDocument } from './types'

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

/** The format a file is read as, or an AppError saying why it is not imported at all. */
export function importFormat(fileName: string, byteLength: number): ImportedDocument['format'] {
  if (byteLength === 0)
    throw new AppError('invalid_input', `"${fileName}" is empty; there is nothing to import.`)
  if (byteLength > MAX_IMPORT_BYTES) {
    throw new AppError(
      'payload_too_large',
      `"${fileName}" is ${megabytes(byteLength)}; Sightline imports files up to ${megabytes(MAX_IMPORT_BYTES)}.`,
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
  return format
}

/** How many bytes a base64 text decodes to, without decoding it. */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding)
}

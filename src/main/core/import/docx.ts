import JSZip from 'jszip'
import mammoth from 'mammoth'
import { normalizeText } from '../../../shared/text'
import { AppError } from '../errors'
import { isoDate } from './html'
import type { DocumentMetadata } from './types'

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export interface DocxResult {
  text: string
  metadata: DocumentMetadata
}

/** A Word .docx: its text with mammoth, title/author/date from docProps/core.xml. */
export async function importDocx(bytes: Uint8Array, fileName: string): Promise<DocxResult> {
  if (OLE_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    throw new AppError(
      'invalid_input',
      `"${fileName}" is a password-protected Word file or an old .doc document; save it as an unprotected .docx and import that.`,
    )
  }
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new AppError(
      'invalid_input',
      `"${fileName}" is not a valid .docx file (it is not a Word zip package); it was not imported.`,
    )
  }
  if (!zip.file('word/document.xml')) {
    throw new AppError(
      'invalid_input',
      `"${fileName}" is a zip file but not a Word document (no word/document.xml); it was not imported.`,
    )
  }
  let raw: string
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `"${fileName}" could not be read as a Word document (${(error as Error).message}); it was not imported.`,
    )
  }
  return { text: normalizeText(raw), metadata: await coreProperties(zip) }
}

async function coreProperties(zip: JSZip): Promise<DocumentMetadata> {
  const xml = await zip.file('docProps/core.xml')?.async('string')
  if (!xml) return {}
  const field = (name: string): string | undefined => {
    const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml)
    const value = match?.[1]?.trim()
    return value ? decodeEntities(value) : undefined
  }
  const metadata: DocumentMetadata = {}
  const title = field('dc:title')
  if (title) metadata.title = title
  const author = field('dc:creator')
  if (author) metadata.author = author
  const created = isoDate(field('dcterms:created'))
  if (created) metadata.publishedAt = created
  return metadata
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

import JSZip from 'jszip'
import mammoth from 'mammoth'
import { normalizeText } from '../../../shared/text'
import { AppError } from '../errors'
import { isoDate } from './html'
import { megabytes, type ImportContext, type ImportLimits } from './limits'
import type { DocumentMetadata } from './types'

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export interface DocxResult {
  text: string
  metadata: DocumentMetadata
}

/**
 * A Word .docx: its text with mammoth, title/author/date from docProps/core.xml. The zip's
 * parts are measured by inflating them as a stream first: a zip bomb (a small file that
 * inflates to gigabytes) is refused before mammoth builds a string of it.
 */
export async function importDocx(
  bytes: Uint8Array,
  fileName: string,
  context: ImportContext,
): Promise<DocxResult> {
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
  context.progress({ stage: 'checking' })
  await refuseZipBomb(zip, fileName, context.limits)
  context.progress({ stage: 'extracting' })
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

/**
 * Inflates every part as a stream, counting bytes, and stops at the first that goes past
 * its limit (or past the limit of all parts together). The sizes a zip declares are not
 * trusted: they are what a bomb lies about.
 */
async function refuseZipBomb(zip: JSZip, fileName: string, limits: ImportLimits): Promise<void> {
  const parts = Object.values(zip.files).filter((entry) => !entry.dir)
  if (parts.length > limits.maxZipEntries) {
    throw new AppError(
      'payload_too_large',
      `"${fileName}" holds ${parts.length.toLocaleString('en')} files; a Word document has far fewer (Sightline reads up to ${limits.maxZipEntries.toLocaleString('en')}). It was not imported.`,
    )
  }
  let total = 0
  for (const part of parts) {
    const size = await inflatedSize(
      part,
      Math.min(limits.maxZipEntryBytes, limits.maxZipTotalBytes - total),
    )
    if (size === null) {
      const whole = limits.maxZipTotalBytes - total < limits.maxZipEntryBytes
      throw new AppError(
        'payload_too_large',
        whole
          ? `"${fileName}" expands to more than ${megabytes(limits.maxZipTotalBytes)} once unzipped; Sightline reads Word files of up to ${megabytes(limits.maxZipTotalBytes)} unzipped. It was not imported.`
          : `"${fileName}" expands to more than ${megabytes(limits.maxZipEntryBytes)} once unzipped (in ${part.name.slice(0, 200)}); Sightline reads Word files whose parts stay under ${megabytes(limits.maxZipEntryBytes)}. It was not imported.`,
      )
    }
    total += size
  }
}

/** The inflated size of a zip entry, or null as soon as it passes `cap`. */
function inflatedSize(entry: JSZip.JSZipObject, cap: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer')
    let size = 0
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > cap) {
        stream.pause()
        stream.removeAllListeners('data')
        resolve(null)
      }
    })
    stream.on('end', () => resolve(size))
    stream.on('error', (error) =>
      reject(
        new AppError(
          'invalid_input',
          `A part of the Word file could not be unzipped (${(error as Error).message}); it was not imported.`,
        ),
      ),
    )
  })
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

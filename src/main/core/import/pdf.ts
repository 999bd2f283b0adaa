import { normalizeText } from '../../../shared/text'
import { AppError } from '../errors'
import { isoDate } from './html'
import { duration, type ImportContext } from './limits'
import { foldPresentationForms, lettersDrawnJoined, lineText, type PlacedText } from './pdf-lines'
import type { DocumentMetadata } from './types'

export interface PdfResult {
  text: string
  pages: number[]
  metadata: DocumentMetadata
}

interface TextLine {
  text: string
  y: number
  height: number
}

interface LineItems {
  items: PlacedText[]
  y: number
  height: number
}

/**
 * A PDF's text layer with pdfjs-dist (legacy build for Node, eval disabled): lines are
 * rebuilt from the items' positions and put into logical reading order (pdf-lines.ts: Dari
 * and Pashto come out as letters, not glyph forms, in the order they are read), joined into
 * paragraphs where the vertical gap is a normal line step, hyphenated line breaks are
 * repaired, and each page's start offset is kept so a quote can name its page.
 */
export async function importPdf(
  bytes: Uint8Array,
  fileName: string,
  context: ImportContext,
): Promise<PdfResult> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  let pdf: Awaited<typeof task.promise>
  try {
    pdf = await task.promise
  } catch (error) {
    await task.destroy().catch(() => undefined)
    const name = (error as { name?: string }).name
    if (name === 'PasswordException') {
      throw new AppError(
        'invalid_input',
        `"${fileName}" is password-protected; Sightline cannot read encrypted PDFs. Save an unprotected copy and import that.`,
      )
    }
    throw new AppError(
      'invalid_input',
      `"${fileName}" is not a readable PDF (${(error as Error).message}); it was not imported.`,
    )
  }
  try {
    const { maxPdfPages, timeoutMs } = context.limits
    if (pdf.numPages > maxPdfPages) {
      throw new AppError(
        'payload_too_large',
        `"${fileName}" has ${pdf.numPages.toLocaleString('en')} pages; Sightline imports PDFs of up to ${maxPdfPages.toLocaleString('en')} pages. Split it and import the parts.`,
      )
    }
    const pageTexts: string[] = []
    for (let number = 1; number <= pdf.numPages; number++) {
      if (performance.now() > context.deadline) {
        throw new AppError(
          'payload_too_large',
          `"${fileName}" took longer than ${duration(timeoutMs)} to read (stopped at page ${number} of ${pdf.numPages}); it was not imported.`,
        )
      }
      context.progress({ stage: 'pages', done: number - 1, total: pdf.numPages })
      const page = await pdf.getPage(number)
      const content = await page.getTextContent()
      const lines: LineItems[] = []
      let current: LineItems | null = null
      for (const item of content.items) {
        if (!('str' in item)) continue
        const y = item.transform[5] ?? 0
        const height = Math.abs(item.height || item.transform[3] || 0)
        if (current && Math.abs(current.y - y) > Math.max(2, height * 0.5)) {
          lines.push(current)
          current = null
        }
        current ??= { items: [], y, height }
        current.items.push({
          str: item.str,
          dir: item.dir,
          x: item.transform[4] ?? 0,
          width: item.width,
          height,
        })
        current.height = Math.max(current.height, height)
        if (item.hasEOL) {
          lines.push(current)
          current = null
        }
      }
      if (current) lines.push(current)
      const shaped = lines.map(({ items, y, height }) => ({ text: lineText(items), y, height }))
      const drawnJoined = lettersDrawnJoined(shaped.map((line) => line.text).join('\n'))
      const textLines: TextLine[] = shaped.map((line) => ({
        ...line,
        text: foldPresentationForms(line.text, drawnJoined),
      }))
      pageTexts.push(normalizeText(joinLines(textLines.filter((l) => l.text.trim() !== ''))))
      page.cleanup()
    }
    // An empty page starts where the next page with text starts.
    const pages: number[] = []
    let text = ''
    let emptyPages = 0
    for (const pageText of pageTexts) {
      if (!pageText) {
        emptyPages++
        continue
      }
      if (text) text += '\n\n'
      for (; emptyPages >= 0; emptyPages--) pages.push(text.length)
      emptyPages = 0
      text += pageText
    }
    for (; emptyPages > 0; emptyPages--) pages.push(text.length)
    if (!text) {
      throw new AppError(
        'invalid_input',
        `"${fileName}" has no text layer (it may be a scanned image); run OCR on it first, then import the result.`,
      )
    }
    if (normalizeText(text) !== text) {
      // Cannot happen with normalized, trimmed pages joined by blank lines; never store skewed offsets.
      throw new Error('page texts did not join into normalized text')
    }
    return { text, pages, metadata: await pdfMetadata(pdf) }
  } finally {
    await pdf.destroy()
  }
}

/** Lines to paragraphs: a gap well above the usual line step starts a new paragraph. */
function joinLines(lines: TextLine[]): string {
  if (lines.length === 0) return ''
  const steps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const step = lines[i - 1]!.y - lines[i]!.y
    if (step > 0) steps.push(step)
  }
  steps.sort((a, b) => a - b)
  // The lower quartile, not the median: in short paragraphs (two lines each) half the steps
  // are paragraph gaps.
  const usual = steps[Math.floor((steps.length - 1) / 4)] ?? 0
  let out = lines[0]!.text.trim()
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.text.trim()
    const step = lines[i - 1]!.y - lines[i]!.y
    const newParagraph = step <= 0 || (usual > 0 && step > usual * 1.4)
    if (newParagraph) {
      out += `\n\n${line}`
    } else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line)) {
      out = out.slice(0, -1) + line
    } else {
      out += ` ${line}`
    }
  }
  return out
}

async function pdfMetadata(pdf: {
  getMetadata(): Promise<{ info: unknown }>
}): Promise<DocumentMetadata> {
  const metadata: DocumentMetadata = {}
  try {
    const { info } = await pdf.getMetadata()
    const fields = (info ?? {}) as Record<string, unknown>
    const title = typeof fields.Title === 'string' ? usefulTitle(fields.Title) : undefined
    if (title) metadata.title = title
    const author = typeof fields.Author === 'string' ? fields.Author.trim() : ''
    if (author) metadata.author = author
    const created =
      typeof fields.CreationDate === 'string' ? pdfDate(fields.CreationDate) : undefined
    if (created) metadata.publishedAt = created
  } catch {
    // Metadata is a convenience; a PDF with a broken info dictionary still imports.
  }
  return metadata
}

/**
 * A PDF's Title entry unless it is what printing tools leave behind: a blank page's
 * address, "Untitled", a file name or path; "Microsoft Word - " prefixes are dropped.
 */
export function usefulTitle(raw: string): string | undefined {
  const title = raw.replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, '').trim()
  if (!title) return undefined
  if (/^(?:about:blank|untitled(?:\s*\d*)?|document\d*|\(anonymous\))$/i.test(title))
    return undefined
  if (/^(?:[a-z]+:\/\/|[A-Za-z]:\\|\/)/.test(title)) return undefined
  if (/^[^\s]+\.(?:docx?|pdf|html?|txt|odt|rtf|pptx?)$/i.test(title)) return undefined
  return title
}

/** "D:20240131…" to "2024-01-31". */
function pdfDate(value: string): string | undefined {
  const match = /^D?:?(\d{4})(\d{2})?(\d{2})?/.exec(value)
  if (!match) return undefined
  return isoDate(`${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}`)
}

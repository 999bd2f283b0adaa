import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { normalizeText } from '../../../shared/text'
import { AppError } from '../errors'
import { decodeTextFile, decodeWithLabel } from './decode'
import { megabytes, type ImportLimits } from './limits'
import type { DocumentMetadata } from './types'

/** Elements whose content is never article text. */
const DROPPED =
  'script, style, noscript, template, iframe, svg, canvas, form, button, select, input'
/** Page furniture dropped when Readability finds no article and the whole body is used. */
const FURNITURE =
  'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]'
const IN_ARTICLE_FURNITURE = 'nav, footer, [role="navigation"], [role="contentinfo"]'
const PARAGRAPH_BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'FIGURE',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'ADDRESS',
  'HR',
  'NAV',
  'DETAILS',
  'SUMMARY',
])
const LINE_BLOCKS = new Set(['LI', 'TR', 'DT', 'DD', 'CAPTION'])
/** Navigation leftovers such as "Back to top ↑" that survive extraction as lone lines. */
const LEFTOVER_LINE =
  /^(?:[↑⬆^]\s*)?(?:back|scroll|return|go|jump)\s+(?:to|up)\s*(?:the\s+)?(?:top|start)(?:\s+of\s+(?:the\s+)?page)?\s*[↑⬆^]?$|^skip\s+to\s+(?:main\s+)?content$/i

export interface HtmlResult {
  text: string
  metadata: DocumentMetadata
  notes: string[]
}

/**
 * A saved web page: its article body (Readability over linkedom) and its metadata. The
 * page's size and shape are checked after one parse and before Readability, whose walks
 * recurse into the tree.
 */
export function importHtml(bytes: Uint8Array, fileName: string, limits: ImportLimits): HtmlResult {
  const notes: string[] = []
  const html = decodeHtml(bytes, fileName, notes)
  if (html.length > limits.maxHtmlChars) {
    throw new AppError(
      'payload_too_large',
      `"${fileName}" holds ${megabytes(html.length)} of HTML; Sightline reads web pages of up to ${megabytes(limits.maxHtmlChars)}. It was not imported.`,
    )
  }
  const { document: checked } = parseHTML(html)
  refuseOversizedTree(checked.documentElement as unknown as DomNode, fileName, limits)
  const metadata = readMetadata(checked)
  const { document } = parseHTML(html)
  const article = readArticle(document)
  let text = ''
  if (article?.content) {
    text = htmlToText(article.content)
    if (article.title && !metadata.title) metadata.title = article.title.trim()
    if (article.byline && !metadata.author) metadata.author = cleanByline(article.byline)
    if (article.siteName && !metadata.publisher) metadata.publisher = article.siteName.trim()
    const published = isoDate(article.publishedTime)
    if (published && !metadata.publishedAt) metadata.publishedAt = published
  }
  if (!text) {
    const { document: page } = parseHTML(html)
    const body = page.querySelector('body') ?? page.documentElement
    for (const node of body.querySelectorAll(`${DROPPED}, ${FURNITURE}`)) node.remove()
    text = elementToText(body)
  }
  return { text, metadata, notes }
}

/** Readability's article, or null when it finds none or trips over the page. */
function readArticle(document: unknown): ReturnType<Readability<string>['parse']> {
  try {
    return new Readability(document as ConstructorParameters<typeof Readability>[0], {
      keepClasses: false,
    }).parse()
  } catch {
    return null
  }
}

function decodeHtml(bytes: Uint8Array, fileName: string, notes: string[]): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  const declared =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe
  if (declared && !hasBom && declared !== 'utf-8' && declared !== 'utf8') {
    return decodeWithLabel(bytes, declared, fileName)
  }
  const decoded = decodeTextFile(bytes, fileName)
  if (decoded.note) notes.push(decoded.note)
  return decoded.text
}

function readMetadata(document: ReturnType<typeof parseHTML>['document']): DocumentMetadata {
  const meta = (...names: string[]): string | undefined => {
    for (const name of names) {
      const element =
        document.querySelector(`meta[property="${name}"]`) ??
        document.querySelector(`meta[name="${name}"]`) ??
        document.querySelector(`meta[itemprop="${name}"]`)
      const content = element?.getAttribute('content')?.trim()
      if (content) return content
    }
    return undefined
  }
  const metadata: DocumentMetadata = {}
  const title =
    meta('og:title', 'twitter:title') ?? document.querySelector('title')?.textContent?.trim()
  if (title) metadata.title = title
  const author = meta('author', 'article:author', 'parsely-author', 'dc.creator')
  if (author && !/^https?:/i.test(author)) metadata.author = author
  const publisher = meta('og:site_name', 'application-name', 'publisher', 'dc.publisher')
  if (publisher) metadata.publisher = publisher
  const published = isoDate(
    meta(
      'article:published_time',
      'og:published_time',
      'datePublished',
      'date',
      'dc.date',
      'pubdate',
    ) ??
      document.querySelector('time[datetime]')?.getAttribute('datetime') ??
      undefined,
  )
  if (published) metadata.publishedAt = published
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('og:url')
  if (url && /^https?:\/\//i.test(url)) metadata.url = url.trim()
  const lang = document.documentElement?.getAttribute('lang')?.trim()
  if (lang) metadata.language = lang
  return metadata
}

/** Converts an HTML fragment to plain text with paragraph breaks. */
function htmlToText(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`)
  const body = document.querySelector('body')
  if (!body) return ''
  // Readability falls back to menus and footers when a page has nothing else.
  for (const node of body.querySelectorAll(`${DROPPED}, ${IN_ARTICLE_FURNITURE}`)) node.remove()
  return elementToText(body)
}

/** The few DOM members the text walk needs (main has no DOM typings; linkedom provides these). */
interface DomNode {
  nodeType: number
  childNodes: ArrayLike<DomNode>
  tagName?: string
  data?: string
}

/** Walks the tree without recursion and refuses one too deep or too large. */
function refuseOversizedTree(root: DomNode, fileName: string, limits: ImportLimits): void {
  const stack: [DomNode, number][] = [[root, 1]]
  let elements = 0
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (node.nodeType !== 1) continue
    elements++
    if (elements > limits.maxHtmlElements) {
      throw new AppError(
        'payload_too_large',
        `"${fileName}" has more than ${limits.maxHtmlElements.toLocaleString('en')} HTML elements; Sightline reads web pages up to that size. It was not imported.`,
      )
    }
    if (depth > limits.maxHtmlDepth) {
      throw new AppError(
        'payload_too_large',
        `"${fileName}" nests its HTML elements more than ${limits.maxHtmlDepth} levels deep; no readable page does, so it was not imported.`,
      )
    }
    for (const child of Array.from(node.childNodes)) stack.push([child, depth + 1])
  }
}

function elementToText(root: DomNode): string {
  const parts: string[] = []
  const walk = (node: DomNode, preformatted: boolean): void => {
    if (node.nodeType === 3) {
      const data = node.data ?? ''
      parts.push(preformatted ? data : data.replace(/\s+/g, ' '))
      return
    }
    if (node.nodeType !== 1) return
    const tag = (node.tagName ?? '').toUpperCase()
    if (tag === 'BR') {
      parts.push('\n')
      return
    }
    const separator = PARAGRAPH_BLOCKS.has(tag) ? '\n\n' : LINE_BLOCKS.has(tag) ? '\n' : ''
    if (separator) parts.push(separator)
    if (tag === 'TD' || tag === 'TH') parts.push(' ')
    for (const child of Array.from(node.childNodes)) walk(child, preformatted || tag === 'PRE')
    if (separator) parts.push(separator)
  }
  walk(root, false)
  const text = normalizeText(parts.join(''))
  return normalizeText(
    text
      .split('\n')
      .filter((line) => !LEFTOVER_LINE.test(line.trim()))
      .join('\n'),
  )
}

function cleanByline(byline: string): string {
  return byline
    .replace(/^\s*by\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The calendar date of a timestamp or date string, when it is one. */
export function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  const direct = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())
  if (direct?.[1] && !Number.isNaN(Date.parse(direct[1]))) return direct[1]
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10)
}

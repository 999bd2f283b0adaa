/**
 * Citations and mentions in a note's Markdown body. A citation is a link to
 * `quote:<annotationId>`, a mention a link to `entity:<entityId>`; every view that
 * numbers citations (the note preview, reports) numbers them with `numberCitations`,
 * so a quote keeps the same number wherever the note is shown.
 *
 * The body is parsed by micromark with GFM into mdast (`parseNoteMarkdown`), the tree the
 * preview (react-markdown) and the report renderer (remark-rehype) render, so what counts
 * as a link here is exactly what renders as one there: nothing in code, HTML or footnote
 * definitions, nothing in an image's description, and reference links through the first
 * definition of their label.
 */
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'

export type NoteLinkKind = 'quote' | 'entity'

/** One citation or mention as it appears in the body. */
export interface NoteLink {
  kind: NoteLinkKind
  /** What follows the scheme; not necessarily a well-formed id (see `valid`). */
  id: string
  /** Whether `id` has the shape of a record id; a malformed one can only render broken. */
  valid: boolean
  /** The link text as written, Markdown included; the address itself for an autolink. */
  text: string
  /** Where the link starts and ends in the body (UTF-16 offsets). */
  start: number
  end: number
}

export interface NumberedCitation {
  annotationId: string
  /** 1, 2, 3… in order of first appearance; citing the same quote again reuses its number. */
  number: number
  /** How many times the body cites this quote. */
  occurrences: number
  /** Offset of the first citation in the body. */
  firstAt: number
  valid: boolean
}

export interface CitationNumbering {
  citations: NumberedCitation[]
  /** The number of each cited annotation id. */
  numberOf: ReadonlyMap<string, number>
}

const ID_SHAPE = /^[A-Za-z0-9_-]{1,128}$/
const SCHEME = /^(quote|entity):(.*)$/is

/** Reads a link destination: `quote:<id>` or `entity:<id>` (scheme case-insensitive), else null. */
export function parseNoteHref(
  href: string,
): { kind: NoteLinkKind; id: string; valid: boolean } | null {
  const match = SCHEME.exec(href.trim())
  if (!match) return null
  const kind = match[1]!.toLowerCase() as NoteLinkKind
  const id = match[2]!
  return { kind, id, valid: ID_SHAPE.test(id) }
}

const quoteHref = (annotationId: string): string => `quote:${annotationId}`
const entityHref = (entityId: string): string => `entity:${entityId}`

/** Link text that reads back as itself: one line, brackets and backslashes escaped. */
function escapeLinkText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]`*_<>]/g, (c) => `\\${c}`)
}

/** The first words of a quote, short enough to read as a citation's link text. */
export function citationText(exact: string, maxLength = 60): string {
  const words = exact.replace(/\s+/g, ' ').trim().split(' ')
  let text = ''
  for (const word of words) {
    if (text !== '' && text.length + word.length + 1 > maxLength) return `${text}…`
    text = text === '' ? word : `${text} ${word}`
  }
  return text
}

/**
 * Whether a citation's link text is the analyst's own words, to be printed before its marker.
 * Empty text, or text that only repeats the opening words of the quote it cites (what "Cite
 * in note…" writes as a readable label in the editor), is not: the sentence shows the marker
 * alone, never the quote's first words pasted into it.
 */
export function citationHasOwnWords(linkText: string, quoteExact: string | undefined): boolean {
  const words = plainLabel(linkText)
  if (words === '') return false
  if (quoteExact === undefined) return true
  return !plainLabel(quoteExact).startsWith(words)
}

/** Link text as words: Markdown escapes and emphasis marks gone, an ellipsis dropped, one case. */
function plainLabel(text: string): string {
  return text
    .replace(/\\(.)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/(?:…|\.\.\.)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase()
}

/** The Markdown of a citation of `annotationId` reading `text`. */
export function citationMarkdown(annotationId: string, text: string): string {
  return `[${escapeLinkText(text)}](${quoteHref(annotationId)})`
}

/** The Markdown of a mention of `entityId` reading `text`. */
export function mentionMarkdown(entityId: string, text: string): string {
  return `[${escapeLinkText(text)}](${entityHref(entityId)})`
}

/** A note body parsed to mdast, exactly as the preview and the reports parse it. */
export type NoteTree = ReturnType<typeof fromMarkdown>
type TreeNode = NoteTree | NoteTree['children'][number]

const PARSE_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }

export function parseNoteMarkdown(markdown: string): NoteTree {
  return fromMarkdown(markdown, PARSE_OPTIONS)
}

/** Every citation and mention in the body, in order of appearance. */
export function extractNoteLinks(markdown: string): NoteLink[] {
  return noteLinksIn(parseNoteMarkdown(markdown), markdown)
}

/** Every citation and mention of a body already parsed by `parseNoteMarkdown`. */
export function noteLinksIn(tree: NoteTree, markdown: string): NoteLink[] {
  // micromark skips a leading byte order mark and counts its offsets after it.
  const shift = markdown.charCodeAt(0) === 0xfeff ? 1 : 0
  const definitions = new Map<string, string>()
  visit(tree, (node) => {
    // The first definition of a label wins, wherever it stands (as the renderers resolve it).
    if (node.type === 'definition' && !definitions.has(node.identifier)) {
      definitions.set(node.identifier, node.url)
    }
    return true
  })
  const links: NoteLink[] = []
  visit(tree, (node) => {
    // Footnotes render apart from the text, or not at all when nothing calls them.
    if (node.type === 'footnoteDefinition') return false
    if (node.type !== 'link' && node.type !== 'linkReference') return true
    const href = node.type === 'link' ? node.url : definitions.get(node.identifier)
    const link = href === undefined ? null : parseNoteHref(href)
    const { position } = node
    // An autolink inside a link's text stays a link of its own: look inside every link.
    if (!link || position?.start.offset === undefined || position.end.offset === undefined) {
      return true
    }
    const start = position.start.offset + shift
    const end = position.end.offset + shift
    const autolink = markdown[start] === '<'
    const lastChild = node.children.at(-1)?.position?.end.offset
    const text = autolink
      ? markdown.slice(start + 1, end - 1)
      : lastChild === undefined
        ? ''
        : markdown.slice(start + 1, lastChild + shift)
    links.push({ ...link, text, start, end })
    return true
  })
  return links
}

/** Depth-first, in document order; `enter` returns false to skip a node's children. */
function visit(node: TreeNode, enter: (node: TreeNode) => boolean): void {
  if (!enter(node) || !('children' in node)) return
  for (const child of node.children) visit(child, enter)
}

/** Citations numbered by first appearance; the same annotation cited twice has one number. */
export function numberCitations(input: string | readonly NoteLink[]): CitationNumbering {
  const links = typeof input === 'string' ? extractNoteLinks(input) : input
  const byId = new Map<string, NumberedCitation>()
  for (const link of links) {
    if (link.kind !== 'quote') continue
    const seen = byId.get(link.id)
    if (seen) seen.occurrences++
    else {
      byId.set(link.id, {
        annotationId: link.id,
        number: byId.size + 1,
        occurrences: 1,
        firstAt: link.start,
        valid: link.valid,
      })
    }
  }
  const citations = [...byId.values()]
  return { citations, numberOf: new Map(citations.map((c) => [c.annotationId, c.number])) }
}

/** Distinct entity ids the body mentions, in order of first appearance. */
export function mentionedEntityIds(input: string | readonly NoteLink[]): string[] {
  const links = typeof input === 'string' ? extractNoteLinks(input) : input
  return [...new Set(links.filter((l) => l.kind === 'entity').map((l) => l.id))]
}

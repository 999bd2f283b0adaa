/**
 * A note's Markdown as report HTML. Parsed by `parseNoteMarkdown` (micromark with GFM, the
 * parser the notes preview and the citation numbering use), so a note reads the same in
 * both; turned into HTML by remark-rehype and rehype-stringify with raw HTML dropped (never
 * passed through).
 * Citations become numbered references (the analyst's link words, if any, then [n]; never the
 * quote's opening words), mentions plain emphasis, and only http, https and mailto links survive.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { citationHasOwnWords, parseNoteHref, parseNoteMarkdown } from '../../../shared/citations'
import { safeLinkUrl } from './escape'

export interface CitationMarker {
  number: number
  /** False when the annotation no longer exists: the marker prints as a broken reference. */
  known: boolean
  /** The quote's words, so a link text that only repeats them prints as the marker alone. */
  exact?: string
}

export interface NoteRenderOptions {
  /** The report-wide number of a cited annotation (numbering by first appearance). */
  cite: (annotationId: string) => CitationMarker
  /** The note's title, dropped when the body opens with the same heading. */
  title?: string
  /** How many levels to push the note's headings down (its section has the h2). */
  headingShift?: number
}

const processor = unified()
  // Raw HTML in a note becomes `raw` nodes, which rehype-stringify leaves out unless told.
  .use(remarkRehype, { allowDangerousHtml: false })

const stringifier = unified().use(rehypeStringify)

/** The note body as an HTML fragment. */
export function renderNoteMarkdown(markdown: string, options: NoteRenderOptions): string {
  const tree = processor.runSync(parseNoteMarkdown(markdown)) as HastRoot
  dropLeadingTitle(tree, options.title)
  tree.children = transformChildren(tree.children, options) as RootContent[]
  return stringifier.stringify(tree)
}

function dropLeadingTitle(tree: HastRoot, title: string | undefined): void {
  if (!title) return
  const first = tree.children.find((node) => !(node.type === 'text' && node.value.trim() === ''))
  if (
    first?.type === 'element' &&
    /^h[1-6]$/.test(first.tagName) &&
    textOf(first).trim() === title.trim()
  ) {
    tree.children.splice(tree.children.indexOf(first), 1)
  }
}

function transformChildren(
  nodes: readonly (RootContent | ElementContent)[],
  options: NoteRenderOptions,
): ElementContent[] {
  const out: ElementContent[] = []
  for (const node of nodes) {
    if (node.type === 'doctype') continue
    if (node.type !== 'element') {
      if (node.type === 'text') out.push(node)
      continue
    }
    out.push(...transformElement(node, options))
  }
  return out
}

function transformElement(node: Element, options: NoteRenderOptions): ElementContent[] {
  const children = transformChildren(node.children, options)
  const heading = /^h([1-6])$/.exec(node.tagName)
  if (heading) {
    const level = Math.min(6, Number(heading[1]) + (options.headingShift ?? 2))
    return [{ ...node, tagName: `h${level}`, children }]
  }
  if (node.tagName === 'img') {
    // Notes may not pull images into a report: anything remote would be a request.
    const alt = typeof node.properties.alt === 'string' ? node.properties.alt : ''
    return alt ? [{ type: 'text', value: `[image: ${alt}]` }] : []
  }
  if (node.tagName === 'a') {
    const href = typeof node.properties.href === 'string' ? node.properties.href : ''
    const link = parseNoteHref(href)
    if (link?.kind === 'quote') {
      const marker = options.cite(link.id)
      const ownWords = citationHasOwnWords(textOf(node), marker.exact)
      return [...(ownWords ? children : []), citationElement(marker)]
    }
    if (link?.kind === 'entity') {
      return [element('span', { className: ['mention'] }, children)]
    }
    const safe = safeLinkUrl(href)
    return safe ? [element('a', { href: safe }, children)] : children
  }
  // Keep the structure (p, ul, table, em…) but none of the attributes a note could add,
  // apart from the table alignment GFM sets.
  const properties: Element['properties'] = {}
  if (typeof node.properties.align === 'string') properties.align = node.properties.align
  if (node.tagName === 'input') return []
  if (node.tagName === 'p' || node.tagName === 'li' || node.tagName === 'td') {
    properties.dir = 'auto'
  }
  return [{ ...node, properties, children }]
}

/** The superscript [n] linking to the n-th entry of "Sources and evidence". */
function citationElement(marker: CitationMarker): Element {
  const label = `[${marker.number}]`
  return element('sup', { className: marker.known ? ['cite'] : ['cite', 'missing'] }, [
    marker.known
      ? element('a', { href: `#source-${marker.number}` }, [{ type: 'text', value: label }])
      : { type: 'text', value: label },
  ])
}

function element(
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[],
): Element {
  return { type: 'element', tagName, properties, children }
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element') return node.children.map(textOf).join('')
  return ''
}

/**
 * Citations and mentions in a note body, until the shared parser of the notes feature
 * (src/shared/citations.ts) is on main; then this file goes and its exports come from there.
 */
import type { Link, Nodes, Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

export type NoteLinkKind = 'quote' | 'entity'

export interface NoteLink {
  kind: NoteLinkKind
  id: string
  valid: boolean
  text: string
  start: number
  end: number
}

const ID_SHAPE = /^[A-Za-z0-9_-]{1,128}$/
const SCHEME = /^(quote|entity):(.*)$/is

export function parseNoteHref(
  href: string,
): { kind: NoteLinkKind; id: string; valid: boolean } | null {
  const match = SCHEME.exec(href.trim())
  if (!match) return null
  const kind = match[1]!.toLowerCase() as NoteLinkKind
  const id = match[2]!
  return { kind, id, valid: ID_SHAPE.test(id) }
}

const parser = unified().use(remarkParse).use(remarkGfm)

export function extractNoteLinks(markdown: string): NoteLink[] {
  const links: NoteLink[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'link') {
      const parsed = parseNoteHref((node as Link).url)
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (parsed && start !== undefined && end !== undefined) {
        const first = node.children[0]?.position?.start.offset ?? start + 1
        const last = node.children.at(-1)?.position?.end.offset ?? first
        links.push({ ...parsed, text: markdown.slice(first, last), start, end })
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes)
  }
  visit(parser.parse(markdown) as Root)
  return links
}

export function numberCitations(input: string | readonly NoteLink[]): {
  citations: { annotationId: string; number: number }[]
} {
  const links = typeof input === 'string' ? extractNoteLinks(input) : input
  const seen = new Map<string, number>()
  for (const link of links) {
    if (link.kind === 'quote' && !seen.has(link.id)) seen.set(link.id, seen.size + 1)
  }
  return { citations: [...seen].map(([annotationId, number]) => ({ annotationId, number })) }
}

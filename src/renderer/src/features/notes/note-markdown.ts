/**
 * How the preview reads a note's Markdown: the dialect, which URLs survive, and a cache of
 * parsed blocks, so the tree that numbers the citations is also the one react-markdown renders.
 */
import remarkGfm from 'remark-gfm'
import type { Processor } from 'unified'
import {
  noteLinksIn,
  parseNoteMarkdown,
  type NoteLink,
  type NoteTree,
} from '../../../../shared/citations'
import { splitMarkdownBlocks } from './blocks'

/** The Markdown dialect of notes: CommonMark with GitHub's tables, strikethrough and task lists. */
export const remarkPlugins = [remarkGfm]

const ALLOWED_SCHEMES = /^(?:https?|mailto|quote|entity):/i

/**
 * Every URL in a note passes here: only http(s), mailto and our own quote:/entity: links
 * survive; javascript:, data:, file:, relative paths and everything else are dropped.
 * Raw HTML needs no such care: without rehype-raw, react-markdown shows it as text.
 */
export function safeUrl(url: string): string | null {
  return ALLOWED_SCHEMES.test(url) ? url : null
}

interface ParsedBlock {
  tree: NoteTree
  links: NoteLink[]
}

/**
 * Each block parsed once per block text, and the one tree serves twice: its links number the
 * citations, and react-markdown renders it. Typing re-parses only the block it is in.
 */
const parsedBlocks = new Map<string, ParsedBlock>()

export function parseBlock(source: string): ParsedBlock {
  let parsed = parsedBlocks.get(source)
  if (!parsed) {
    if (parsedBlocks.size > 20_000) parsedBlocks.clear()
    const tree = parseNoteMarkdown(source)
    parsed = { tree, links: noteLinksIn(tree, source) }
    parsedBlocks.set(source, parsed)
  }
  return parsed
}

/** A remark plugin that hands react-markdown the tree parsed already instead of parsing again. */
export function parsedAlready(this: Processor, tree: NoteTree): void {
  this.parser = () => tree
}

/**
 * Every citation and mention of a body with its offsets in the body, read block by block
 * through the same cache as the preview, so an edit re-parses only the block it is in.
 */
export function linksOfBody(body: string): NoteLink[] {
  return splitMarkdownBlocks(body).flatMap((block) =>
    parseBlock(block.source)
      .links.filter((link) => link.end <= block.length)
      .map((link) => ({ ...link, start: link.start + block.start, end: link.end + block.start })),
  )
}

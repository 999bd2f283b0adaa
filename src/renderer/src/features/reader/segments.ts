/**
 * How the reader cuts a text for display: paragraphs (long ones split) as blocks, and
 * within each block the runs of text covered by the same set of highlights. Pure, so
 * offsets can be tested without a DOM.
 */

export interface Block {
  start: number
  end: number
  /** Set when the block starts a PDF page. */
  page?: number
}

/** Longest block; a longer paragraph is cut at a space so no single node gets huge. */
export const MAX_BLOCK_LENGTH = 2_000

/** Paragraphs of the text ('\n'-separated, empty ones dropped), long ones split. */
export function textBlocks(text: string, pages: readonly number[] = []): Block[] {
  const blocks: Block[] = []
  let lineStart = 0
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    let start = lineStart
    while (start < lineEnd) {
      let end = Math.min(lineEnd, start + MAX_BLOCK_LENGTH)
      if (end < lineEnd) {
        const space = text.lastIndexOf(' ', end)
        if (space > start + MAX_BLOCK_LENGTH / 2) end = space + 1
        else if (isLowSurrogate(text.charCodeAt(end))) end--
      }
      blocks.push({ start, end })
      start = end
    }
    if (newline === -1) break
    lineStart = newline + 1
  }
  let blockIndex = 0
  pages.forEach((pageStart, i) => {
    while (blockIndex < blocks.length && blocks[blockIndex]!.end <= pageStart) blockIndex++
    const block = blocks[blockIndex]
    if (block && block.start >= pageStart && block.page === undefined) block.page = i + 1
  })
  return blocks
}

export interface Span {
  id: string
  start: number
  end: number
}

export interface Segment {
  start: number
  end: number
  /** Ids of the spans covering this run, outermost (longest) first. */
  ids: string[]
}

/**
 * Cuts [blockStart, blockEnd) at every span boundary inside it; each run lists the
 * spans covering it, so overlapping highlights nest instead of hiding each other.
 */
export function blockSegments(
  blockStart: number,
  blockEnd: number,
  spans: readonly Span[],
): Segment[] {
  const inside = spans.filter((s) => s.start < blockEnd && s.end > blockStart)
  if (inside.length === 0) return [{ start: blockStart, end: blockEnd, ids: [] }]
  const cuts = new Set([blockStart, blockEnd])
  for (const span of inside) {
    if (span.start > blockStart) cuts.add(span.start)
    if (span.end < blockEnd) cuts.add(span.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const ordered = [...inside].sort((a, b) => b.end - b.start - (a.end - a.start))
  const segments: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    segments.push({
      start,
      end,
      ids: ordered.filter((s) => s.start <= start && s.end >= end).map((s) => s.id),
    })
  }
  return segments
}

/** Spans grouped by the blocks they touch, in one sweep (spans sorted by start). */
export function spansByBlock(blocks: readonly Block[], spans: readonly Span[]): Span[][] {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const out: Span[][] = blocks.map(() => [])
  let first = 0
  for (const span of sorted) {
    while (first < blocks.length && blocks[first]!.end <= span.start) first++
    for (let i = first; i < blocks.length && blocks[i]!.start < span.end; i++) {
      if (blocks[i]!.end > span.start) out[i]!.push(span)
    }
  }
  return out
}

/** Page number (1-based) of an offset, given page start offsets. */
export function pageOf(offset: number, pages: readonly number[] | undefined): number | null {
  if (!pages || pages.length === 0) return null
  let page = 1
  for (let i = 0; i < pages.length; i++) if (pages[i]! <= offset) page = i + 1
  return page
}

/** Shrinks a selection to exclude surrounding whitespace. */
export function trimRange(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return { start, end }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

import { memo, useMemo } from 'react'
import { useProgressiveCount } from './progressive'
import { blockSegments, spansByBlock, textBlocks, type Block, type Span } from './segments'
import './text-view.css'

export interface Highlight extends Span {
  /** Extra class: the anchor state or the search hit. */
  className?: string
}

/** Blocks mounted per step; the first steps render at once, the rest right after. */
const GROUP_SIZE = 40
const FIRST_GROUPS = 3
const GROUPS_PER_FRAME = 4

export interface HoverTarget {
  ids: string[]
  rect: DOMRect
  element: Element
}

/**
 * A source's text as paragraphs with highlights. Long texts are mounted group by group
 * over a few frames, and each group re-renders only when its highlights change.
 */
export const TextView = memo(function TextView({
  text,
  pages,
  highlights,
  reveal,
  onHover,
  rootRef,
}: {
  text: string
  pages: readonly number[] | undefined
  highlights: readonly Highlight[]
  /** Mount at least up to this offset (something is about to scroll there). */
  reveal: number | null
  onHover: (target: HoverTarget | null) => void
  rootRef: React.RefObject<HTMLDivElement | null>
}) {
  const blocks = useMemo(() => textBlocks(text, pages), [text, pages])
  const perBlock = useMemo(() => spansByBlock(blocks, highlights), [blocks, highlights])
  const groupCount = Math.ceil(blocks.length / GROUP_SIZE)
  const revealGroup = reveal === null ? -1 : Math.floor(blockIndexAt(blocks, reveal) / GROUP_SIZE)
  const shown = useProgressiveCount(groupCount, FIRST_GROUPS, GROUPS_PER_FRAME, revealGroup + 1)

  const groups: number[] = []
  for (let g = 0; g < shown; g++) groups.push(g)

  const hoverFrom = (target: EventTarget | null): void => {
    const mark = target instanceof Element ? target.closest('mark[data-ids]') : null
    if (!mark) return onHover(null)
    onHover({
      ids: (mark.getAttribute('data-ids') ?? '').split(' '),
      rect: mark.getBoundingClientRect(),
      element: mark,
    })
  }

  return (
    <div
      ref={rootRef}
      className="reader-text"
      role="document"
      aria-label="Source text"
      aria-busy={shown < groupCount}
      onMouseOver={(e) => hoverFrom(e.target)}
      onMouseLeave={() => onHover(null)}
      onFocus={(e) => hoverFrom(e.target)}
      onBlur={() => onHover(null)}
    >
      {groups.map((g) => (
        <BlockGroup
          key={g}
          text={text}
          blocks={blocks.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE)}
          spans={perBlock.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE)}
        />
      ))}
    </div>
  )
})

const BlockGroup = memo(
  function BlockGroup({
    text,
    blocks,
    spans,
  }: {
    text: string
    blocks: Block[]
    spans: Highlight[][]
  }) {
    return (
      <>
        {blocks.map((block, i) => (
          <p
            key={block.start}
            // Each paragraph takes its direction from its own first letters: a Dari paragraph
            // reads right to left among English ones, and selection offsets stay logical.
            dir="auto"
            className="reader-block"
            data-block-start={block.start}
            data-page={block.page}
          >
            {blockSegments(block.start, block.end, spans[i] ?? []).map((segment) => {
              const piece = text.slice(segment.start, segment.end)
              if (segment.ids.length === 0) return piece
              const covering = (spans[i] ?? []).filter((s) => segment.ids.includes(s.id))
              const startsHere = covering.some((s) => s.start === segment.start)
              const classes = covering.map((s) => s.className).filter(Boolean)
              return (
                <mark
                  key={segment.start}
                  data-ids={segment.ids.join(' ')}
                  data-depth={Math.min(segment.ids.length, 3)}
                  className={classes.join(' ') || undefined}
                  tabIndex={
                    startsHere && !segment.ids.every((id) => id.startsWith('__')) ? 0 : undefined
                  }
                >
                  {piece}
                </mark>
              )
            })}
          </p>
        ))}
      </>
    )
  },
  (before, after) =>
    before.text === after.text &&
    before.blocks.length === after.blocks.length &&
    before.blocks.every((b, i) => b === after.blocks[i]) &&
    before.spans.every((list, i) => sameSpans(list, after.spans[i] ?? [])),
)

function sameSpans(a: readonly Highlight[], b: readonly Highlight[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (s, i) =>
        s.id === b[i]!.id &&
        s.start === b[i]!.start &&
        s.end === b[i]!.end &&
        s.className === b[i]!.className,
    )
  )
}

function blockIndexAt(blocks: readonly Block[], offset: number): number {
  let low = 0
  let high = blocks.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (blocks[mid]!.start <= offset) low = mid
    else high = mid - 1
  }
  return low
}

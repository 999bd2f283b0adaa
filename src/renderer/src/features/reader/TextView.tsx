import { Fragment, memo, useMemo, type ReactNode } from 'react'
import { useProgressiveCount } from './progressive'
import { mentionEntityId, type Mention } from './entity-mentions'
import { holdMention, isMention, moveMentionFocus, releaseMention } from './mention-focus'
import { blockSegments, spansByBlock, textBlocks, type Block, type Span } from './segments'
import { t } from '../../ui/i18n'
import './text-view.css'

export interface Highlight extends Span {
  /** Extra class: the kind, the anchor state or the search hit. */
  className?: string
  /** A short mark drawn after the highlight's last letter (the Admiralty grade, "B2"). */
  grade?: string
}

const NO_MENTIONS: readonly Mention[] = []

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
  mentions = NO_MENTIONS,
  onOpenEntity,
}: {
  text: string
  pages: readonly number[] | undefined
  highlights: readonly Highlight[]
  /** Known entities named in the text (ids from entity-mentions.ts), underlined. */
  mentions?: readonly Mention[]
  /** A click (not a selection) or Enter on an underlined name. */
  onOpenEntity?: (entityId: string) => void
  /** Mount at least up to this offset (something is about to scroll there). */
  reveal: number | null
  onHover: (target: HoverTarget | null) => void
  rootRef: React.RefObject<HTMLDivElement | null>
}) {
  const blocks = useMemo(() => textBlocks(text, pages), [text, pages])
  const perBlock = useMemo(() => spansByBlock(blocks, highlights), [blocks, highlights])
  const mentionsPerBlock = useMemo(() => spansByBlock(blocks, mentions), [blocks, mentions])
  const groupCount = Math.ceil(blocks.length / GROUP_SIZE)
  const revealGroup = reveal === null ? -1 : Math.floor(blockIndexAt(blocks, reveal) / GROUP_SIZE)
  const shown = useProgressiveCount(groupCount, FIRST_GROUPS, GROUPS_PER_FRAME, revealGroup + 1)

  const groups: number[] = []
  for (let g = 0; g < shown; g++) groups.push(g)

  const openMention = (target: EventTarget | null): boolean => {
    const mention = target instanceof Element ? target.closest('[data-entity-id]') : null
    const id = mention?.getAttribute('data-entity-id')
    if (!id || !onOpenEntity) return false
    onOpenEntity(id)
    return true
  }

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
      aria-label={t('reader.sourceText')}
      aria-busy={shown < groupCount}
      onMouseOver={(e) => hoverFrom(e.target)}
      onMouseLeave={() => onHover(null)}
      onFocus={(e) => hoverFrom(e.target)}
      onBlur={(e) => {
        onHover(null)
        if (isMention(e.target)) releaseMention(e.target)
      }}
      onKeyDown={(e) => {
        // Moving through the names by key (the reader's N command focuses the first).
        const root = rootRef.current
        if (!root || !isMention(e.target) || e.ctrlKey || e.metaKey || e.altKey) return
        const mention = e.target
        if (e.key === 'ArrowRight' || e.key === 'ArrowDown') moveMentionFocus(root, mention, 1)
        else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') moveMentionFocus(root, mention, -1)
        else if (e.key === 'Enter' || e.key === ' ') {
          holdMention(mention)
          openMention(mention)
        } else if (e.key === 'Escape') mention.blur()
        else return
        e.preventDefault()
      }}
      onClick={(e) => {
        // A drag that selected text is the start of an annotation, not a click on a name.
        if (window.getSelection()?.isCollapsed !== false) openMention(e.target)
      }}
    >
      {groups.map((g) => (
        <BlockGroup
          key={g}
          text={text}
          blocks={blocks.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE)}
          spans={perBlock.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE)}
          mentions={mentionsPerBlock.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE)}
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
    mentions,
  }: {
    text: string
    blocks: Block[]
    spans: Highlight[][]
    mentions: Mention[][]
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
              // Names are cut inside a highlight's run, so a highlight stays one <mark>.
              const named = namedPieces(text, segment, mentions[i] ?? [])
              if (segment.ids.length === 0) return <Fragment key={segment.start}>{named}</Fragment>
              const covering = (spans[i] ?? []).filter((s) => segment.ids.includes(s.id))
              const startsHere = covering.some((s) => s.start === segment.start)
              const classes = covering.map((s) => s.className).filter(Boolean)
              const grades = covering
                .filter((s) => s.end === segment.end && s.grade)
                .map((s) => s.grade)
              return (
                <mark
                  key={segment.start}
                  data-ids={segment.ids.join(' ')}
                  data-depth={Math.min(segment.ids.length, 3)}
                  data-grade={grades.length > 0 ? grades.join(' ') : undefined}
                  className={classes.join(' ') || undefined}
                  tabIndex={
                    startsHere && !segment.ids.every((id) => id.startsWith('__')) ? 0 : undefined
                  }
                >
                  {named}
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
    before.spans.every((list, i) => sameSpans(list, after.spans[i] ?? [])) &&
    before.mentions.every((list, i) => sameSpans(list, after.mentions[i] ?? [])),
)

/**
 * A run of text with the known names in it as underlined, clickable pieces. They take no
 * focus: a focusable element under the pointer stops a drag from selecting text, and
 * selecting is how a passage is annotated.
 */
function namedPieces(
  text: string,
  run: { start: number; end: number },
  mentions: readonly Mention[],
): ReactNode {
  const inside = mentions.filter((m) => m.start < run.end && m.end > run.start)
  if (inside.length === 0) return text.slice(run.start, run.end)
  const pieces: ReactNode[] = []
  let at = run.start
  for (const mention of inside) {
    const from = Math.max(run.start, mention.start)
    const to = Math.min(run.end, mention.end)
    if (from > at) pieces.push(text.slice(at, from))
    pieces.push(
      <span
        key={from}
        className="entity-mention"
        data-entity-id={mentionEntityId(mention.id) ?? undefined}
        role="button"
      >
        {text.slice(from, to)}
      </span>,
    )
    at = to
  }
  if (at < run.end) pieces.push(text.slice(at, run.end))
  return pieces
}

function sameSpans(
  a: readonly (Highlight & Mention)[],
  b: readonly (Highlight & Mention)[],
): boolean {
  return (
    a.length === b.length &&
    a.every(
      (s, i) =>
        s.id === b[i]!.id &&
        s.start === b[i]!.start &&
        s.end === b[i]!.end &&
        s.className === b[i]!.className &&
        s.grade === b[i]!.grade,
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

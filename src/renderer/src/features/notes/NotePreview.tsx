import { createContext, memo, useContext, useId, useMemo, useState, type ReactNode } from 'react'
import Markdown, { type Components } from 'react-markdown'
import remarkGfm from 'remark-gfm'
import type { PluggableList, Processor } from 'unified'
import {
  mentionedEntityIds,
  noteLinksIn,
  numberCitations,
  parseNoteHref,
  parseNoteMarkdown,
  type CitationNumbering,
  type NoteLink,
  type NoteTree,
} from '../../../../shared/citations'
import type { CitedQuote, MentionedEntity } from '../../../../shared/contract'
import { useResolvedLinks } from '../../api/notes'
import { splitMarkdownBlocks, type MarkdownBlock as MarkdownBlockSource } from './blocks'
import { formatDay, gradeCode, gradeMeaning } from './grades'
import { entityViewHref, readerHref } from '../../routes/links'

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

export interface ResolvedLinks {
  quotes: ReadonlyMap<string, CitedQuote>
  entities: ReadonlyMap<string, MentionedEntity>
  /** False until the first answer: chips show their number without details. */
  loaded: boolean
}

export interface LinkTargets {
  numberOf: ReadonlyMap<string, number>
  resolved: ResolvedLinks
}

const EMPTY_TARGETS: LinkTargets = {
  numberOf: new Map(),
  resolved: { quotes: new Map(), entities: new Map(), loaded: false },
}

/**
 * Chips read their number and their quote from here, so a change of numbering or of what a
 * quote says re-renders the chips, never the parse of the Markdown around them.
 */
const LinkTargetsContext = createContext<LinkTargets>(EMPTY_TARGETS)

/** Numbering that keeps its identity while the sequence of cited ids stays the same. */
function useStableNumbering(links: readonly NoteLink[]): CitationNumbering {
  const key = links
    .filter((link) => link.kind === 'quote')
    .map((link) => link.id)
    .join('\n')
  return useMemo(
    () =>
      numberCitations(
        key === ''
          ? []
          : key.split('\n').map((id) => ({
              kind: 'quote' as const,
              id,
              valid: parseNoteHref(`quote:${id}`)?.valid ?? false,
              text: '',
              start: 0,
              end: 0,
            })),
      ),
    [key],
  )
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

function parseBlock(source: string): ParsedBlock {
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
function parsedAlready(this: Processor, tree: NoteTree): void {
  this.parser = () => tree
}

/** A note's body rendered: citations as numbered chips, mentions as entity chips. */
export const NotePreview = memo(function NotePreview({ body }: { body: string }) {
  const blocks = useMemo(() => splitMarkdownBlocks(body), [body])
  const links = useMemo(() => blocks.flatMap((block) => parseBlock(block.source).links), [blocks])
  const numbering = useStableNumbering(links)
  const entityKey = mentionedEntityIds(links.filter((link) => link.valid)).join('\n')
  const annotationIds = useMemo(
    () => numbering.citations.filter((c) => c.valid).map((c) => c.annotationId),
    [numbering],
  )
  const entityIds = useMemo(() => (entityKey === '' ? [] : entityKey.split('\n')), [entityKey])
  const resolution = useResolvedLinks(annotationIds, entityIds)
  const resolved = useMemo<ResolvedLinks>(
    () => ({
      quotes: new Map(resolution.data?.quotes.map((q) => [q.annotationId, q])),
      entities: new Map(resolution.data?.entities.map((e) => [e.entityId, e])),
      loaded: resolution.data !== undefined || annotationIds.length + entityIds.length === 0,
    }),
    [resolution.data, annotationIds.length, entityIds.length],
  )
  const targets = useMemo(() => ({ numberOf: numbering.numberOf, resolved }), [numbering, resolved])
  return (
    <div className="note-preview">
      <RenderedMarkdown blocks={blocks} targets={targets} />
      {numbering.citations.length > 0 && <CitedQuotes numbering={numbering} resolved={resolved} />}
    </div>
  )
})

/** The body in blocks, each parsed again only when its own text changes. */
export function RenderedMarkdown({
  blocks,
  targets,
}: {
  blocks: readonly MarkdownBlockSource[]
  targets: LinkTargets
}) {
  return (
    <LinkTargetsContext value={targets}>
      <div className="markdown">
        {blocks.map((block) => (
          <MarkdownBlock key={block.key} source={block.source} />
        ))}
      </div>
    </LinkTargetsContext>
  )
}

const MarkdownBlock = memo(function MarkdownBlock({ source }: { source: string }) {
  const plugins = useMemo(
    (): PluggableList => [...remarkPlugins, [parsedAlready, parseBlock(source).tree]],
    [source],
  )
  return (
    <Markdown remarkPlugins={plugins} urlTransform={safeUrl} components={COMPONENTS}>
      {source}
    </Markdown>
  )
})

/** How links and images render in a note: never a request, never a script. */
const COMPONENTS: Components = {
  a: NoteAnchor,
  // Images would be fetched; a note shows what they were instead.
  img: ({ alt }) => <span className="removed-image">[image{alt ? `: ${alt}` : ''}]</span>,
}

function NoteAnchor({ href, children }: { href?: string | undefined; children?: ReactNode }) {
  const { numberOf, resolved } = useContext(LinkTargetsContext)
  if (!href) return <RemovedLink>{children}</RemovedLink>
  const target = parseNoteHref(href)
  if (!target) {
    return (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    )
  }
  if (target.kind === 'quote') {
    return (
      <>
        <span className="cited-text">{children}</span>
        <CitationChip
          annotationId={target.id}
          number={numberOf.get(target.id)}
          quote={target.valid ? resolved.quotes.get(target.id) : undefined}
          loaded={resolved.loaded || !target.valid}
        />
      </>
    )
  }
  return (
    <MentionChip
      entityId={target.id}
      entity={target.valid ? resolved.entities.get(target.id) : undefined}
      loaded={resolved.loaded || !target.valid}
    >
      {children}
    </MentionChip>
  )
}

function RemovedLink({ children }: { children?: ReactNode }) {
  return (
    <span
      className="removed-link"
      title="Link removed: notes keep only http, https, mailto, quote and entity links."
    >
      {children}
    </span>
  )
}

/**
 * The wrapper of a chip and its card; the card opens to the left of chips near the right
 * edge of the window, so it is never cut off.
 */
function CitationBox({ children, broken = false }: { children: ReactNode; broken?: boolean }) {
  const [openLeft, setOpenLeft] = useState(false)
  const place = (element: HTMLElement): void =>
    setOpenLeft(element.getBoundingClientRect().left > window.innerWidth - 400)
  return (
    <span
      className={`citation${broken ? ' is-broken' : ''}${openLeft ? ' opens-left' : ''}`}
      onPointerEnter={(event) => place(event.currentTarget)}
      onFocus={(event) => place(event.currentTarget)}
    >
      {children}
    </span>
  )
}

export function CitationChip({
  annotationId,
  number,
  quote,
  loaded,
}: {
  annotationId: string
  number: number | undefined
  quote: CitedQuote | undefined
  loaded: boolean
}) {
  const tipId = useId()
  const label = number === undefined ? '' : String(number)
  if (!loaded) {
    return (
      <CitationBox>
        <span className="citation-chip" aria-label={`Citation [${label}]`}>
          [{label}]
        </span>
      </CitationBox>
    )
  }
  if (!quote || quote.status === 'missing') {
    return (
      <CitationBox>
        <span
          className="citation-chip broken"
          tabIndex={0}
          aria-label={`Citation [${label}]: broken citation`}
          aria-describedby={tipId}
        >
          [broken citation]
        </span>
        <span role="tooltip" id={tipId} className="citation-tip">
          <strong>Broken citation {label && `[${label}]`}.</strong> The quote it cites (
          <code>{annotationId}</code>) no longer exists: it was deleted, or the link was mistyped.
          Cite another quote or remove this link.
        </span>
      </CitationBox>
    )
  }
  const href = readerHref(quote.sourceId, quote.annotationId)
  if (quote.status === 'orphaned') {
    return (
      <CitationBox>
        <a
          className="citation-chip broken"
          href={href}
          aria-label={`Citation [${label}]: broken citation`}
          aria-describedby={tipId}
        >
          [broken citation]
        </a>
        <span role="tooltip" id={tipId} className="citation-tip">
          <strong>Broken citation {label && `[${label}]`}.</strong> The passage of this quote could
          not be found again after “{quote.sourceTitle}” changed. Open the source to re-select it.
          The quote read: <q>{quote.exact}</q>
        </span>
      </CitationBox>
    )
  }
  return (
    <CitationBox>
      <a
        className="citation-chip"
        href={href}
        aria-label={`Citation [${label}]`}
        aria-describedby={tipId}
      >
        [{label}]
      </a>
      <span role="tooltip" id={tipId} className="citation-tip">
        <q className="citation-quote">{quote.exact}</q>
        <span className="citation-source">{quote.sourceTitle}</span>
        <span className="citation-meta">
          {formatDay(quote.sourceDate)} · grade {gradeCode(quote)} ({gradeMeaning(quote)})
        </span>
      </span>
    </CitationBox>
  )
}

function MentionChip({
  entityId,
  entity,
  loaded,
  children,
}: {
  entityId: string
  entity: MentionedEntity | undefined
  loaded: boolean
  children?: ReactNode
}) {
  if (!loaded) return <span className="mention">{children}</span>
  if (!entity || entity.status === 'missing') {
    return (
      <span
        className="mention broken"
        title={`This mention points to an entity that no longer exists (${entityId}).`}
      >
        {children} <span className="mention-flag">[unknown entity]</span>
      </span>
    )
  }
  return (
    <a
      className={`mention mention-${entity.type}`}
      href={entityViewHref(entity.entityId, entity.type)}
      title={`${entity.name} (${entity.type})`}
    >
      {children}
    </a>
  )
}

/** The numbered list of quotes under the note, as a report would print it. */
function CitedQuotes({
  numbering,
  resolved,
}: {
  numbering: CitationNumbering
  resolved: ResolvedLinks
}) {
  return (
    <section className="cited-quotes" aria-label="Cited quotes">
      <h3>Cited quotes</h3>
      <ol>
        {numbering.citations.map((citation) => {
          const quote = citation.valid ? resolved.quotes.get(citation.annotationId) : undefined
          return (
            <li key={citation.annotationId} value={citation.number}>
              {!resolved.loaded ? (
                <span className="muted">Loading…</span>
              ) : !quote || quote.status === 'missing' ? (
                <span className="broken-text">
                  Broken citation: the quote {citation.annotationId} no longer exists.
                </span>
              ) : (
                <>
                  <q>{quote.exact}</q> — {quote.sourceTitle}, {formatDay(quote.sourceDate)}, grade{' '}
                  {gradeCode(quote)}
                  {quote.status === 'orphaned' && (
                    <span className="broken-text"> (broken: its passage was lost)</span>
                  )}
                </>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}

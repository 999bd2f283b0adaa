import { memo, useContext, useMemo, type ReactNode } from 'react'
import Markdown, { type Components } from 'react-markdown'
import type { PluggableList } from 'unified'
import type { Element as HastElement, ElementContent } from 'hast'
import { citationHasOwnWords, parseNoteHref } from '../../../../shared/citations'
import type { MarkdownBlock as MarkdownBlockSource } from './blocks'
import { CitationChip } from './CitationChip'
import { LinkTargetsContext, type LinkTargets } from './link-targets'
import { MentionChip } from './MentionChip'
import { parseBlock, parsedAlready, remarkPlugins, safeUrl } from './note-markdown'
import { t } from '../../ui/i18n'

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

/**
 * How a note renders: links and images never make a request or run a script; each block
 * takes its direction from its own text, so a Dari paragraph reads right to left.
 */
const COMPONENTS: Components = {
  p: ({ node: _node, ...props }) => <p dir="auto" {...props} />,
  li: ({ node: _node, ...props }) => <li dir="auto" {...props} />,
  blockquote: ({ node: _node, ...props }) => <blockquote dir="auto" {...props} />,
  h1: ({ node: _node, ...props }) => <h1 dir="auto" {...props} />,
  h2: ({ node: _node, ...props }) => <h2 dir="auto" {...props} />,
  h3: ({ node: _node, ...props }) => <h3 dir="auto" {...props} />,
  td: ({ node: _node, ...props }) => <td dir="auto" {...props} />,
  th: ({ node: _node, ...props }) => <th dir="auto" {...props} />,
  a: NoteAnchor,
  // Images would be fetched; a note shows what they were instead.
  img: ({ alt }) => (
    <span className="removed-image">
      {t('notes.image')}
      {alt ? `: ${alt}` : ''}]
    </span>
  ),
}

function NoteAnchor({
  href,
  children,
  node,
}: {
  href?: string | undefined
  children?: ReactNode
  node?: HastElement | undefined
}) {
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
    const quote = target.valid ? resolved.quotes.get(target.id) : undefined
    // Link text that only repeats the quote's opening words is a label for the writer: the
    // sentence reads with the marker alone.
    const ownWords = citationHasOwnWords(
      node ? textOf(node) : '',
      quote && quote.status !== 'missing' ? quote.exact : undefined,
    )
    return (
      <>
        {ownWords && <span className="cited-text">{children}</span>}
        <CitationChip
          annotationId={target.id}
          number={numberOf.get(target.id)}
          quote={quote}
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
    <span className="removed-link" title={t('notes.linkRemovedNotesKeepOnlyHttp')}>
      {children}
    </span>
  )
}

/** The words of a link as written, without its markup. */
function textOf(node: HastElement | ElementContent): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map(textOf).join('') : ''
}

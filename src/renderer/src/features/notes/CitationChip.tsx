import { useId, useState, type ReactNode } from 'react'
import type { CitedQuote } from '../../../../shared/contract'
import { readerHref } from '../../routes/links'
import { formatDay, gradeCode, gradeMeaning } from './grades'

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

/**
 * A citation's number, with a card of the quote it cites on hover or focus; a citation whose
 * quote is gone, or whose passage was lost, shows as broken and says why.
 */
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
          The quote read: <q dir="auto">{quote.exact}</q>
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
        <q className="citation-quote" dir="auto">
          {quote.exact}
        </q>
        <bdi className="citation-source">{quote.sourceTitle}</bdi>
        <span className="citation-meta">
          {formatDay(quote.sourceDate)} · grade {gradeCode(quote)} ({gradeMeaning(quote)})
        </span>
      </span>
    </CitationBox>
  )
}

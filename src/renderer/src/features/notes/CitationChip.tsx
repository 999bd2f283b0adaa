import { useId, useState, type ReactNode } from 'react'
import type { CitedQuote } from '../../../../shared/contract'
import { readerHref } from '../../routes/links'
import { formatDay, gradeCode, gradeMeaning } from './grades'
import { t } from '../../ui/i18n'

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
        <span className="citation-chip" aria-label={t('notes.citation', { label })}>
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
          aria-label={t('notes.citationBrokenCitation', { label })}
          aria-describedby={tipId}
        >
          {t('notes.brokenCitation')}
        </span>
        <span role="tooltip" id={tipId} className="citation-tip">
          <strong>
            {t('notes.brokenCitation2')} {label && `[${label}]`}.
          </strong>{' '}
          {t('notes.theQuoteItCites')}
          <code>{annotationId}</code>
          {t('notes.noLongerExistsItWasDeleted')}
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
          aria-label={t('notes.citationBrokenCitation', { label })}
          aria-describedby={tipId}
        >
          {t('notes.brokenCitation')}
        </a>
        <span role="tooltip" id={tipId} className="citation-tip">
          <strong>
            {t('notes.brokenCitation2')} {label && `[${label}]`}.
          </strong>{' '}
          {t('notes.thePassageOfThisQuoteCould', { sourceTitle: quote.sourceTitle })}{' '}
          <q dir="auto">{quote.exact}</q>
        </span>
      </CitationBox>
    )
  }
  return (
    <CitationBox>
      <a
        className="citation-chip"
        href={href}
        aria-label={t('notes.citation', { label })}
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
          {t('notes.grade', {
            day: formatDay(quote.sourceDate),
            gradeCode: gradeCode(quote),
            gradeMeaning: gradeMeaning(quote),
          })}
        </span>
      </span>
    </CitationBox>
  )
}

import { useId, useState } from 'react'
import type { ReportChoices } from '../../../../shared/contract'
import type { ReportSection } from '../../../../shared/model'
import { quotesToAdd, shorten } from './quote-choices'
import { t } from '../../ui/i18n'

/** The quotes of a quotes section, in order, and a search to add more. */
export function QuotePicker({
  section,
  n,
  choices,
  onChange,
}: {
  section: Extract<ReportSection, { kind: 'quotes' }>
  n: number
  choices: ReportChoices | undefined
  onChange: (next: ReportSection) => void
}) {
  const id = useId()
  const [search, setSearch] = useState('')
  const quotes = choices?.quotes ?? []
  const chosen = new Set(section.annotationIds)
  const matches = quotesToAdd(quotes, chosen, search)
  const byId = new Map(quotes.map((q) => [q.id, q]))
  const setIds = (annotationIds: string[]): void => onChange({ ...section, annotationIds })
  return (
    <div className="section-fields">
      <p className="muted">
        {t('reports.quotesChosenInThisOrder', { length: section.annotationIds.length })}
      </p>
      <ul className="quote-choices" aria-label={t('reports.quotesInSection', { n })}>
        {section.annotationIds.map((annotationId) => {
          const quote = byId.get(annotationId)
          const text = quote ? shorten(quote.exact) : annotationId
          return (
            <li key={annotationId}>
              <span dir="auto">{text}</span>{' '}
              {quote && (
                <span className="muted">
                  {quote.reliability}
                  {quote.credibility}
                </span>
              )}
              <button
                type="button"
                aria-label={t('reports.removeQuoteFromSection', { text, n })}
                onClick={() => setIds(section.annotationIds.filter((a) => a !== annotationId))}
              >
                {t('reports.remove')}
              </button>
            </li>
          )
        })}
      </ul>
      <label htmlFor={`${id}-search`}>{t('reports.findQuotesForSection', { n })}</label>
      <input
        id={`${id}-search`}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder={t('reports.wordsOfTheQuoteOrIts')}
      />
      <ul className="quote-choices" aria-label={t('reports.quotesToAddToSection', { n })}>
        {matches.map((quote) => {
          const text = shorten(quote.exact)
          return (
            <li key={quote.id}>
              <button
                type="button"
                aria-label={t('reports.addQuoteToSection', { text, n })}
                onClick={() => setIds([...section.annotationIds, quote.id])}
              >
                {t('reports.add')}
              </button>{' '}
              <span dir="auto">{text}</span>{' '}
              <span className="muted">
                <bdi>{quote.sourceTitle}</bdi> · {quote.reliability}
                {quote.credibility}
              </span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

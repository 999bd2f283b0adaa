import type { CitationNumbering } from '../../../../shared/citations'
import { formatDay, gradeCode } from './grades'
import type { ResolvedLinks } from './link-targets'
import { t } from '../../ui/i18n'

/** The numbered list of quotes under the note, as a report would print it. */
export function CitedQuotes({
  numbering,
  resolved,
}: {
  numbering: CitationNumbering
  resolved: ResolvedLinks
}) {
  return (
    <section className="cited-quotes" aria-label={t('notes.citedQuotes')}>
      <h3>{t('notes.citedQuotes')}</h3>
      <ol>
        {numbering.citations.map((citation) => {
          const quote = citation.valid ? resolved.quotes.get(citation.annotationId) : undefined
          return (
            <li key={citation.annotationId} value={citation.number}>
              {!resolved.loaded ? (
                <span className="muted">{t('notes.loading')}</span>
              ) : !quote || quote.status === 'missing' ? (
                <span className="broken-text">
                  {t('notes.brokenCitationTheQuoteNoLonger', {
                    annotationId: citation.annotationId,
                  })}
                </span>
              ) : (
                <>
                  <q dir="auto">{quote.exact}</q> — <bdi>{quote.sourceTitle}</bdi>
                  {t('notes.grade2', {
                    day: formatDay(quote.sourceDate),
                    gradeCode: gradeCode(quote),
                  })}
                  {quote.status === 'orphaned' && (
                    <span className="broken-text"> {t('notes.brokenItsPassageWasLost')}</span>
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

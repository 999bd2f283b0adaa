import type { CitationNumbering } from '../../../../shared/citations'
import { formatDay, gradeCode } from './grades'
import type { ResolvedLinks } from './link-targets'

/** The numbered list of quotes under the note, as a report would print it. */
export function CitedQuotes({
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
                  <q dir="auto">{quote.exact}</q> — <bdi>{quote.sourceTitle}</bdi>,{' '}
                  {formatDay(quote.sourceDate)}, grade {gradeCode(quote)}
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

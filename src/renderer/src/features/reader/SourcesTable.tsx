import { RELIABILITY_LABELS } from '../../../../shared/admiralty'
import type { SourceSummary } from '../../../../shared/contract'
import { readerHref } from '../../routes/links'
import { formatDay } from '../../ui/format'

/** Every source with its kind, publisher, date, reliability and how many quotes it holds. */
export function SourcesTable({ sources }: { sources: SourceSummary[] | undefined }) {
  return (
    <table className="sources-table">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Kind</th>
          <th scope="col">Publisher</th>
          <th scope="col">Published</th>
          <th scope="col">Reliability</th>
          <th scope="col">Quotes</th>
          <th scope="col">To review</th>
        </tr>
      </thead>
      <tbody>
        {sources?.map(({ source, annotationCount, needsReview, damage }) => (
          <tr key={source.id} className={damage ? 'source-damaged' : undefined}>
            <td>
              <a href={readerHref(source.id)}>
                <bdi>{source.title}</bdi>
              </a>
              {damage && (
                <>
                  {' '}
                  <span className="badge badge-unsupported">Damaged</span>
                  <div className="small error-text">{damage}</div>
                </>
              )}
              <div className="muted small">
                <bdi>{source.origin.fileName}</bdi>
              </div>
            </td>
            <td>{source.kind}</td>
            <td>
              <bdi>{source.publisher ?? ''}</bdi>
            </td>
            <td className="nowrap">
              {source.publishedAt && (
                <time dateTime={source.publishedAt}>{formatDay(source.publishedAt)}</time>
              )}
            </td>
            <td title={RELIABILITY_LABELS[source.reliability]}>{source.reliability}</td>
            <td>{annotationCount}</td>
            <td>{needsReview > 0 ? needsReview : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

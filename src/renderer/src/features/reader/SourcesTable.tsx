import { RELIABILITY_LABELS } from '../../ui/model-labels'
import type { SourceSummary } from '../../../../shared/contract'
import { readerHref } from '../../routes/links'
import { formatDay } from '../../ui/format'
import { t } from '../../ui/i18n'

/** Every source with its kind, publisher, date, reliability and how many quotes it holds. */
export function SourcesTable({ sources }: { sources: SourceSummary[] | undefined }) {
  return (
    <table className="sources-table">
      <thead>
        <tr>
          <th scope="col">{t('reader.title')}</th>
          <th scope="col">{t('reader.kind')}</th>
          <th scope="col">{t('reader.publisher')}</th>
          <th scope="col">{t('reader.published')}</th>
          <th scope="col">{t('reader.reliability')}</th>
          <th scope="col">{t('reader.quotes')}</th>
          <th scope="col">{t('reader.toReview')}</th>
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
                  <span className="badge badge-unsupported">{t('reader.damaged')}</span>
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

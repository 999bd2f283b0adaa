import type { Annotation, SourceRecord } from '../../../../shared/model'
import { SOURCES_HREF } from '../../routes/links'
import { excerpt } from './labels'
import { NewVersionButton } from './NewVersionButton'
import type { SourceDialog } from './ReaderDialogs'
import { sourceMetaParts } from './reader-model'
import { t } from '../../ui/i18n'

/** Title and details of the source, its actions, the last outcome and the re-select banner. */
export function ReaderHeader({
  source,
  damage,
  status,
  reselecting,
  onCancelReselect,
  onOpen,
  onStatus,
}: {
  source: SourceRecord
  /** Why the stored text failed its checks, when it did. */
  damage: string | undefined
  status: string | null
  reselecting: Annotation | null
  onCancelReselect: () => void
  onOpen: (dialog: SourceDialog) => void
  onStatus: (message: string) => void
}) {
  return (
    <div className="reader-head">
      <a href={SOURCES_HREF} className="back-link">
        {t('reader.allSources')}
      </a>
      <h2 id="reader-title" dir="auto">
        {source.title}
      </h2>
      <p className="muted reader-meta">
        {sourceMetaParts(source).map((part, i) => (
          <span key={i}>
            {i > 0 && ' · '}
            <bdi>{part}</bdi>
          </span>
        ))}
      </p>
      {damage && (
        <div role="alert" className="error-panel source-damage">
          <p>
            <strong>{t('reader.thisSourceIsDamaged')}</strong>{' '}
            {t('reader.itsTextIsNotShownAnd', { damage })}
          </p>
        </div>
      )}
      <div className="reader-actions" role="toolbar" aria-label={t('reader.sourceActions')}>
        <button type="button" onClick={() => onOpen({ kind: 'details' })}>
          {t('reader.details')}
        </button>
        {!damage && (
          <button type="button" onClick={() => onOpen({ kind: 'edit-text' })}>
            {t('reader.editText')}
          </button>
        )}
        <NewVersionButton source={source} onDone={onStatus} />
        <button type="button" onClick={() => onOpen({ kind: 'delete-source' })}>
          {t('reader.deleteSource')}
        </button>
      </div>
      <p role="status" className="reader-status">
        {status}
      </p>
      {reselecting && (
        <div className="reselect-banner" role="region" aria-label={t('reader.reSelect')}>
          {t('reader.selectThePassageForThenPress', {
            excerpt: excerpt(reselecting.target.quote.exact, 80),
          })}
          <button type="button" onClick={onCancelReselect}>
            {t('reader.cancelReSelect')}
          </button>
        </div>
      )}
    </div>
  )
}

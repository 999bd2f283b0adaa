import type { SourceRecord } from '../../../../shared/model'
import { useImportProgress } from '../../api/sources'
import { useSourceSuggestions } from '../../api/suggestions'
import { readerHref, readerSuggestionsHref } from '../../routes/links'
import { describeProgress, importSettled, type ImportResult, type ImportRow } from './import-rows'
import { SimilarSources } from './SimilarSources'
import { summaryLine } from './suggestion-model'
import { t } from '../../ui/i18n'

/** How each import went, newest first, with a link to what it added (or already had). */
export function ImportResults({
  rows,
  busy,
  onClear,
  onCancel,
}: {
  rows: ImportRow[]
  busy: boolean
  onClear: () => void
  onCancel: (key: string) => void
}) {
  return (
    <section aria-label={t('reader.importResults')} className="import-results" aria-busy={busy}>
      <div className="import-results-head">
        <h3>{t('reader.importResults')}</h3>
        <button type="button" className="link-button" onClick={onClear} disabled={busy}>
          {t('reader.clear')}
        </button>
      </div>
      <ul>
        {rows.map((row) => (
          <ImportRowItem key={row.key} row={row} onCancel={onCancel} />
        ))}
      </ul>
    </section>
  )
}

/** One file's row: its name, how its import goes, and Cancel while it runs. */
export function ImportRowItem({
  row,
  onCancel,
}: {
  row: ImportRow
  onCancel: (key: string) => void
}) {
  return (
    <li className={`import-row import-${row.result.state}`}>
      <span className="import-name">{row.name}</span>{' '}
      <ImportStatus name={row.name} result={row.result} />
      {!importSettled(row.result) && (
        <button
          type="button"
          className="import-cancel"
          aria-label={t('reader.cancelTheImportOf', { name: row.name })}
          onClick={() => onCancel(row.key)}
        >
          {t('reader.cancel')}
        </button>
      )}
    </li>
  )
}

/** A running import: what it is doing and, for a PDF, a bar of the pages read. */
function ImportProgressLine({ name, jobId }: { name: string; jobId: string }) {
  const progress = useImportProgress(jobId).data
  const pages = progress?.stage === 'pages' && progress.total ? progress : null
  return (
    <span className="import-progress">
      <span className="muted">{describeProgress(progress)}</span>
      {pages && (
        <progress
          value={pages.done ?? 0}
          max={pages.total}
          aria-label={t('reader.pagesOfRead', { name })}
        />
      )}
    </span>
  )
}

function ImportStatus({ name, result }: { name: string; result: ImportResult }) {
  switch (result.state) {
    case 'waiting':
      return <span className="muted">{t('reader.waiting')}</span>
    case 'reading':
      return <span className="muted">{t('reader.reading')}</span>
    case 'importing':
      return <ImportProgressLine name={name} jobId={result.jobId} />
    case 'cancelled':
      return <span className="muted">{t('reader.cancelledNothingWasAdded')}</span>
    case 'failed':
      return (
        <span role="alert" className="error-text">
          {result.message}
        </span>
      )
    case 'done': {
      const { outcome } = result
      const notes = outcome.notes.length > 0 && (
        <span className="muted small"> {outcome.notes.join(' ')}</span>
      )
      if (outcome.status === 'duplicate') {
        return (
          <span>
            {t('reader.alreadyInTheProjectAs')}
            <bdi>{outcome.existing.title}</bdi>”.{' '}
            <a href={readerHref(outcome.existing.id)}>{t('reader.openTheExistingSource')}</a>
            {notes}
          </span>
        )
      }
      return (
        <span>
          {t('reader.imported')}{' '}
          <a href={readerHref(outcome.source.id)}>
            {t('reader.open')}
            <bdi>{outcome.source.title}</bdi>”
          </a>
          {notes}
          {outcome.status === 'imported' && outcome.similar && (
            <SimilarSources source={outcome.source} similar={outcome.similar} />
          )}
          <ImportSuggestions source={outcome.source} />
        </span>
      )
    }
  }
}

/** What the new text names, offered at once: "12 suggestions: 5 groups, 3 people, 4 places". */
function ImportSuggestions({ source }: { source: SourceRecord }) {
  const list = useSourceSuggestions(source.id, source.contentHash)
  if (!list.data) {
    return (
      <span className="import-suggestions muted small">
        {t('reader.lookingForNamesAndRelations')}
      </span>
    )
  }
  if (list.data.suggestions.length === 0) return null
  return (
    <span className="import-suggestions small">
      {summaryLine(list.data)}.{' '}
      <a href={readerSuggestionsHref(source.id)}>{t('reader.reviewTheSuggestions')}</a>
    </span>
  )
}

import type { SourceRecord } from '../../../../shared/model'
import { useImportProgress } from '../../api/sources'
import { useSourceSuggestions } from '../../api/suggestions'
import { readerHref, readerSuggestionsHref } from '../../routes/links'
import { describeProgress, importSettled, type ImportResult, type ImportRow } from './import-rows'
import { SimilarSources } from './SimilarSources'
import { summaryLine } from './suggestion-model'

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
    <section aria-label="Import results" className="import-results" aria-busy={busy}>
      <div className="import-results-head">
        <h3>Import results</h3>
        <button type="button" className="link-button" onClick={onClear} disabled={busy}>
          Clear
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
          aria-label={`Cancel the import of ${row.name}`}
          onClick={() => onCancel(row.key)}
        >
          Cancel
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
        <progress value={pages.done ?? 0} max={pages.total} aria-label={`Pages of ${name} read`} />
      )}
    </span>
  )
}

function ImportStatus({ name, result }: { name: string; result: ImportResult }) {
  switch (result.state) {
    case 'waiting':
      return <span className="muted">Waiting…</span>
    case 'reading':
      return <span className="muted">Reading…</span>
    case 'importing':
      return <ImportProgressLine name={name} jobId={result.jobId} />
    case 'cancelled':
      return <span className="muted">Cancelled; nothing was added.</span>
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
            Already in the project as “<bdi>{outcome.existing.title}</bdi>”.{' '}
            <a href={readerHref(outcome.existing.id)}>Open the existing source</a>
            {notes}
          </span>
        )
      }
      return (
        <span>
          Imported.{' '}
          <a href={readerHref(outcome.source.id)}>
            Open “<bdi>{outcome.source.title}</bdi>”
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
    return <span className="import-suggestions muted small">Looking for names and relations…</span>
  }
  if (list.data.suggestions.length === 0) return null
  return (
    <span className="import-suggestions small">
      {summaryLine(list.data)}.{' '}
      <a href={readerSuggestionsHref(source.id)}>Review the suggestions</a>
    </span>
  )
}

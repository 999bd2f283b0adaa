import type { SourceRecord } from '../../../../shared/model'
import { useSourceSuggestions } from '../../api/suggestions'
import { readerHref, readerSuggestionsHref } from '../../routes/links'
import type { ImportResult, ImportRow } from './import-rows'
import { summaryLine } from './suggestion-model'

/** How each import went, newest first, with a link to what it added (or already had). */
export function ImportResults({
  rows,
  busy,
  onClear,
}: {
  rows: ImportRow[]
  busy: boolean
  onClear: () => void
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
          <li key={row.key} className={`import-row import-${row.result.state}`}>
            <span className="import-name">{row.name}</span>
            <ImportStatus result={row.result} />
          </li>
        ))}
      </ul>
    </section>
  )
}

function ImportStatus({ result }: { result: ImportResult }) {
  switch (result.state) {
    case 'waiting':
      return <span className="muted">Waiting…</span>
    case 'reading':
      return <span className="muted">Reading…</span>
    case 'importing':
      return <span className="muted">Importing…</span>
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
            Already in the project as “{outcome.existing.title}”.{' '}
            <a href={readerHref(outcome.existing.id)}>Open the existing source</a>
            {notes}
          </span>
        )
      }
      return (
        <span>
          Imported. <a href={readerHref(outcome.source.id)}>Open “{outcome.source.title}”</a>
          {notes}
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

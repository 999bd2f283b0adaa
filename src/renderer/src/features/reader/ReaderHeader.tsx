import type { Annotation, SourceRecord } from '../../../../shared/model'
import { SOURCES_HREF } from '../../routes/links'
import { excerpt } from './labels'
import { NewVersionButton } from './NewVersionButton'
import type { SourceDialog } from './ReaderDialogs'
import { sourceMetaLine } from './reader-model'

/** Title and details of the source, its actions, the last outcome and the re-select banner. */
export function ReaderHeader({
  source,
  status,
  reselecting,
  onCancelReselect,
  onOpen,
  onStatus,
}: {
  source: SourceRecord
  status: string | null
  reselecting: Annotation | null
  onCancelReselect: () => void
  onOpen: (dialog: SourceDialog) => void
  onStatus: (message: string) => void
}) {
  return (
    <div className="reader-head">
      <a href={SOURCES_HREF} className="back-link">
        ← All sources
      </a>
      <h2 id="reader-title">{source.title}</h2>
      <p className="muted reader-meta">{sourceMetaLine(source)}</p>
      <div className="reader-actions" role="toolbar" aria-label="Source actions">
        <button type="button" onClick={() => onOpen({ kind: 'details' })}>
          Details…
        </button>
        <button type="button" onClick={() => onOpen({ kind: 'edit-text' })}>
          Edit text…
        </button>
        <NewVersionButton source={source} onDone={onStatus} />
        <button type="button" onClick={() => onOpen({ kind: 'delete-source' })}>
          Delete source…
        </button>
      </div>
      <p role="status" className="reader-status">
        {status}
      </p>
      {reselecting && (
        <div className="reselect-banner" role="region" aria-label="Re-select">
          Select the passage for “{excerpt(reselecting.target.quote.exact, 80)}”, then press “Anchor
          here”.{' '}
          <button type="button" onClick={onCancelReselect}>
            Cancel re-select
          </button>
        </div>
      )}
    </div>
  )
}

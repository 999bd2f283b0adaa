import type { Annotation, SourceRecord } from '../../../../shared/model'
import { SOURCES_HREF } from '../../routes/links'
import { excerpt } from './labels'
import { NewVersionButton } from './NewVersionButton'
import type { SourceDialog } from './ReaderDialogs'
import { sourceMetaParts } from './reader-model'

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
        ← All sources
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
            <strong>This source is damaged.</strong> {damage} Its text is not shown and cannot be
            quoted until it is repaired: import the original document again (“Import new version…”
            or the Sources page), or delete the source.
          </p>
        </div>
      )}
      <div className="reader-actions" role="toolbar" aria-label="Source actions">
        <button type="button" onClick={() => onOpen({ kind: 'details' })}>
          Details…
        </button>
        {!damage && (
          <button type="button" onClick={() => onOpen({ kind: 'edit-text' })}>
            Edit text…
          </button>
        )}
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

import type { HistoryState } from './edit-history'
import type { HistoryCommand } from './shortcuts'

/** Undo and Redo of the session's edit history, each naming the edit it would take back. */
export function HistoryButtons({
  history,
  onHistory,
  className,
}: {
  history: HistoryState
  onHistory: (command: HistoryCommand) => void
  className?: string
}) {
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => onHistory('undo')}
        disabled={!history.undoLabel || history.busy}
        title={history.undoLabel ? `Undo ${history.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
      >
        Undo
      </button>
      <button
        type="button"
        className={className}
        onClick={() => onHistory('redo')}
        disabled={!history.redoLabel || history.busy}
        title={history.redoLabel ? `Redo ${history.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
      >
        Redo
      </button>
    </>
  )
}

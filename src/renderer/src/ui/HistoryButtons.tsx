import type { HistoryState } from './edit-history'
import type { HistoryCommand } from './shortcuts'
import { t } from './i18n'

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
        title={
          history.undoLabel
            ? t('ui.undoCtrlZ', { undoLabel: history.undoLabel })
            : t('ui.nothingToUndo')
        }
      >
        {t('ui.undo')}
      </button>
      <button
        type="button"
        className={className}
        onClick={() => onHistory('redo')}
        disabled={!history.redoLabel || history.busy}
        title={
          history.redoLabel
            ? t('ui.redoCtrlShiftZ', { redoLabel: history.redoLabel })
            : t('ui.nothingToRedo')
        }
      >
        {t('ui.redo')}
      </button>
    </>
  )
}

import { useCallback, useSyncExternalStore } from 'react'
import { editHistory, type HistoryState } from './edit-history'
import { useUndoRedoShortcuts, type HistoryCommand } from './shortcuts'
import { t } from './i18n'

/**
 * Undo and redo of the session's edits, from a view's toolbar and from Ctrl+Z / Ctrl+Shift+Z:
 * each says what it took back or replayed, or why it could not. For the views that edit
 * records in place (the grids, the ACH matrix).
 */
export function useUndoRedo(announce: (message: string) => void): {
  history: HistoryState
  run: (command: HistoryCommand) => Promise<void>
} {
  const history = useSyncExternalStore(editHistory.subscribe, editHistory.getState)

  const run = useCallback(
    async (command: HistoryCommand) => {
      try {
        const label = await (command === 'undo' ? editHistory.undo() : editHistory.redo())
        if (label) announce(`${command === 'undo' ? 'Undone' : 'Redone'}: ${label}.`)
      } catch (error) {
        announce(
          t('ui.couldNot', {
            command,
            value: error instanceof Error ? error.message : String(error),
          }),
        )
      }
    },
    [announce],
  )

  useUndoRedoShortcuts((command) => void run(command))

  return { history, run }
}

/**
 * The line under the chart: what the last action did (a status), and what went wrong (an
 * alert). The two are independent: a new status leaves an earlier error standing.
 */
import { useCallback, useState } from 'react'
import { editHistory } from '../../ui/edit-history'
import { useUndoRedoShortcuts } from '../../ui/shortcuts'
import { t } from '../../ui/i18n'

export interface StatusLine {
  status: string
  error: string
  report(status: string): void
  fail(error: string): void
  /** Clears both, as a new run starts. */
  clear(): void
}

export function useStatusLine(): StatusLine {
  const [status, report] = useState('')
  const [error, fail] = useState('')
  const clear = useCallback(() => {
    report('')
    fail('')
  }, [])
  return { status, error, report, fail, clear }
}

/** Ctrl+Z / Ctrl+Shift+Z in the graph too: the chart's edits share the grid's history. */
export function useHistoryShortcuts({ report, fail }: Pick<StatusLine, 'report' | 'fail'>): void {
  useUndoRedoShortcuts((command) => {
    const redo = command === 'redo'
    ;(redo ? editHistory.redo() : editHistory.undo())
      .then((label) => {
        if (label) report(t(redo ? 'graph.redoneLabel' : 'graph.undoneLabel', { label }))
      })
      .catch((cause: unknown) => {
        const { message } = cause as Error
        fail(t(redo ? 'graph.couldNotRedo' : 'graph.couldNotUndo', { message }))
      })
  })
}

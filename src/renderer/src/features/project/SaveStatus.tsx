import { useSaveNow, useSaveState } from '../../api/project'

/**
 * Whether the analyst's edits are on disk. A failed write is an alert that stays until a
 * write succeeds: the edits are safe in memory, but only until the app closes.
 */
export function SaveStatus({ projectOpen }: { projectOpen: boolean }) {
  const state = useSaveState(projectOpen)
  const saveNow = useSaveNow()
  if (!projectOpen || !state.data) return null
  const { pending, lastError, lastSavedAt, backupError } = state.data
  if (lastError) {
    return (
      <div role="alert" className="save-status save-failed">
        <strong>Not saved: {lastError}.</strong>{' '}
        <span>Your edits are kept in memory and are saved as soon as the disk accepts them.</span>{' '}
        <button type="button" onClick={() => saveNow.mutate()} disabled={saveNow.isPending}>
          Try saving again
        </button>
      </div>
    )
  }
  return (
    <span
      role="status"
      className="save-status muted"
      title={lastSavedAt ? `Last saved ${new Date(lastSavedAt).toLocaleString()}` : undefined}
    >
      {pending ? 'Saving…' : 'All changes saved'}
      {backupError ? ` · automatic backup failed: ${backupError}` : ''}
    </span>
  )
}

import { useSaveNow, useSaveState } from '../../api/project'
import { t } from '../../ui/i18n'
import { formatMoment } from '../../ui/format'

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
        <strong>{t('project.notSaved', { lastError })}</strong>{' '}
        <span>{t('project.yourEditsAreKeptInMemory')}</span>{' '}
        <button type="button" onClick={() => saveNow.mutate()} disabled={saveNow.isPending}>
          {t('project.trySavingAgain')}
        </button>
      </div>
    )
  }
  return (
    <span
      role="status"
      className="save-status muted"
      title={lastSavedAt ? t('project.lastSaved', { value: formatMoment(lastSavedAt) }) : undefined}
    >
      {pending ? t('project.saving') : t('project.allChangesSaved')}
      {backupError ? t('project.automaticBackupFailed', { backupError }) : ''}
    </span>
  )
}

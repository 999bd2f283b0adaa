import type { DraftSaver, SaveStatus } from './draft-saver'
import { t } from '../../ui/i18n'

/** What the save state says, in words. */
function saveStateText(status: SaveStatus): string {
  return status.state === 'saved'
    ? t('notes.saved')
    : status.state === 'saving'
      ? t('notes.saving')
      : status.state === 'unsaved'
        ? t('notes.unsavedChanges')
        : status.conflict
          ? t('notes.notSavedChangedElsewhere')
          : t('notes.notSaved')
}

/** Whether the note is stored, and when a save failed, the way out: retry, or settle a conflict. */
export function SaveIndicator({
  status,
  saver,
  onLoadStoredVersion,
}: {
  status: SaveStatus
  saver: DraftSaver
  onLoadStoredVersion: () => void
}) {
  return (
    <div className={`save-state save-${status.state}`}>
      <span role="status">{saveStateText(status)}</span>
      {status.state === 'failed' && (
        <span className="save-problem">
          <span className="muted">{status.message}</span>
          {status.conflict ? (
            <>
              <button type="button" onClick={() => void saver.overwrite()}>
                {t('notes.keepMyVersion')}
              </button>
              <button type="button" onClick={onLoadStoredVersion}>
                {t('notes.loadTheOtherVersion')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => void saver.flush()}>
              {t('notes.retry')}
            </button>
          )}
        </span>
      )}
    </div>
  )
}

import { useWorkspaceStatus } from '../../api/storage'
import { BackupList } from './BackupList'
import { ImportProject } from './ImportProject'
import { t } from '../../ui/i18n'
import './project.css'

/**
 * What the app shows when no project could be opened: why, where the damaged file was kept,
 * and the backups to choose from. Nothing is restored without the analyst's choice.
 */
export function RecoveryScreen({ fallbackMessage }: { fallbackMessage: string }) {
  const status = useWorkspaceStatus()
  const failure = status.data?.failure
  if (!failure) {
    return (
      <section role="alert" className="error-panel" aria-labelledby="no-project-title">
        <h2 id="no-project-title">{t('project.noProjectIsOpen')}</h2>
        <p>{fallbackMessage}</p>
        <ImportProject />
      </section>
    )
  }
  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <div role="alert" className="error-panel">
        <h2 id="recovery-title">{t('project.thisProjectCouldNotBeOpened')}</h2>
        <p>{failure.message}</p>
        {failure.movedTo && (
          <p>
            {t('project.nothingWasDeletedTheDamagedFile')} <code>{failure.movedTo}</code>.
          </p>
        )}
      </div>
      <h3>{t('project.backupsOf', { folder: failure.folder })}</h3>
      {failure.backups.some((b) => b.verified) ? (
        <p>{t('project.chooseABackupToRestoreThe')}</p>
      ) : (
        <p>{t('project.thereIsNoVerifiedBackupOf')}</p>
      )}
      <BackupList
        backups={failure.backups}
        folder={failure.folder}
        consequence="The project is rebuilt from this backup and opened."
      />
      <h3>{t('project.orImportAProjectFile')}</h3>
      <ImportProject />
    </section>
  )
}

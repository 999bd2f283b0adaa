import { useWorkspaceStatus } from '../../api/storage'
import { BackupList } from './BackupList'
import { ImportProject } from './ImportProject'
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
        <h2 id="no-project-title">No project is open</h2>
        <p>{fallbackMessage}</p>
        <ImportProject />
      </section>
    )
  }
  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <div role="alert" className="error-panel">
        <h2 id="recovery-title">This project could not be opened</h2>
        <p>{failure.message}</p>
        {failure.movedTo && (
          <p>
            Nothing was deleted: the damaged file is kept as <code>{failure.movedTo}</code>.
          </p>
        )}
      </div>
      <h3>Backups of {failure.folder}</h3>
      {failure.backups.some((b) => b.verified) ? (
        <p>Choose a backup to restore; the newest good copy is marked.</p>
      ) : (
        <p>There is no verified backup of this project to restore.</p>
      )}
      <BackupList
        backups={failure.backups}
        folder={failure.folder}
        consequence="The project is rebuilt from this backup and opened."
      />
      <h3>Or import a project file</h3>
      <ImportProject />
    </section>
  )
}

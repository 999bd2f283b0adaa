import { useState } from 'react'
import type { BackupInfo } from '../../../../shared/contract'
import { useRestoreBackup } from '../../api/storage'
import { formatMoment } from '../../ui/format'
import { BACKUP_REASON_LABELS, formatBytes } from './format'
import { t } from '../../ui/i18n'

interface Props {
  backups: BackupInfo[]
  /** The project folder the backups belong to, when it is not the open project. */
  folder?: string
  /** What a restore does to the records that are there now, said before the user confirms. */
  consequence: string
  onRestored?: () => void
}

/** The backups of a project, newest first; each verified one can be restored after a confirmation. */
export function BackupList({ backups, folder, consequence, onRestored }: Props) {
  const restore = useRestoreBackup()
  const [confirming, setConfirming] = useState<string | null>(null)
  const newestVerified = backups.find((b) => b.verified)?.id

  if (backups.length === 0) return <p className="muted">{t('project.thereAreNoBackupsOfThis')}</p>
  return (
    <>
      <table className="backup-list">
        <caption className="visually-hidden">{t('project.backupsNewestFirst')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('project.made')}</th>
            <th scope="col">{t('project.kind')}</th>
            <th scope="col">{t('project.contents')}</th>
            <th scope="col">{t('project.size')}</th>
            <th scope="col">{t('project.checksum')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('project.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => {
            const when = formatMoment(backup.createdAt)
            return (
              <tr key={backup.id}>
                <td>
                  {when}
                  {backup.id === newestVerified && (
                    <span className="badge badge-ok">{t('project.newestGoodCopy')}</span>
                  )}
                </td>
                <td>{BACKUP_REASON_LABELS[backup.reason]}</td>
                <td>
                  {backup.counts
                    ? t('project.entitiesQuotesNotes', {
                        entities: backup.counts.entities,
                        annotations: backup.counts.annotations,
                        notes: backup.counts.notes,
                      })
                    : '—'}
                </td>
                <td>{formatBytes(backup.bytes)}</td>
                <td>
                  {backup.verified
                    ? t('project.verified')
                    : t('project.damaged', { value: backup.problem ?? 'unverified' })}
                </td>
                <td>
                  {backup.verified && confirming !== backup.id && (
                    <button
                      type="button"
                      onClick={() => setConfirming(backup.id)}
                      aria-label={t('project.restoreTheBackupOf', { when })}
                    >
                      {t('project.restore')}
                    </button>
                  )}
                  {confirming === backup.id && (
                    <span role="group" aria-label={t('project.confirmTheRestoreOf', { when })}>
                      <span className="confirm-text">{consequence}</span>{' '}
                      <button
                        type="button"
                        disabled={restore.isPending}
                        onClick={() =>
                          restore.mutate(
                            { id: backup.id, ...(folder ? { folder } : {}) },
                            {
                              onSuccess: () => {
                                setConfirming(null)
                                onRestored?.()
                              },
                            },
                          )
                        }
                      >
                        {t('project.restoreThisBackup')}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('project.cancel')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {restore.isError && (
        <p role="alert" className="error-text">
          {t('project.theBackupWasNotRestored', { message: restore.error.message })}
        </p>
      )}
    </>
  )
}

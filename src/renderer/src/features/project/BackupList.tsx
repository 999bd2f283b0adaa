import { useState } from 'react'
import type { BackupInfo } from '../../../../shared/contract'
import { useRestoreBackup } from '../../api/storage'
import { BACKUP_REASON_LABELS, formatBytes, formatTime } from './format'

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

  if (backups.length === 0)
    return <p className="muted">There are no backups of this project yet.</p>
  return (
    <>
      <table className="backup-list">
        <caption className="visually-hidden">Backups, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Made</th>
            <th scope="col">Kind</th>
            <th scope="col">Contents</th>
            <th scope="col">Size</th>
            <th scope="col">Checksum</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => {
            const when = formatTime(backup.createdAt)
            return (
              <tr key={backup.id}>
                <td>
                  {when}
                  {backup.id === newestVerified && (
                    <span className="badge badge-ok">newest good copy</span>
                  )}
                </td>
                <td>{BACKUP_REASON_LABELS[backup.reason]}</td>
                <td>
                  {backup.counts
                    ? `${backup.counts.entities} entities, ${backup.counts.annotations} quotes, ${backup.counts.notes} notes`
                    : '—'}
                </td>
                <td>{formatBytes(backup.bytes)}</td>
                <td>
                  {backup.verified ? 'verified' : `damaged: ${backup.problem ?? 'unverified'}`}
                </td>
                <td>
                  {backup.verified && confirming !== backup.id && (
                    <button
                      type="button"
                      onClick={() => setConfirming(backup.id)}
                      aria-label={`Restore the backup of ${when}`}
                    >
                      Restore…
                    </button>
                  )}
                  {confirming === backup.id && (
                    <span role="group" aria-label={`Confirm the restore of ${when}`}>
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
                        Restore this backup
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)}>
                        Cancel
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
          The backup was not restored: {restore.error.message}
        </p>
      )}
    </>
  )
}

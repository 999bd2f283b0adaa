import { useSyncStatus } from '../../api/sync'
import { t } from '../../ui/i18n'
import { formatMoment } from '../../ui/format'

/**
 * The header's word on team sync: synced, syncing n of m, offline or the error's reason,
 * and the conflicts waiting, which link to their view. Nothing for a project not linked.
 */
export function SyncBadge({ projectOpen }: { projectOpen: boolean }) {
  const status = useSyncStatus(projectOpen).data
  if (!status?.linked) return null
  const text =
    status.state === 'syncing'
      ? status.total > 0
        ? t('sync.syncingOf', { done: status.done, total: status.total })
        : t('sync.syncing')
      : status.state === 'offline'
        ? t('sync.offline')
        : status.state === 'error'
          ? t('sync.syncError', { value: status.reason ?? 'unknown' })
          : status.state === 'synced'
            ? t('sync.synced')
            : t('sync.notSyncedYet')
  return (
    <span className="sync-badge" role="status">
      <a
        href="#/team"
        aria-label={t('sync.teamSync', { text })}
        className={`sync-state sync-${status.state}`}
        title={
          status.state === 'offline'
            ? status.reason
            : status.lastSyncAt
              ? t('sync.lastSync', { value: formatMoment(status.lastSyncAt) })
              : undefined
        }
      >
        {text}
      </a>
      {status.conflicts > 0 && (
        <a href="#/conflicts" className="sync-conflicts">
          {status.conflicts === 1
            ? t('sync.n1Conflict')
            : t('sync.conflicts2', { conflicts: status.conflicts })}
        </a>
      )}
    </span>
  )
}

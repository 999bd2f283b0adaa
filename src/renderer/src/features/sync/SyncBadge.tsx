import { useSyncStatus } from '../../api/sync'

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
        ? `Syncing ${status.done} of ${status.total}`
        : 'Syncing…'
      : status.state === 'offline'
        ? 'Offline'
        : status.state === 'error'
          ? `Sync error: ${status.reason ?? 'unknown'}`
          : status.state === 'synced'
            ? 'Synced'
            : 'Not synced yet'
  return (
    <span className="sync-badge" role="status">
      <a
        href="#/team"
        aria-label={`Team sync: ${text}`}
        className={`sync-state sync-${status.state}`}
        title={
          status.state === 'offline'
            ? status.reason
            : status.lastSyncAt
              ? `Last sync ${new Date(status.lastSyncAt).toLocaleString()}`
              : undefined
        }
      >
        {text}
      </a>
      {status.conflicts > 0 && (
        <a href="#/conflicts" className="sync-conflicts">
          {status.conflicts === 1 ? '1 conflict' : `${status.conflicts} conflicts`}
        </a>
      )}
    </span>
  )
}

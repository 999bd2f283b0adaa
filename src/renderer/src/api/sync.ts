/**
 * Team sync: the header's status, the Team panel and the Conflicts view. Records that
 * arrive from the hub change any view, so a finished sync refreshes every query.
 */
import { useEffect, useRef } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { MethodInput } from '../../../shared/contract'
import type { SyncStatus } from '../../../shared/api/sync'
import { call } from './client'

const syncKeys = {
  all: ['sync'] as const,
  status: () => [...syncKeys.all, 'status'] as const,
  team: () => [...syncKeys.all, 'team'] as const,
  conflicts: () => [...syncKeys.all, 'conflicts'] as const,
}

/** Fast while a sync runs (the header counts documents), slow otherwise. */
const POLL_SYNCING_MS = 700
const POLL_IDLE_MS = 3_000

function pollEvery(status: SyncStatus | undefined): number | false {
  if (!status?.linked) return false
  return status.state === 'syncing' ? POLL_SYNCING_MS : POLL_IDLE_MS
}

export function useSyncStatus(enabled: boolean) {
  const client = useQueryClient()
  const query = useQuery({
    queryKey: syncKeys.status(),
    queryFn: () => call('sync.status', {}),
    enabled,
    refetchInterval: (q) => pollEvery(q.state.data),
  })
  // Each finished sync may have changed any record: everything is read again once.
  const lastSync = query.data?.lastSyncAt
  const seen = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (!lastSync || lastSync === seen.current) return
    const first = seen.current === undefined
    seen.current = lastSync
    if (!first) void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'sync' })
    void client.invalidateQueries({ queryKey: syncKeys.team() })
    void client.invalidateQueries({ queryKey: syncKeys.conflicts() })
  }, [client, lastSync])
  return query
}

export function useTeam() {
  return useQuery({ queryKey: syncKeys.team(), queryFn: () => call('sync.team', {}) })
}

export function useSyncConflicts() {
  return useQuery({ queryKey: syncKeys.conflicts(), queryFn: () => call('sync.conflicts', {}) })
}

function useSyncMutation<I>(run: (input: I) => Promise<SyncStatus>, refreshAll = false) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: (status) => client.setQueryData(syncKeys.status(), status),
    onSettled: () =>
      refreshAll
        ? client.invalidateQueries()
        : client.invalidateQueries({ queryKey: syncKeys.all }),
  })
}

export function useLinkHub() {
  return useSyncMutation((input: MethodInput<'sync.link'>) => call('sync.link', input))
}

export function useUnlinkHub() {
  return useSyncMutation(() => call('sync.unlink', {}))
}

export function useSyncNow() {
  return useSyncMutation(() => call('sync.now', {}))
}

export function useSetAuthor() {
  return useSyncMutation((author: string) => call('sync.setAuthor', { author }))
}

/** A settled conflict changes a record: every view reads again. */
export function useResolveConflict() {
  return useSyncMutation((input: MethodInput<'sync.resolve'>) => call('sync.resolve', input), true)
}

/**
 * Backups and the per-user workspace (recovery). A restore replaces every record, so it
 * refreshes every query.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { MethodInput } from '../../../shared/contract'
import { call } from './client'

const storageKeys = {
  all: ['storage'] as const,
  workspace: () => [...storageKeys.all, 'workspace'] as const,
  backups: () => [...storageKeys.all, 'backups'] as const,
}

export function useWorkspaceStatus() {
  return useQuery({
    queryKey: storageKeys.workspace(),
    queryFn: () => call('workspace.status', {}),
  })
}

/** The open project's backups. */
export function useBackups() {
  return useQuery({ queryKey: storageKeys.backups(), queryFn: () => call('backups.list', {}) })
}

export function useCreateBackup() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => call('backups.create', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: storageKeys.backups() }),
  })
}

export function useRestoreBackup() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MethodInput<'backups.restore'>) => call('backups.restore', input),
    onSuccess: () => client.invalidateQueries(),
  })
}

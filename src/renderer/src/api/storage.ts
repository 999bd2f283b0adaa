/**
 * Hooks for saving, backups, recovery and whole-project transfer. A restore or an import
 * replaces every record, so both refresh every query.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { MethodInput } from '../../../shared/contract'
import { call } from './client'

export const storageKeys = {
  saveState: ['storage', 'saveState'] as const,
  workspace: ['storage', 'workspace'] as const,
  backups: (folder?: string) => ['storage', 'backups', folder ?? 'current'] as const,
}

/** How often the header asks whether edits reached the disk. */
const SAVE_STATE_POLL_MS = 2_000

export function useSaveState(enabled: boolean) {
  return useQuery({
    queryKey: storageKeys.saveState,
    queryFn: () => call('project.saveState', {}),
    enabled,
    refetchInterval: SAVE_STATE_POLL_MS,
  })
}

export function useSaveNow() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => call('project.save', {}),
    onSettled: () => client.invalidateQueries({ queryKey: storageKeys.saveState }),
  })
}

export function useWorkspaceStatus() {
  return useQuery({ queryKey: storageKeys.workspace, queryFn: () => call('workspace.status', {}) })
}

export function useBackups(folder?: string, enabled = true) {
  return useQuery({
    queryKey: storageKeys.backups(folder),
    queryFn: () => call('backups.list', folder ? { folder } : {}),
    enabled,
  })
}

export function useCreateBackup() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => call('backups.create', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['storage', 'backups'] }),
  })
}

export function useRestoreBackup() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MethodInput<'backups.restore'>) => call('backups.restore', input),
    onSuccess: () => client.invalidateQueries(),
  })
}

export function useExportProject() {
  return useMutation({ mutationFn: () => call('project.export', {}) })
}

export function useImportProject() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MethodInput<'project.import'>) => call('project.import', input),
    onSuccess: () => client.invalidateQueries(),
  })
}

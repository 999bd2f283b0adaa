/**
 * The open project: what it is, whether its edits reached the disk, and the whole-project
 * transfer. An import replaces every record, so it refreshes every query.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { MethodInput } from '../../../shared/contract'
import { call } from './client'

export const projectKeys = {
  all: ['project'] as const,
  info: () => [...projectKeys.all, 'info'] as const,
  saveState: () => [...projectKeys.all, 'save-state'] as const,
}

/** How often the header asks whether edits reached the disk. */
const SAVE_STATE_POLL_MS = 2_000

export function useProjectInfo() {
  return useQuery({ queryKey: projectKeys.info(), queryFn: () => call('project.info', {}) })
}

export function useSaveState(enabled: boolean) {
  return useQuery({
    queryKey: projectKeys.saveState(),
    queryFn: () => call('project.saveState', {}),
    enabled,
    refetchInterval: SAVE_STATE_POLL_MS,
  })
}

export function useSaveNow() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => call('project.save', {}),
    onSettled: () => client.invalidateQueries({ queryKey: projectKeys.saveState() }),
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

/**
 * The query layer: every view reads server state through these hooks, so caching,
 * refetching and invalidation after edits live in one place.
 */
import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { MethodInput } from '../../../shared/contract'
import { call } from './client'

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false },
  },
})

export const keys = {
  project: ['project'] as const,
  entities: ['entities'] as const,
  entityTable: (type: string) => ['entities', 'table', type] as const,
  sources: ['sources'] as const,
}

export function useProjectInfo() {
  return useQuery({ queryKey: keys.project, queryFn: () => call('project.info', {}) })
}

export function useEntityTable(type: string) {
  return useQuery({
    queryKey: keys.entityTable(type),
    queryFn: () => call('entities.table', { type }),
  })
}

export function useUpdateEntity() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MethodInput<'entities.update'>) => call('entities.update', input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.entities }),
  })
}

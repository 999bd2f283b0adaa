/** Server state of sources and annotations for the reader; mutations keep every view in step. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { MethodInput } from '../../../shared/contract'
import { call } from './client'
import { keys } from './queries'

export const sourceKeys = {
  all: keys.sources,
  one: (id: string) => ['sources', 'one', id] as const,
  review: ['sources', 'review'] as const,
  annotationTags: ['annotations', 'tags'] as const,
  annotations: ['annotations'] as const,
  search: ['search'] as const,
  entityList: ['entities', 'list'] as const,
}

/** After any change to sources or annotations: lists, readers, counts, grids, search. */
export function invalidateLibrary(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: keys.sources }),
    client.invalidateQueries({ queryKey: sourceKeys.annotations }),
    client.invalidateQueries({ queryKey: keys.entities }),
    client.invalidateQueries({ queryKey: keys.project }),
    client.invalidateQueries({ queryKey: sourceKeys.search }),
  ]).then(() => undefined)
}

export function useSourceList() {
  return useQuery({ queryKey: [...keys.sources, 'list'], queryFn: () => call('sources.list', {}) })
}

export function useSource(id: string) {
  return useQuery({ queryKey: sourceKeys.one(id), queryFn: () => call('sources.get', { id }) })
}

export function useReviewQueue(sourceId: string) {
  return useQuery({
    queryKey: [...sourceKeys.review, sourceId],
    queryFn: () => call('annotations.review', { sourceId }),
  })
}

export function useEntityList() {
  return useQuery({ queryKey: sourceKeys.entityList, queryFn: () => call('entities.list', {}) })
}

export function useAnnotationTags() {
  return useQuery({
    queryKey: sourceKeys.annotationTags,
    queryFn: () => call('annotations.tags', {}),
  })
}

/** One mutation hook per contract method, all invalidating the library afterwards. */
function useLibraryMutation<M extends Parameters<typeof call>[0]>(method: M) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    // Not awaited: the caller's own onSuccess must run before refetches remount its view.
    onSuccess: () => {
      void invalidateLibrary(client)
    },
  })
}

export const useImportFile = () => useLibraryMutation('sources.import')
export const usePasteSource = () => useLibraryMutation('sources.paste')
export const useUpdateSource = () => useLibraryMutation('sources.update')
export const useEditSourceText = () => useLibraryMutation('sources.editText')
export const useDeleteSource = () => useLibraryMutation('sources.delete')
export const useCreateAnnotation = () => useLibraryMutation('annotations.create')
export const useUpdateAnnotation = () => useLibraryMutation('annotations.update')
export const useDeleteAnnotation = () => useLibraryMutation('annotations.delete')
export const useAcceptAnchor = () => useLibraryMutation('annotations.accept')
export const useReselectAnchor = () => useLibraryMutation('annotations.reselect')
export const useCreateEntity = () => useLibraryMutation('entities.create')

export function useSearch(q: string) {
  const query = q.trim()
  return useQuery({
    queryKey: [...sourceKeys.search, query],
    queryFn: () => call('search.query', { q: query, limit: 20 }),
    enabled: query.length > 0,
    staleTime: 5_000,
  })
}

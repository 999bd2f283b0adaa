/** The header's search over texts, titles, quotes and comments; the spellings sources use. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import type { Entity } from '../../../shared/model'
import { call } from './client'
import { updateEntity } from './entities'
import { evidenceKeys } from './evidence'
import { queryClient } from './query-client'

export const searchKeys = {
  all: ['search'] as const,
  results: (q: string) => [...searchKeys.all, q] as const,
  records: (q: string, limit: number) => [...searchKeys.all, 'records', q, limit] as const,
  spellings: (entityId: string) => [...searchKeys.all, 'spellings', entityId] as const,
}

export function useSearch(q: string) {
  const query = q.trim()
  return useQuery({
    queryKey: searchKeys.results(query),
    queryFn: () => call('search.query', { q: query, limit: 20 }),
    enabled: query.length > 0,
    staleTime: 5_000,
  })
}

/**
 * Records by name for the command palette, looked up in the main process's index. The answer
 * to the previous text stays on screen until this one arrives; an answer to a text the
 * analyst has since changed is keyed to that text and never shown.
 */
export function useRecordSearch(q: string, limit: number) {
  const query = q.trim()
  return useQuery({
    queryKey: searchKeys.records(query, limit),
    queryFn: () => call('search.records', { q: query, limit }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  })
}

/** Other spellings of an entity's names that the sources use ("Masood" for "Massoud"). */
export function useSpellingVariants(entityId: string) {
  return useQuery({
    queryKey: searchKeys.spellings(entityId),
    queryFn: () => call('search.spellings', { entityId }),
    enabled: entityId !== '',
  })
}

/** Adds a spelling to an entity's aliases; the panel and its offers follow. */
export function useAddAlias() {
  return useMutation({
    mutationFn: ({ entity, alias }: { entity: Entity; alias: string }) =>
      updateEntity(entity, { aliases: [...entity.aliases, alias] }),
    onSuccess: (entity) => {
      void queryClient.invalidateQueries({ queryKey: evidenceKeys.entity(entity.id) })
      void queryClient.invalidateQueries({ queryKey: searchKeys.spellings(entity.id) })
    },
  })
}

/** The header's search over texts, titles, quotes and comments; the spellings sources use. */
import { useMutation, useQuery } from '@tanstack/react-query'
import type { Entity } from '../../../shared/model'
import { call } from './client'
import { updateEntity } from './entities'
import { evidenceKeys } from './evidence'
import { queryClient } from './query-client'

export const searchKeys = {
  all: ['search'] as const,
  results: (q: string) => [...searchKeys.all, q] as const,
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

/** The header's search over texts, titles, quotes and comments. */
import { useQuery } from '@tanstack/react-query'
import { call } from './client'

export const searchKeys = {
  all: ['search'] as const,
  results: (q: string) => [...searchKeys.all, q] as const,
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

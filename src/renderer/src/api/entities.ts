import { useQuery } from '@tanstack/react-query'
import { call } from './client'

/** Entities of one type, for pickers; shared by every picker of that type. */
export function useEntityChoices(type: string) {
  return useQuery({
    queryKey: ['entities', 'list', type] as const,
    queryFn: () => call('entities.list', { type }),
  })
}

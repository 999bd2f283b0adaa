import { useQuery } from '@tanstack/react-query'
import { call } from './client'

export const evidenceKeys = {
  entity: (id: string) => ['evidence', 'entity', id] as const,
  relation: (id: string) => ['evidence', 'relation', id] as const,
}

/** An entity's attributes, relations and quotes for the evidence panel. */
export function useEntityEvidence(id: string) {
  return useQuery({
    queryKey: evidenceKeys.entity(id),
    queryFn: () => call('evidence.entity', { id }),
  })
}

/** A relation with its two ends and quotes (the graph's edge panel). */
export function useRelationEvidence(id: string) {
  return useQuery({
    queryKey: evidenceKeys.relation(id),
    queryFn: () => call('evidence.relation', { id }),
  })
}

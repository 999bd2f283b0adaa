/** The evidence panels: what backs an entity or a relation, quote by quote. */
import { useQuery } from '@tanstack/react-query'
import { call } from './client'

export const evidenceKeys = {
  all: ['evidence'] as const,
  entity: (id: string) => [...evidenceKeys.all, 'entity', id] as const,
  relation: (id: string) => [...evidenceKeys.all, 'relation', id] as const,
}

/** An entity's attributes, relations and quotes; nothing while no entity is chosen (''). */
export function useEntityEvidence(id: string) {
  return useQuery({
    queryKey: evidenceKeys.entity(id),
    queryFn: () => call('evidence.entity', { id }),
    enabled: id !== '',
  })
}

/** A relation with its two ends and quotes (the graph's edge panel). */
export function useRelationEvidence(id: string) {
  return useQuery({
    queryKey: evidenceKeys.relation(id),
    queryFn: () => call('evidence.relation', { id }),
  })
}

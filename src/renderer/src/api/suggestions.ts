/**
 * Suggestions from a source's text: the list (computed in main, per text and per state of
 * the project's names), accept and its undo, dismiss and restore. Accept and undo change
 * entities, quotes and relations at once, so they refresh the rows they touched, which also
 * reloads every view derived from them (row-sync.ts): grids, evidence, the graph, the reader.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AcceptReceipt, MethodInput } from '../../../shared/contract'
import { call } from './client'
import { applyRows, refreshRows } from './row-sync'

export const suggestionKeys = {
  all: ['suggestions'] as const,
  /** Keyed by the text too: an edited text is a new list. */
  forSource: (sourceId: string, contentHash: string) =>
    [...suggestionKeys.all, sourceId, contentHash] as const,
}

export function useSourceSuggestions(
  sourceId: string,
  contentHash: string,
  { enabled = true } = {},
) {
  return useQuery({
    queryKey: suggestionKeys.forSource(sourceId, contentHash),
    queryFn: () => call('suggestions.forSource', { sourceId }),
    enabled,
  })
}

/** Creates what the items propose (quotes, entities, relations) in one step. */
export async function acceptSuggestions(
  input: MethodInput<'suggestions.accept'>,
): Promise<AcceptReceipt> {
  const receipt = await call('suggestions.accept', input)
  await refreshRows(receipt.entityIds)
  return receipt
}

/** Takes back exactly what one accept created; refused if any of it was changed since. */
export async function undoAcceptSuggestions(receipt: AcceptReceipt): Promise<void> {
  const { entityIds, removedEntityIds } = await call('suggestions.undoAccept', { receipt })
  applyRows([], removedEntityIds)
  await refreshRows(entityIds)
}

function useSuggestionMutation<M extends 'suggestions.dismiss' | 'suggestions.restore'>(method: M) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: suggestionKeys.all })
    },
  })
}

export const useDismissSuggestions = () => useSuggestionMutation('suggestions.dismiss')
export const useRestoreSuggestions = () => useSuggestionMutation('suggestions.restore')

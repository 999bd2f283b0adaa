/** The relationship graph: its elements, the saved layout, and the image kept for reports. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { GraphElements, MethodInput, Point } from '../../../shared/contract'
import { call } from './client'
import { reportKeys } from './reports'

export const graphKeys = {
  all: ['graph'] as const,
  elements: () => [...graphKeys.all, 'elements'] as const,
}

export function useGraphElements() {
  return useQuery({ queryKey: graphKeys.elements(), queryFn: () => call('graph.elements', {}) })
}

/**
 * Saves node positions. The cached elements are patched instead of refetched: the chart
 * already shows the positions, and a refetch of a large graph would cost more than the save.
 */
export function useSavePositions() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (positions: Record<string, Point>) => call('graph.savePositions', { positions }),
    onMutate: (positions) => {
      client.setQueryData<GraphElements>(graphKeys.elements(), (current) =>
        current ? { ...current, positions: { ...current.positions, ...positions } } : current,
      )
    },
  })
}

export function useResetPositions() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => call('graph.resetPositions', {}),
    onSuccess: () => {
      client.setQueryData<GraphElements>(graphKeys.elements(), (current) =>
        current ? { ...current, positions: {} } : current,
      )
    },
  })
}

export function useSaveGraphImage() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MethodInput<'graph.saveImage'>) => call('graph.saveImage', input),
    // Reports offer the kept image as a section and print it.
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.all }),
  })
}

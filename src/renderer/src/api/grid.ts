/** The grids' saved column layouts. */
import { useQuery } from '@tanstack/react-query'
import type { SavedColumn } from '../../../shared/contract'
import { call } from './client'
import { queryClient } from './query-client'

export const gridKeys = {
  all: ['grid'] as const,
  columns: (grid: string) => [...gridKeys.all, 'columns', grid] as const,
}

/** A grid's saved column layout (empty until the user changes one). */
export function useGridColumns(grid: string) {
  return useQuery({
    queryKey: gridKeys.columns(grid),
    queryFn: () => call('grid.columns.get', { grid }),
    staleTime: Infinity,
  })
}

/** Saves a layout and keeps the cache in step, so a grid mounted later starts from it. */
export async function saveGridColumns(grid: string, columns: SavedColumn[]): Promise<void> {
  queryClient.setQueryData(gridKeys.columns(grid), columns)
  await call('grid.columns.save', { grid, columns })
}

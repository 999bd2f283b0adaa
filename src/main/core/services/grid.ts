import type { SavedColumn } from '../../../shared/contract'
import type { ProjectStore } from '../project-store'

export function gridColumns(store: ProjectStore, grid: string): SavedColumn[] {
  return (store.data.views.gridColumns?.[grid] ?? []) as SavedColumn[]
}

export function saveGridColumns(
  store: ProjectStore,
  grid: string,
  columns: SavedColumn[],
): { saved: number } {
  store.mutate((data) => {
    data.views.gridColumns = { ...data.views.gridColumns, [grid]: columns }
  })
  return { saved: columns.length }
}

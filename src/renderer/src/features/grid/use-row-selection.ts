import type { GridApi, RowClickedEvent, SelectionChangedEvent } from 'ag-grid-community'
import { useCallback, useEffect, useReducer } from 'react'
import type { EntityRow } from '../../../../shared/contract'
import { entityInHash, rowSelectionReducer } from './row-selection'

/**
 * The ticked rows and the entity whose evidence the side panel shows: from the grid's
 * clicks and selection, the panel's own links, and links from other views
 * (`#/<grid>?e=<id>`, as a mention in a note is).
 */
export function useRowSelection(api: GridApi<EntityRow> | null) {
  const [state, dispatch] = useReducer(rowSelectionReducer, null, () => ({
    selectedIds: [],
    panelId: entityInHash(window.location.hash),
  }))

  useEffect(() => {
    const onHashChange = (): void => {
      const id = entityInHash(window.location.hash)
      if (id) dispatch({ type: 'showEntity', id })
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])

  const showEntity = useCallback((id: string) => dispatch({ type: 'showEntity', id }), [])

  const closePanel = useCallback(() => {
    dispatch({ type: 'closePanel' })
    api?.deselectAll()
  }, [api])

  const forgetDeleted = useCallback(
    (ids: readonly string[]) => dispatch({ type: 'deleted', ids }),
    [],
  )

  const onRowClicked = useCallback((event: RowClickedEvent<EntityRow>) => {
    if (event.node.id) dispatch({ type: 'showEntity', id: event.node.id })
  }, [])

  const onSelectionChanged = useCallback((event: SelectionChangedEvent<EntityRow>) => {
    const ids = event.api.getSelectedNodes().map((node) => node.id ?? '')
    dispatch({ type: 'selectionChanged', ids: ids.filter(Boolean) })
  }, [])

  return {
    selectedIds: state.selectedIds,
    panelId: state.panelId,
    showEntity,
    closePanel,
    forgetDeleted,
    gridProps: { onRowClicked, onSelectionChanged },
  }
}

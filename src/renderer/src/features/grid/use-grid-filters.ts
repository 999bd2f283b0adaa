import type { FilterChangedEvent, GridApi, IRowNode, ModelUpdatedEvent } from 'ag-grid-community'
import { useCallback, useReducer, useRef } from 'react'
import type { EntityRow } from '../../../../shared/contract'
import type { FilterChip } from './FilterBar'
import {
  activeFilters,
  gridFiltersReducer,
  hasGoodEvidence,
  NO_FILTERS,
  type FilterSource,
} from './grid-filters'

/**
 * The filters of a grid: the search box and the evidence filter (ours), the column filters
 * (the grid's), the chips that name them all, and the count of rows they let through.
 */
export function useGridFilters(api: GridApi<EntityRow> | null) {
  const [state, dispatch] = useReducer(gridFiltersReducer, NO_FILTERS)
  // The grid asks whether the evidence filter is on while it filters, inside
  // onFilterChanged(), before React renders the new state: a ref answers it.
  const gradedOnlyRef = useRef(false)

  const setSearch = useCallback((text: string) => dispatch({ type: 'search', text }), [])

  const setGradedOnly = useCallback(
    (on: boolean) => {
      gradedOnlyRef.current = on
      dispatch({ type: 'gradedOnly', on })
      api?.onFilterChanged()
    },
    [api],
  )

  const clearColumnFilter = (colId: string): void => {
    if (!api) return
    void Promise.resolve(api.setColumnFilterModel(colId, null)).then(() => api.onFilterChanged())
  }

  const remove = (source: FilterSource): void => {
    if (source.kind === 'search') setSearch('')
    else if (source.kind === 'gradedOnly') setGradedOnly(false)
    else clearColumnFilter(source.colId)
  }

  const clearAll = (): void => {
    gradedOnlyRef.current = false
    dispatch({ type: 'clearAll' })
    api?.setFilterModel(null)
    api?.onFilterChanged()
  }

  const chips: FilterChip[] = activeFilters(
    state,
    (colId) => api?.getColumn(colId)?.getColDef().headerName ?? colId,
  ).map(({ key, text, source }) => ({ key, text, remove: () => remove(source) }))

  const isExternalFilterPresent = useCallback(() => gradedOnlyRef.current, [])
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<EntityRow>) => hasGoodEvidence(node.data),
    [],
  )
  const onFilterChanged = useCallback(
    (event: FilterChangedEvent<EntityRow>) =>
      dispatch({ type: 'columnFilters', model: event.api.getFilterModel() }),
    [],
  )
  const onModelUpdated = useCallback(
    (event: ModelUpdatedEvent<EntityRow>) =>
      dispatch({ type: 'shown', count: event.api.getDisplayedRowCount() }),
    [],
  )

  return {
    search: state.search,
    setSearch,
    gradedOnly: state.gradedOnly,
    setGradedOnly,
    shown: state.shown,
    chips,
    clearAll,
    gridProps: {
      quickFilterText: state.search,
      isExternalFilterPresent,
      doesExternalFilterPass,
      onFilterChanged,
      onModelUpdated,
    },
  }
}

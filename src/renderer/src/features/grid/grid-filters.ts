/**
 * What hides rows in a grid, as one piece of state: the search box, the evidence filter,
 * the columns' own filters (ag-grid holds them; this is the copy the filter bar describes)
 * and how many rows got through, as the grid last counted them.
 */
import type { FilterModel } from 'ag-grid-community'
import type { EntityRow } from '../../../../shared/contract'
import { describeFilter } from './filters'
import { t } from '../../ui/i18n'

/** Admiralty credibility 1–3: confirmed, probably true, possibly true. */
export const GOOD_GRADE = 3

export interface GridFilters {
  search: string
  gradedOnly: boolean
  columnFilters: FilterModel
  shown: number
}

export type GridFiltersAction =
  | { type: 'search'; text: string }
  | { type: 'gradedOnly'; on: boolean }
  | { type: 'columnFilters'; model: FilterModel }
  | { type: 'shown'; count: number }
  | { type: 'clearAll' }

export const NO_FILTERS: GridFilters = {
  search: '',
  gradedOnly: false,
  columnFilters: {},
  shown: 0,
}

export function gridFiltersReducer(state: GridFilters, action: GridFiltersAction): GridFilters {
  switch (action.type) {
    case 'search':
      return { ...state, search: action.text }
    case 'gradedOnly':
      return { ...state, gradedOnly: action.on }
    case 'columnFilters':
      return { ...state, columnFilters: action.model }
    case 'shown':
      return state.shown === action.count ? state : { ...state, shown: action.count }
    case 'clearAll':
      return { ...state, search: '', gradedOnly: false, columnFilters: {} }
  }
}

/** Whether a row passes the evidence filter: backed by at least one well-graded quote. */
export function hasGoodEvidence(row: EntityRow | undefined): boolean {
  return row?.bestCredibility !== undefined && row.bestCredibility <= GOOD_GRADE
}

/** Which filter a chip of the filter bar stands for, so that removing it clears just that one. */
export type FilterSource =
  { kind: 'search' } | { kind: 'gradedOnly' } | { kind: 'column'; colId: string }

export interface ActiveFilter {
  key: string
  text: string
  source: FilterSource
}

/** Every filter that hides rows now, in words; `columnLabel` names a column by its id. */
export function activeFilters(
  state: GridFilters,
  columnLabel: (colId: string) => string,
): ActiveFilter[] {
  const search = state.search.trim()
  return [
    ...(search
      ? [{ key: 'quick', text: t('grid.text', { search }), source: { kind: 'search' } as const }]
      : []),
    ...(state.gradedOnly
      ? [
          {
            key: 'graded',
            text: t('grid.evidenceGradedOrBetter', { GOOD_GRADE }),
            source: { kind: 'gradedOnly' } as const,
          },
        ]
      : []),
    ...Object.entries(state.columnFilters).map(([colId, model]) => {
      const label = columnLabel(colId)
      return {
        key: colId,
        text: describeFilter(label, model) ?? `${label} filtered`,
        source: { kind: 'column', colId } as const,
      }
    }),
  ]
}

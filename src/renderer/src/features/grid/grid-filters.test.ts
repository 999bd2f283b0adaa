import { describe, expect, it } from 'vitest'
import type { EntityRow } from '../../../../shared/contract'
import {
  activeFilters,
  gridFiltersReducer,
  hasGoodEvidence,
  NO_FILTERS,
  type GridFilters,
} from './grid-filters'

const label = (colId: string): string => ({ phase: 'Phase', quotes: 'Quotes' })[colId] ?? colId

describe('grid filters', () => {
  it('keeps each filter apart, and "clear all" clears every one but the row count', () => {
    let state = gridFiltersReducer(NO_FILTERS, { type: 'search', text: 'front' })
    state = gridFiltersReducer(state, { type: 'gradedOnly', on: true })
    state = gridFiltersReducer(state, { type: 'columnFilters', model: { phase: { values: [] } } })
    state = gridFiltersReducer(state, { type: 'shown', count: 4 })
    expect(state).toEqual({
      search: 'front',
      gradedOnly: true,
      columnFilters: { phase: { values: [] } },
      shown: 4,
    })
    expect(gridFiltersReducer(state, { type: 'clearAll' })).toEqual({ ...NO_FILTERS, shown: 4 })
  })

  it('keeps the same state when the grid counts the same rows again', () => {
    const state: GridFilters = { ...NO_FILTERS, shown: 9 }
    expect(gridFiltersReducer(state, { type: 'shown', count: 9 })).toBe(state)
  })

  it('names every active filter, in the order search, evidence, columns', () => {
    const state: GridFilters = {
      search: '  طالبان ',
      gradedOnly: true,
      columnFilters: {
        phase: { values: ['guerrilla-warfare'] },
        quotes: { filterType: 'number', type: 'greaterThan', filter: 2 },
        strength: null,
      },
      shown: 1,
    }
    expect(activeFilters(state, label)).toEqual([
      { key: 'quick', text: 'Text “طالبان”', source: { kind: 'search' } },
      { key: 'graded', text: 'Evidence graded 3 or better', source: { kind: 'gradedOnly' } },
      {
        key: 'phase',
        text: 'Phase is Guerrilla warfare',
        source: { kind: 'column', colId: 'phase' },
      },
      { key: 'quotes', text: 'Quotes > 2', source: { kind: 'column', colId: 'quotes' } },
      {
        key: 'strength',
        text: 'strength filtered',
        source: { kind: 'column', colId: 'strength' },
      },
    ])
  })

  it('shows no chip for a search of blanks', () => {
    expect(activeFilters({ ...NO_FILTERS, search: '   ' }, label)).toEqual([])
  })

  it('lets through rows backed by a quote graded 1 to 3, and no row without a grade', () => {
    const row = (bestCredibility?: number) =>
      ({ ...(bestCredibility === undefined ? {} : { bestCredibility }) }) as EntityRow
    expect([1, 2, 3, 4, 6].map((grade) => hasGoodEvidence(row(grade)))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
    expect(hasGoodEvidence(row())).toBe(false)
    expect(hasGoodEvidence(undefined)).toBe(false)
  })
})

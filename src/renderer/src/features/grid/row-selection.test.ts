import { describe, expect, it } from 'vitest'
import { entityInHash, rowSelectionReducer, type RowSelection } from './row-selection'

const none: RowSelection = { selectedIds: [], panelId: null }

describe('row selection and the evidence panel', () => {
  it('opens the panel of the one selected row, keeps it for several, closes it for none', () => {
    const one = rowSelectionReducer(none, { type: 'selectionChanged', ids: ['a'] })
    expect(one).toEqual({ selectedIds: ['a'], panelId: 'a' })
    const two = rowSelectionReducer(one, { type: 'selectionChanged', ids: ['a', 'b'] })
    expect(two).toEqual({ selectedIds: ['a', 'b'], panelId: 'a' })
    expect(rowSelectionReducer(two, { type: 'selectionChanged', ids: [] })).toEqual(none)
  })

  it('shows any entity on request without changing the selection', () => {
    const state = rowSelectionReducer(
      { selectedIds: ['a', 'b'], panelId: 'a' },
      { type: 'showEntity', id: 'z' },
    )
    expect(state).toEqual({ selectedIds: ['a', 'b'], panelId: 'z' })
    expect(rowSelectionReducer(state, { type: 'closePanel' })).toEqual({
      selectedIds: ['a', 'b'],
      panelId: null,
    })
  })

  it('closes the panel of a deleted entity and keeps any other', () => {
    const showing: RowSelection = { selectedIds: ['a'], panelId: 'a' }
    expect(rowSelectionReducer(showing, { type: 'deleted', ids: ['b'] })).toBe(showing)
    expect(rowSelectionReducer(showing, { type: 'deleted', ids: ['b', 'a'] }).panelId).toBeNull()
  })

  it('reads the entity a link names from the hash', () => {
    expect(entityInHash('#/groups?e=grp-nrf')).toBe('grp-nrf')
    expect(entityInHash('#/groups?e=' + encodeURIComponent('a&b'))).toBe('a&b')
    expect(entityInHash('#/groups')).toBeNull()
    expect(entityInHash('')).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { mapReducer, stateFromRoute, type MapState } from './use-map-state'

const START: MapState = { layer: 'groups', groupIds: [], labels: 'latin', selection: null }

describe('the map state', () => {
  it('opens a link on the groups it names, compared, and on the place it names', () => {
    expect(stateFromRoute({ layer: null, groupIds: ['a', 'b', 'a'], placeId: 'p' })).toEqual({
      layer: 'areas',
      groupIds: ['a', 'b'],
      labels: 'latin',
      selection: { kind: 'entity', id: 'p' },
    })
    expect(stateFromRoute({ layer: 'quotes', groupIds: ['a'], placeId: null }).layer).toBe('quotes')
    // A layer the link invents is not taken.
    expect(stateFromRoute({ layer: 'heat', groupIds: [], placeId: null }).layer).toBe('groups')
  })

  it('switches to the areas layer when a group is chosen, and keeps the layer when one is dropped', () => {
    const one = mapReducer(START, { type: 'toggle-group', id: 'a', on: true })
    expect(one).toMatchObject({ layer: 'areas', groupIds: ['a'] })
    const quotes = mapReducer(one, { type: 'set-layer', layer: 'quotes' })
    expect(mapReducer(quotes, { type: 'toggle-group', id: 'a', on: false })).toMatchObject({
      layer: 'quotes',
      groupIds: [],
    })
  })

  it('compares at most eight groups, and ignores a toggle that changes nothing', () => {
    let state = START
    for (let i = 0; i < 10; i++)
      state = mapReducer(state, { type: 'toggle-group', id: `g${i}`, on: true })
    expect(state.groupIds).toHaveLength(8)
    expect(mapReducer(state, { type: 'toggle-group', id: 'g0', on: true })).toBe(state)
  })

  it('keeps the analyst’s label script when a new link is followed', () => {
    const dari = mapReducer(START, { type: 'set-labels', labels: 'dari' })
    const next = mapReducer(dari, {
      type: 'open-route',
      route: { layer: null, groupIds: ['x'], placeId: null },
    })
    expect(next).toMatchObject({ labels: 'dari', groupIds: ['x'], layer: 'areas' })
  })
})

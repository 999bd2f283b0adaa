import { describe, expect, it } from 'vitest'
import {
  graphSelectionReducer,
  INITIAL_GRAPH_SELECTION,
  type GraphSelectionAction,
  type GraphSelectionState,
} from './use-graph-selection'

const apply = (
  actions: GraphSelectionAction[],
  from: GraphSelectionState = INITIAL_GRAPH_SELECTION,
): GraphSelectionState => actions.reduce(graphSelectionReducer, from)

const select = (...ids: string[]): GraphSelectionAction => ({ type: 'chart-selected', ids })

describe('graphSelectionReducer', () => {
  it('keeps the chart’s selection in order', () => {
    expect(apply([select('nrf'), select('nrf', 'masoud')]).selected).toEqual(['nrf', 'masoud'])
  })

  it('makes the first two selected nodes the ends of a new relation', () => {
    expect(apply([select('nrf', 'panjshir', 'masoud')]).ends).toEqual({
      from: 'nrf',
      to: 'panjshir',
    })
  })

  it('puts one selected node at the start, keeping the other end unless it is the same node', () => {
    const chosen = apply([{ type: 'choose-ends', ends: { from: '', to: 'panjshir' } }])
    expect(apply([select('nrf')], chosen).ends).toEqual({ from: 'nrf', to: 'panjshir' })
    expect(apply([select('panjshir')], chosen).ends).toEqual({ from: 'panjshir', to: '' })
  })

  it('leaves the ends as they were when the selection is emptied', () => {
    const state = apply([select('nrf', 'panjshir'), select()])
    expect(state.selected).toEqual([])
    expect(state.ends).toEqual({ from: 'nrf', to: 'panjshir' })
  })

  it('takes ends chosen in the form without touching the selection', () => {
    const state = apply([
      select('nrf'),
      { type: 'choose-ends', ends: { from: 'masoud', to: 'andarab' } },
    ])
    expect(state).toEqual({ selected: ['nrf'], ends: { from: 'masoud', to: 'andarab' } })
  })
})

import { describe, expect, it } from 'vitest'
import {
  graphFilterReducer,
  INITIAL_GRAPH_FILTER,
  type GraphFilterAction,
  type GraphFilterState,
} from './use-graph-filter'

const applyTo = (state: GraphFilterState, ...actions: GraphFilterAction[]): GraphFilterState =>
  actions.reduce(graphFilterReducer, state)
const apply = (...actions: GraphFilterAction[]): GraphFilterState =>
  applyTo(INITIAL_GRAPH_FILTER, ...actions)

describe('graphFilterReducer', () => {
  it('starts with everything in view and nothing to find', () => {
    expect(INITIAL_GRAPH_FILTER.query).toBe('')
    expect(INITIAL_GRAPH_FILTER.filter).toEqual({
      hiddenTypes: new Set(),
      hiddenRelationTypes: new Set(),
      minCredibility: null,
      hiddenNodes: new Set(),
      focus: null,
    })
  })

  it('switches entity and relation types off and on again', () => {
    const off = apply(
      { type: 'show-entity-type', entityType: 'place', shown: false },
      { type: 'show-entity-type', entityType: 'person', shown: false },
      { type: 'show-relation-type', relationType: 'rival-of', shown: false },
    )
    expect([...off.filter.hiddenTypes]).toEqual(['place', 'person'])
    expect([...off.filter.hiddenRelationTypes]).toEqual(['rival-of'])
    const back = applyTo(
      off,
      { type: 'show-entity-type', entityType: 'place', shown: true },
      { type: 'show-relation-type', relationType: 'rival-of', shown: true },
    )
    expect([...back.filter.hiddenTypes]).toEqual(['person'])
    expect(back.filter.hiddenRelationTypes.size).toBe(0)
  })

  it('never changes the sets it was given', () => {
    const before = apply({ type: 'show-entity-type', entityType: 'place', shown: false })
    const hidden = before.filter.hiddenTypes
    graphFilterReducer(before, { type: 'show-entity-type', entityType: 'group', shown: false })
    graphFilterReducer(before, { type: 'hide-nodes', ids: ['nrf'] })
    expect([...hidden]).toEqual(['place'])
    expect(before.filter.hiddenNodes.size).toBe(0)
  })

  it('sets and lifts the credibility floor', () => {
    expect(apply({ type: 'require-credibility', minCredibility: 2 }).filter.minCredibility).toBe(2)
    expect(
      apply(
        { type: 'require-credibility', minCredibility: 2 },
        { type: 'require-credibility', minCredibility: null },
      ).filter.minCredibility,
    ).toBeNull()
  })

  it('adds hidden nodes to those hidden before, and shows them all again at once', () => {
    const hidden = apply(
      { type: 'hide-nodes', ids: ['nrf'] },
      { type: 'hide-nodes', ids: ['masoud', 'nrf'] },
    )
    expect([...hidden.filter.hiddenNodes].sort()).toEqual(['masoud', 'nrf'])
    expect(graphFilterReducer(hidden, { type: 'show-hidden-nodes' }).filter.hiddenNodes.size).toBe(
      0,
    )
  })

  it('narrows to a focus and back to the whole graph, keeping the other filters', () => {
    const focused = apply(
      { type: 'show-entity-type', entityType: 'place', shown: false },
      { type: 'focus', focus: new Set(['nrf', 'masoud']) },
    )
    expect([...(focused.filter.focus ?? [])]).toEqual(['nrf', 'masoud'])
    const whole = graphFilterReducer(focused, { type: 'show-whole-graph' })
    expect(whole.filter.focus).toBeNull()
    expect([...whole.filter.hiddenTypes]).toEqual(['place'])
  })

  it('keeps the same filter while the query changes, so finding does not recompute the view', () => {
    const before = apply({ type: 'hide-nodes', ids: ['nrf'] })
    const found = graphFilterReducer(before, { type: 'find', query: 'panj' })
    expect(found.query).toBe('panj')
    expect(found.filter).toBe(before.filter)
    const changed = graphFilterReducer(found, { type: 'require-credibility', minCredibility: 3 })
    expect(changed.filter).not.toBe(found.filter)
    expect(changed.query).toBe('panj')
  })
})

import { describe, expect, it } from 'vitest'
import type { GraphEdge, GraphElements, GraphNode } from '../../../../shared/contract'
import {
  adjacencyOf,
  EXPLORE_FROM_ELEMENTS,
  mostConnected,
  neighbourhood,
  reachOf,
} from './exploration'
import { NO_FILTER, type ViewFilter } from './view-filter'

const node = (id: string, degree = 0, type = 'group'): GraphNode => ({
  id,
  type,
  name: id,
  evidenceCount: 0,
  degree,
})
const edge = (id: string, from: string, to: string, type: GraphEdge['type'] = 'allied-with') =>
  ({ id, type, from, to, evidence: [], evidenceCount: 0, supported: false }) satisfies GraphEdge

/** A chain a–b–c–d–e, a spur b–x, and f alone. */
const graph: GraphElements = {
  nodes: ['a', 'b', 'c', 'd', 'e', 'x', 'f'].map((id) => node(id, id === 'b' ? 3 : 1)),
  edges: [
    edge('ab', 'a', 'b'),
    edge('bc', 'b', 'c'),
    edge('cd', 'c', 'd', 'opposes'),
    edge('de', 'd', 'e'),
    edge('bx', 'x', 'b'),
  ],
  positions: {},
}
const adjacency = adjacencyOf(graph.edges)
const filter = (patch: Partial<ViewFilter>): ViewFilter => ({ ...NO_FILTER, ...patch })
const sorted = (set: ReadonlySet<string>) => [...set].sort()

describe('neighbourhood', () => {
  it('holds the focus and whatever lies within the depth, both directions', () => {
    expect(sorted(neighbourhood(graph, adjacency, NO_FILTER, ['a'], 1).nodes)).toEqual(['a', 'b'])
    expect(sorted(neighbourhood(graph, adjacency, NO_FILTER, ['a'], 2).nodes)).toEqual([
      'a',
      'b',
      'c',
      'x',
    ])
    expect(sorted(neighbourhood(graph, adjacency, NO_FILTER, ['e', 'a'], 1).nodes)).toEqual([
      'a',
      'b',
      'd',
      'e',
    ])
  })

  it('goes only through relations and entities the filter lets through', () => {
    const noOpposes = filter({ hiddenRelationTypes: new Set(['opposes']) })
    expect(sorted(neighbourhood(graph, adjacency, noOpposes, ['b'], 3).nodes)).toEqual([
      'a',
      'b',
      'c',
      'x',
    ])
    const noC = filter({ hiddenNodes: new Set(['c']) })
    expect(neighbourhood(graph, adjacency, noC, ['b'], 3).nodes.has('d')).toBe(false)
    expect(neighbourhood(graph, adjacency, noC, ['c'], 1).nodes.size).toBe(0)
  })

  it('stops at the limit, nearest first, and counts what it left out', () => {
    const reach = neighbourhood(graph, adjacency, NO_FILTER, ['b'], 2, 3)
    expect(reach.nodes.size).toBe(3)
    expect(reach.nodes.has('b')).toBe(true)
    expect(reach.nodes.has('d')).toBe(false)
    expect(reach.leftOut).toBe(2)
  })
})

describe('reachOf', () => {
  it('shows the whole graph, or a focus grown by the expanded entities', () => {
    expect(reachOf({ kind: 'all' }, graph, adjacency, NO_FILTER)).toBeNull()
    expect(reachOf({ kind: 'default' }, graph, adjacency, NO_FILTER)).toBeNull()
    const reach = reachOf(
      { kind: 'explore', focus: ['a'], depth: 1, expanded: ['d'] },
      graph,
      adjacency,
      NO_FILTER,
    )
    expect(sorted(reach!.nodes)).toEqual(['a', 'b', 'c', 'd', 'e'])
    const expandedOnly = reachOf(
      { kind: 'explore', focus: [], depth: 2, expanded: ['x'] },
      graph,
      adjacency,
      NO_FILTER,
    )
    expect(sorted(expandedOnly!.nodes)).toEqual(['b', 'x'])
  })

  it('opens a large graph on nothing until a focus is chosen', () => {
    const many = Array.from({ length: EXPLORE_FROM_ELEMENTS }, (_, i) => node(`n${i}`))
    const large: GraphElements = { nodes: many, edges: [], positions: {} }
    const reach = reachOf({ kind: 'default' }, large, adjacencyOf([]), NO_FILTER)
    expect(reach?.nodes.size).toBe(0)
    expect(reachOf({ kind: 'all' }, large, adjacencyOf([]), NO_FILTER)).toBeNull()
  })
})

describe('mostConnected', () => {
  it('lists the entities with the most relations first', () => {
    expect(mostConnected(graph, 2)[0]?.id).toBe('b')
  })
})

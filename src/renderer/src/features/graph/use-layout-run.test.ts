import { describe, expect, it } from 'vitest'
import type { GraphEdge, GraphElements, GraphNode } from '../../../../shared/contract'
import { labelWidth, nodeSize } from './chart-style'
import { layoutRequest } from './use-layout-run'

const node = (id: string, name: string, evidenceCount: number): GraphNode => ({
  id,
  type: 'group',
  name,
  evidenceCount,
  degree: 1,
})
const edge = (id: string, from: string, to: string): GraphEdge => ({
  id,
  type: 'allied-with',
  from,
  to,
  evidence: [],
  evidenceCount: 0,
  supported: false,
})

const graph: GraphElements = {
  nodes: [node('a', 'National Resistance Front', 9), node('b', 'B', 0), node('c', 'C', 1)],
  edges: [edge('ab', 'a', 'b'), edge('bc', 'b', 'c'), edge('ac', 'a', 'c')],
  positions: {},
}

describe('layoutRequest', () => {
  it('asks to place the elements in view only, with the room each node takes', () => {
    const request = layoutRequest(
      graph,
      { nodes: new Set(['a', 'c']), edges: new Set(['ac']) },
      'concentric',
    )
    expect(request).toEqual({
      kind: 'concentric',
      nodes: [
        {
          id: 'a',
          size: nodeSize(9),
          labelWidth: labelWidth('National Resistance Front'),
        },
        { id: 'c', size: nodeSize(1), labelWidth: labelWidth('C') },
      ],
      edges: [{ id: 'ac', source: 'a', target: 'c' }],
    })
  })

  it('names the root a tree grows from, and only when there is one', () => {
    const all = { nodes: new Set(['a', 'b', 'c']), edges: new Set(['ab', 'bc', 'ac']) }
    expect(layoutRequest(graph, all, 'breadthfirst', 'b').root).toBe('b')
    expect('root' in layoutRequest(graph, all, 'fcose')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import type { GraphEdge, GraphElements, GraphNode } from '../../../../shared/contract'
import {
  expandFocus,
  matchesWithNeighbours,
  matchingNodes,
  NO_FILTER,
  visibleElements,
  type ViewFilter,
} from './view-filter'

const node = (id: string, type: string, name: string): GraphNode => ({
  id,
  type,
  name,
  evidenceCount: 1,
  degree: 0,
})

const edge = (
  id: string,
  type: GraphEdge['type'],
  from: string,
  to: string,
  bestCredibility?: number,
): GraphEdge => ({
  id,
  type,
  from,
  to,
  evidence: bestCredibility ? ['a'] : [],
  evidenceCount: bestCredibility ? 1 : 0,
  ...(bestCredibility ? { bestCredibility } : {}),
  supported: bestCredibility !== undefined,
})

const graph: GraphElements = {
  nodes: [
    node('nrf', 'group', 'National Resistance Front'),
    node('masoud', 'person', 'Ahmad Masoud'),
    node('panjshir', 'place', 'Panjshīr'),
    node('taliban', 'group', 'Taliban'),
    node('hazara', 'community', 'Hazara'),
  ],
  edges: [
    edge('leads', 'leads', 'masoud', 'nrf', 2),
    edge('operates', 'operates-in', 'nrf', 'panjshir', 3),
    edge('opposes', 'opposes', 'nrf', 'taliban', 5),
    edge('rumour', 'related-to', 'taliban', 'hazara'),
  ],
  positions: {},
}

const filter = (patch: Partial<ViewFilter>): ViewFilter => ({ ...NO_FILTER, ...patch })
const sorted = (set: Set<string>) => [...set].sort()

describe('visibleElements', () => {
  it('shows everything without a filter', () => {
    const visible = visibleElements(graph, NO_FILTER)
    expect(visible.nodes.size).toBe(5)
    expect(visible.edges.size).toBe(4)
  })

  it('drops a switched-off entity type and the edges that touch it', () => {
    const visible = visibleElements(graph, filter({ hiddenTypes: new Set(['place']) }))
    expect(visible.nodes.has('panjshir')).toBe(false)
    expect(visible.edges.has('operates')).toBe(false)
    expect(visible.edges.has('leads')).toBe(true)
  })

  it('drops a switched-off relation type but keeps its nodes', () => {
    const visible = visibleElements(graph, filter({ hiddenRelationTypes: new Set(['opposes']) }))
    expect(visible.edges.has('opposes')).toBe(false)
    expect(visible.nodes.has('taliban')).toBe(true)
  })

  it('keeps only relations with evidence at least as credible as asked (1 is best)', () => {
    expect(sorted(visibleElements(graph, filter({ minCredibility: 3 })).edges)).toEqual([
      'leads',
      'operates',
    ])
    expect(sorted(visibleElements(graph, filter({ minCredibility: 6 })).edges)).toEqual([
      'leads',
      'operates',
      'opposes',
    ])
  })

  it('leaves hidden nodes out, and shows only the focus when there is one', () => {
    expect(visibleElements(graph, filter({ hiddenNodes: new Set(['nrf']) })).edges.size).toBe(1)
    const focused = visibleElements(graph, filter({ focus: new Set(['nrf', 'masoud']) }))
    expect(sorted(focused.nodes)).toEqual(['masoud', 'nrf'])
    expect(sorted(focused.edges)).toEqual(['leads'])
  })
})

describe('expandFocus', () => {
  it('adds the neighbours through relations the filter lets through, growing the focus', () => {
    const first = expandFocus(graph, filter({ hiddenRelationTypes: new Set(['opposes']) }), 'nrf')
    expect(sorted(first)).toEqual(['masoud', 'nrf', 'panjshir'])
    const second = expandFocus(graph, filter({ focus: first }), 'nrf')
    expect(sorted(second)).toEqual(['masoud', 'nrf', 'panjshir', 'taliban'])
    const third = expandFocus(graph, filter({ focus: second }), 'taliban')
    expect(third.has('hazara')).toBe(true)
  })

  it('never brings back a hidden node', () => {
    expect(
      expandFocus(graph, filter({ hiddenNodes: new Set(['masoud']) }), 'nrf').has('masoud'),
    ).toBe(false)
  })
})

describe('matchingNodes', () => {
  const all = new Set(graph.nodes.map((n) => n.id))

  it('finds names ignoring case and accents', () => {
    expect(sorted(matchingNodes(graph.nodes, all, 'panjshir'))).toEqual(['panjshir'])
    expect(sorted(matchingNodes(graph.nodes, all, ' MASOUD '))).toEqual(['masoud'])
    expect(sorted(matchingNodes(graph.nodes, all, 'front'))).toEqual(['nrf'])
  })

  it('finds aliases and acronyms, in either script', () => {
    const nodes: GraphNode[] = [
      { ...node('nff', 'group', 'National Freedom Front'), alsoKnownAs: ['NFF', 'جبهه آزادی'] },
      node('nrf', 'group', 'National Resistance Front'),
    ]
    const both = new Set(['nff', 'nrf'])
    expect(sorted(matchingNodes(nodes, both, 'nff'))).toEqual(['nff'])
    expect(sorted(matchingNodes(nodes, both, 'آزادی'))).toEqual(['nff'])
    expect(sorted(matchingNodes(nodes, new Set(['nrf']), 'NFF'))).toEqual([])
  })

  it('matches nothing for an empty query or among nodes out of view', () => {
    expect(matchingNodes(graph.nodes, all, '  ').size).toBe(0)
    expect(matchingNodes(graph.nodes, new Set(['nrf']), 'masoud').size).toBe(0)
  })
})

describe('matchesWithNeighbours', () => {
  it('frames the matches with the neighbours linked through relations in view', () => {
    const all = visibleElements(graph, NO_FILTER)
    const framed = matchesWithNeighbours(graph.edges, all, new Set(['nrf']))
    expect(framed.has('nrf')).toBe(true)
    const neighbours = graph.edges
      .filter((e) => e.from === 'nrf' || e.to === 'nrf')
      .map((e) => (e.from === 'nrf' ? e.to : e.from))
    expect(neighbours.length).toBeGreaterThan(0)
    for (const id of neighbours) expect(framed.has(id)).toBe(true)
    const none = { nodes: all.nodes, edges: new Set<string>() }
    expect(sorted(matchesWithNeighbours(graph.edges, none, new Set(['nrf'])))).toEqual(['nrf'])
  })
})

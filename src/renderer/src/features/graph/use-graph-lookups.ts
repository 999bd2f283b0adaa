/** What the view looks up in the graph by id or by type, computed once per refetch. */
import { useMemo } from 'react'
import type { GraphEdge, GraphElements } from '../../../../shared/contract'
import type { RelationType } from '../../../../shared/model'

function countBy<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}

export interface GraphLookups {
  names: ReadonlyMap<string, string>
  edgeById: ReadonlyMap<string, GraphEdge>
  /** Entity types in order of first appearance, with how many entities each has. */
  entityTypes: ReadonlyMap<string, number>
  relationTypes: ReadonlyMap<RelationType, number>
}

export function useGraphLookups(graph: GraphElements): GraphLookups {
  const { nodes, edges } = graph
  const names = useMemo(() => new Map(nodes.map((n) => [n.id, n.name])), [nodes])
  const edgeById = useMemo(() => new Map(edges.map((e) => [e.id, e])), [edges])
  const entityTypes = useMemo(() => countBy(nodes.map((n) => n.type)), [nodes])
  const relationTypes = useMemo(() => countBy(edges.map((e) => e.type)), [edges])
  return { names, edgeById, entityTypes, relationTypes }
}

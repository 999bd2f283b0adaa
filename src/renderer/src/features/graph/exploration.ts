/**
 * Exploring a large graph from a focus instead of drawing all of it: the entities within a few
 * relations of the focus, grown by expanding one entity at a time. Pure functions over the
 * graph's elements; the route (routes/links.ts) keeps what they are asked, so a reload
 * rebuilds the same view.
 */
import type { GraphEdge, GraphElements } from '../../../../shared/contract'
import type { GraphRoute } from '../../routes/links'
import { edgePasses, expandFocus, nodePasses, type ViewFilter } from './view-filter'

/**
 * From this many elements (entities and relations) on, the Graph view opens on a focus rather
 * than on the whole graph: drawing everything costs seconds there (see the bench's "graph"
 * suite), and a picture of thousands of nodes answers no question an analyst asks of it.
 */
export const EXPLORE_FROM_ELEMENTS = 3_000

/**
 * A focus stops growing at this many entities: past it the chart is as slow and as unreadable
 * as the whole graph. The nearest entities come first.
 */
const FOCUS_NODE_LIMIT = 400

/** Each entity's relations, both directions. */
export type Adjacency = ReadonlyMap<string, readonly GraphEdge[]>

export function adjacencyOf(edges: readonly GraphEdge[]): Adjacency {
  const adjacency = new Map<string, GraphEdge[]>()
  const add = (id: string, edge: GraphEdge): void => {
    const list = adjacency.get(id)
    if (list) list.push(edge)
    else adjacency.set(id, [edge])
  }
  for (const edge of edges) {
    add(edge.from, edge)
    if (edge.to !== edge.from) add(edge.to, edge)
  }
  return adjacency
}

export interface Reach {
  /** The entities in view. */
  nodes: Set<string>
  /** Entities next to the focus that the limit left out (more may lie beyond them). */
  leftOut: number
}

/**
 * The entities within `depth` relations of the focus, through relations and entities the
 * filter lets through, nearest first and at most `limit` of them.
 */
export function neighbourhood(
  graph: GraphElements,
  adjacency: Adjacency,
  filter: ViewFilter,
  focus: readonly string[],
  depth: number,
  limit = FOCUS_NODE_LIMIT,
): Reach {
  const nodesById = new Map(graph.nodes.map((node) => [node.id, node]))
  const passes = (id: string): boolean => {
    const node = nodesById.get(id)
    return node !== undefined && nodePasses(node, filter)
  }
  const nodes = new Set<string>()
  let ring = focus.filter((id) => passes(id) && !nodes.has(id) && nodes.add(id))
  let leftOut = 0
  for (let step = 0; step < depth && ring.length > 0; step++) {
    const next: string[] = []
    for (const id of ring) {
      for (const edge of adjacency.get(id) ?? []) {
        const other = edge.from === id ? edge.to : edge.from
        if (nodes.has(other) || !edgePasses(edge, filter) || !passes(other)) continue
        if (nodes.size >= limit) {
          leftOut++
          continue
        }
        nodes.add(other)
        next.push(other)
      }
    }
    ring = next
  }
  return { nodes, leftOut }
}

/**
 * What a route shows: null for the whole graph; for an exploration, the focus's
 * neighbourhood plus the neighbours of each expanded entity; nothing (an empty set) for a
 * large graph opened without a focus, which waits for the analyst to choose one.
 */
export function reachOf(
  route: GraphRoute,
  graph: GraphElements,
  adjacency: Adjacency,
  filter: ViewFilter,
): Reach | null {
  if (route.kind === 'all') return null
  if (route.kind === 'default') {
    return isLargeGraph(graph) ? { nodes: new Set(), leftOut: 0 } : null
  }
  const reach = neighbourhood(graph, adjacency, filter, route.focus, route.depth)
  let nodes: ReadonlySet<string> = reach.nodes
  for (const id of route.expanded) nodes = expandFocus(graph, { ...filter, focus: nodes }, id)
  return { nodes: new Set(nodes), leftOut: reach.leftOut }
}

export function isLargeGraph(graph: GraphElements): boolean {
  return graph.nodes.length + graph.edges.length >= EXPLORE_FROM_ELEMENTS
}

/** The most connected entities: where to start when nothing else says. */
export function mostConnected(graph: GraphElements, count: number): GraphElements['nodes'] {
  return [...graph.nodes].sort((a, b) => b.degree - a.degree).slice(0, count)
}

import type { GraphEdge, GraphElements, GraphNode } from '../../../../shared/contract'
import type { RelationType } from '../../../../shared/model'

/** What the analyst chose to see; everything else stays in the project, only out of view. */
export interface ViewFilter {
  /** Entity types switched off. Off-lists, so a type added later shows by default. */
  hiddenTypes: ReadonlySet<string>
  hiddenRelationTypes: ReadonlySet<RelationType>
  /**
   * Keep only relations with a supporting quote graded this credible or better (Admiralty
   * 1 best … 6 worst); null keeps every relation, unsupported ones included.
   */
  minCredibility: number | null
  /** Nodes removed from the view by "Hide". */
  hiddenNodes: ReadonlySet<string>
  /** The focused set built by "Expand"; null shows the whole graph. */
  focus: ReadonlySet<string> | null
}

export const NO_FILTER: ViewFilter = {
  hiddenTypes: new Set(),
  hiddenRelationTypes: new Set(),
  minCredibility: null,
  hiddenNodes: new Set(),
  focus: null,
}

export interface Visible {
  nodes: Set<string>
  edges: Set<string>
}

function edgePassesCredibility(edge: GraphEdge, minCredibility: number | null): boolean {
  if (minCredibility === null) return true
  return edge.bestCredibility !== undefined && edge.bestCredibility <= minCredibility
}

/** The entity passes the filter's type and "Hide" choices (the focus aside). */
export function nodePasses(node: GraphNode, filter: ViewFilter): boolean {
  return !filter.hiddenTypes.has(node.type) && !filter.hiddenNodes.has(node.id)
}

/** The relation passes the filter's type and credibility choices (its ends aside). */
export function edgePasses(edge: GraphEdge, filter: ViewFilter): boolean {
  return (
    !filter.hiddenRelationTypes.has(edge.type) && edgePassesCredibility(edge, filter.minCredibility)
  )
}

/** The nodes and edges the chart shows under a filter. An edge shows only with both its ends. */
export function visibleElements(graph: GraphElements, filter: ViewFilter): Visible {
  const nodes = new Set<string>()
  for (const node of graph.nodes) {
    if (!nodePasses(node, filter)) continue
    if (filter.focus && !filter.focus.has(node.id)) continue
    nodes.add(node.id)
  }
  const edges = new Set<string>()
  for (const edge of graph.edges) {
    if (!nodes.has(edge.from) || !nodes.has(edge.to)) continue
    if (edgePasses(edge, filter)) edges.add(edge.id)
  }
  return { nodes, edges }
}

/**
 * "Expand": the node and its neighbours through relations the filter lets through, added to
 * the current focus (so expanding one neighbour after another grows the view).
 */
export function expandFocus(graph: GraphElements, filter: ViewFilter, nodeId: string): Set<string> {
  const unfocused = visibleElements(graph, { ...filter, focus: null })
  const focus = new Set(filter.focus ?? [])
  focus.add(nodeId)
  for (const edge of graph.edges) {
    if (!unfocused.edges.has(edge.id)) continue
    if (edge.from === nodeId) focus.add(edge.to)
    else if (edge.to === nodeId) focus.add(edge.from)
  }
  return focus
}

/** Folds case and accents, so "panjshir" finds "Panjshīr". */
function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

/**
 * Ids of the visible nodes whose name, alias or acronym contains the query ("NFF" finds the
 * National Freedom Front); empty for an empty query.
 */
export function matchingNodes(
  nodes: readonly GraphNode[],
  visible: ReadonlySet<string>,
  query: string,
): Set<string> {
  const needle = searchKey(query.trim())
  const matches = new Set<string>()
  if (!needle) return matches
  for (const node of nodes) {
    if (!visible.has(node.id)) continue
    const names = [node.name, ...(node.alsoKnownAs ?? [])]
    if (names.some((name) => searchKey(name).includes(needle))) matches.add(node.id)
  }
  return matches
}

/**
 * What "Find" frames: the matches and their neighbours in view, so the answer to "who is NFF
 * linked to" stays on screen instead of one node filling it.
 */
export function matchesWithNeighbours(
  edges: readonly GraphEdge[],
  visible: Visible,
  matches: ReadonlySet<string>,
): Set<string> {
  const framed = new Set(matches)
  for (const edge of edges) {
    if (!visible.edges.has(edge.id)) continue
    if (matches.has(edge.from)) framed.add(edge.to)
    else if (matches.has(edge.to)) framed.add(edge.from)
  }
  return framed
}

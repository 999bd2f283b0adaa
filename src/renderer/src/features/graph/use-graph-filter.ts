/**
 * What the analyst chose to see and to find, as one reducer: the controls dispatch, the view
 * reads the visible elements and the search matches derived from it. The focus follows the
 * route (the URL), so an exploration survives a reload.
 */
import { useMemo, useReducer, useState } from 'react'
import type { GraphElements } from '../../../../shared/contract'
import type { RelationType } from '../../../../shared/model'
import { graphHref, type GraphRoute } from '../../routes/links'
import { adjacencyOf, reachOf, type Reach } from './exploration'
import { useGraphRoute } from './use-graph-route'
import {
  expandFocus,
  matchingNodes,
  NO_FILTER,
  visibleElements,
  type ViewFilter,
  type Visible,
} from './view-filter'

export interface GraphFilterState {
  filter: ViewFilter
  /** The "Find" box: highlights matches without changing what is in view. */
  query: string
}

export type GraphFilterAction =
  | { type: 'show-entity-type'; entityType: string; shown: boolean }
  | { type: 'show-relation-type'; relationType: RelationType; shown: boolean }
  | { type: 'require-credibility'; minCredibility: number | null }
  | { type: 'hide-nodes'; ids: readonly string[] }
  | { type: 'show-hidden-nodes' }
  | { type: 'focus'; focus: ReadonlySet<string> }
  | { type: 'show-whole-graph' }
  | { type: 'find'; query: string }

export const INITIAL_GRAPH_FILTER: GraphFilterState = { filter: NO_FILTER, query: '' }

function withMember<T>(set: ReadonlySet<T>, value: T, member: boolean): ReadonlySet<T> {
  const next = new Set(set)
  if (member) next.add(value)
  else next.delete(value)
  return next
}

/**
 * Every change to the filter makes a new `filter` (what is in view is recomputed from it); a
 * new query keeps the same one, so typing in "Find" does not recompute the view.
 */
export function graphFilterReducer(
  state: GraphFilterState,
  action: GraphFilterAction,
): GraphFilterState {
  const filter = state.filter
  const next = (change: Partial<ViewFilter>): GraphFilterState => ({
    ...state,
    filter: { ...filter, ...change },
  })
  switch (action.type) {
    case 'show-entity-type':
      return next({ hiddenTypes: withMember(filter.hiddenTypes, action.entityType, !action.shown) })
    case 'show-relation-type':
      return next({
        hiddenRelationTypes: withMember(
          filter.hiddenRelationTypes,
          action.relationType,
          !action.shown,
        ),
      })
    case 'require-credibility':
      return next({ minCredibility: action.minCredibility })
    case 'hide-nodes':
      return next({ hiddenNodes: new Set([...filter.hiddenNodes, ...action.ids]) })
    case 'show-hidden-nodes':
      return next({ hiddenNodes: new Set() })
    case 'focus':
      return next({ focus: action.focus })
    case 'show-whole-graph':
      return next({ focus: null })
    case 'find':
      return { ...state, query: action.query }
  }
}

export interface GraphFilter extends GraphFilterState {
  visible: Visible
  /** Visible nodes whose name holds the query. */
  matches: Set<string>
  dispatch(action: GraphFilterAction): void
  /**
   * The elements the chart holds: the focus and the relations between its entities, or the
   * whole graph. Thousands of elements kept out of view would still cost their creation and
   * styling.
   */
  scope: GraphElements
  /** What the view shows: the whole graph, or an exploration from a focus. */
  route: GraphRoute
  /** Entities next to the focus that its size limit left out. */
  leftOut: number
  /** Shows another route (a focus, the whole graph), kept in the URL. */
  navigate(route: GraphRoute): void
  /** Adds the node and its visible neighbours to the focus; returns the new focus. */
  expand(nodeId: string): ReadonlySet<string>
}

function focusAction(reach: Reach | null): GraphFilterAction {
  return reach ? { type: 'focus', focus: reach.nodes } : { type: 'show-whole-graph' }
}

export function useGraphFilter(graph: GraphElements): GraphFilter {
  const [route, navigate] = useGraphRoute()
  const adjacency = useMemo(() => adjacencyOf(graph.edges), [graph.edges])
  const [state, dispatch] = useReducer(graphFilterReducer, undefined, () =>
    graphFilterReducer(
      INITIAL_GRAPH_FILTER,
      focusAction(reachOf(route, graph, adjacency, NO_FILTER)),
    ),
  )
  /** The route the focus was last built for, and what its limit left out. */
  const [built, setBuilt] = useState(() => ({
    href: graphHref(route),
    leftOut: reachOf(route, graph, adjacency, NO_FILTER)?.leftOut ?? 0,
  }))
  const { filter, query } = state
  // A new route (Back, a link, a choice in the view) rebuilds the focus under the filters of
  // the moment, as "Expand" always did; adjusting state while rendering spares a second pass.
  if (built.href !== graphHref(route)) {
    const reach = reachOf(route, graph, adjacency, filter)
    setBuilt({ href: graphHref(route), leftOut: reach?.leftOut ?? 0 })
    dispatch(focusAction(reach))
  }
  const visible = useMemo(() => visibleElements(graph, filter), [graph, filter])
  const scope = useScope(graph, filter.focus)
  const matches = useMemo(
    () => matchingNodes(graph.nodes, visible.nodes, query),
    [graph.nodes, visible.nodes, query],
  )
  const expand = (nodeId: string): ReadonlySet<string> => {
    const focus = expandFocus(graph, filter, nodeId)
    const next: GraphRoute =
      route.kind === 'explore'
        ? { ...route, expanded: [...route.expanded.filter((id) => id !== nodeId), nodeId] }
        : { kind: 'explore', focus: [], depth: 1, expanded: [nodeId] }
    // Built here already: the hash change that follows finds nothing to redo.
    setBuilt({ href: graphHref(next), leftOut: built.leftOut })
    dispatch({ type: 'focus', focus })
    navigate(next)
    return focus
  }
  return {
    filter,
    query,
    visible,
    matches,
    dispatch,
    scope,
    route,
    leftOut: built.leftOut,
    navigate,
    expand,
  }
}

/**
 * The focus's part of the graph. New only when the elements or the focus change: saving
 * positions makes a new graph object, and must not make the chart sync again.
 */
function useScope(graph: GraphElements, focus: ReadonlySet<string> | null): GraphElements {
  const { nodes, edges, positions } = graph
  const scopedNodes = useMemo(
    () => (focus ? nodes.filter((node) => focus.has(node.id)) : nodes),
    [nodes, focus],
  )
  const scopedEdges = useMemo(
    () => (focus ? edges.filter((edge) => focus.has(edge.from) && focus.has(edge.to)) : edges),
    [edges, focus],
  )
  return useMemo(
    () => ({ nodes: scopedNodes, edges: scopedEdges, positions }),
    [scopedNodes, scopedEdges, positions],
  )
}

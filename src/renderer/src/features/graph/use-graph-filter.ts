/**
 * What the analyst chose to see and to find, as one reducer: the controls dispatch, the view
 * reads the visible elements and the search matches derived from it.
 */
import { useCallback, useMemo, useReducer } from 'react'
import type { GraphElements } from '../../../../shared/contract'
import type { RelationType } from '../../../../shared/model'
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
  /** Adds the node and its visible neighbours to the focus; returns the new focus. */
  expand(nodeId: string): ReadonlySet<string>
}

export function useGraphFilter(graph: GraphElements): GraphFilter {
  const [state, dispatch] = useReducer(graphFilterReducer, INITIAL_GRAPH_FILTER)
  const { filter, query } = state
  const visible = useMemo(() => visibleElements(graph, filter), [graph, filter])
  const matches = useMemo(
    () => matchingNodes(graph.nodes, visible.nodes, query),
    [graph.nodes, visible.nodes, query],
  )
  const expand = useCallback(
    (nodeId: string) => {
      const focus = expandFocus(graph, filter, nodeId)
      dispatch({ type: 'focus', focus })
      return focus
    },
    [graph, filter],
  )
  return { filter, query, visible, matches, dispatch, expand }
}

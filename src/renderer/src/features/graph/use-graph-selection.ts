/**
 * The nodes selected on the chart and the two ends of a new relation, which follow the
 * selection until the analyst picks them in the form.
 */
import { useReducer } from 'react'

export interface RelationEnds {
  from: string
  to: string
}

export interface GraphSelectionState {
  /** In the order they were selected; the chart is the one place that selects. */
  selected: string[]
  ends: RelationEnds
}

export type GraphSelectionAction =
  { type: 'chart-selected'; ids: string[] } | { type: 'choose-ends'; ends: RelationEnds }

export const INITIAL_GRAPH_SELECTION: GraphSelectionState = {
  selected: [],
  ends: { from: '', to: '' },
}

/** The first two nodes selected on the chart become the ends of a new relation. */
function endsAfterSelection(ends: RelationEnds, ids: readonly string[]): RelationEnds {
  if (ids.length >= 2) return { from: ids[0] ?? '', to: ids[1] ?? '' }
  const first = ids[0]
  if (!first) return ends
  return { from: first, to: ends.to === first ? '' : ends.to }
}

export function graphSelectionReducer(
  state: GraphSelectionState,
  action: GraphSelectionAction,
): GraphSelectionState {
  switch (action.type) {
    case 'chart-selected':
      return { selected: action.ids, ends: endsAfterSelection(state.ends, action.ids) }
    case 'choose-ends':
      return { ...state, ends: action.ends }
  }
}

export function useGraphSelection() {
  const [state, dispatch] = useReducer(graphSelectionReducer, INITIAL_GRAPH_SELECTION)
  return {
    ...state,
    /** The one selected node, when exactly one is. */
    selectedOne: state.selected.length === 1 ? state.selected[0] : undefined,
    dispatch,
  }
}

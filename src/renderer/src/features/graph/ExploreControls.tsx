import type { GraphRoute } from '../../routes/links'
import { DepthSelect } from './DepthSelect'
import { costText, expectedPaintMs } from './draw-cost'

interface ExploreControlsProps {
  route: Extract<GraphRoute, { kind: 'explore' }>
  names: ReadonlyMap<string, string>
  /** Entities in the focus now, and next to it but left out by the size limit. */
  inFocus: number
  leftOut: number
  /** The one selected node, which can become the new focus. */
  selectedOne: string | undefined
  /** Elements of the whole graph, for the cost of showing it all; null for a small graph. */
  largeGraphElements: number | null
  onNavigate(route: GraphRoute): void
}

/** The focus being explored: where it starts, how far it reaches, and the way out to all. */
export function ExploreControls({
  route,
  names,
  inFocus,
  leftOut,
  selectedOne,
  largeGraphElements,
  onNavigate,
}: ExploreControlsProps) {
  const starts = route.focus.map((id) => names.get(id) ?? id)
  return (
    <fieldset>
      <legend>Focus</legend>
      <p className="muted selection-summary">
        {starts.length > 0 ? `From ${starts.join(', ')}` : 'Expanded entities'}
        {route.expanded.length > 0 && starts.length > 0
          ? `, and ${route.expanded.length} expanded`
          : ''}
        : {inFocus} entities.
        {leftOut > 0 && ` ${leftOut}+ more within reach were left out; expand to see them.`}
      </p>
      {route.focus.length > 0 && (
        <DepthSelect depth={route.depth} onChange={(depth) => onNavigate({ ...route, depth })} />
      )}
      <div className="button-row">
        <button
          type="button"
          disabled={!selectedOne}
          onClick={() =>
            selectedOne &&
            onNavigate({ kind: 'explore', focus: [selectedOne], depth: route.depth, expanded: [] })
          }
        >
          Focus on selected
        </button>
        {largeGraphElements !== null && (
          <button type="button" onClick={() => onNavigate({ kind: 'all' })}>
            Show all ({costText(expectedPaintMs(largeGraphElements))} to draw)
          </button>
        )}
      </div>
    </fieldset>
  )
}

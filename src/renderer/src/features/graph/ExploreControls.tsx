import type { GraphRoute } from '../../routes/links'
import { DepthSelect } from './DepthSelect'
import { costText, expectedPaintMs } from './draw-cost'
import { t } from '../../ui/i18n'

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
      <legend>{t('graph.focus')}</legend>
      <p className="muted selection-summary">
        {starts.length > 0
          ? t('graph.from', { join: starts.join(', ') })
          : t('graph.expandedEntities')}
        {route.expanded.length > 0 && starts.length > 0
          ? t('graph.andExpanded', { length: route.expanded.length })
          : ''}
        {t('graph.entities', { inFocus })}
        {leftOut > 0 && t('graph.moreWithinReachWereLeftOut', { leftOut })}
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
          {t('graph.focusOnSelected')}
        </button>
        {largeGraphElements !== null && (
          <button type="button" onClick={() => onNavigate({ kind: 'all' })}>
            {t('graph.showAllToDraw', { costText: costText(expectedPaintMs(largeGraphElements)) })}
          </button>
        )}
      </div>
    </fieldset>
  )
}

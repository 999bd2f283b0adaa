import { useId, useMemo, useState } from 'react'
import type { GraphNode } from '../../../../shared/contract'
import { DEFAULT_GRAPH_DEPTH } from '../../routes/links'
import { typeLook } from './chart-style'
import { DepthSelect } from './DepthSelect'
import { costText, expectedPaintMs } from './draw-cost'
import { mostConnected } from './exploration'
import { ShapeSwatch } from './Legend'
import { matchingNodes } from './view-filter'
import { t } from '../../ui/i18n'
import { formatNumber } from '../../ui/format'

/** How many entities the picker offers at once; typing narrows them down. */
const OFFERED = 12

interface FocusPickerProps {
  nodes: readonly GraphNode[]
  edgeCount: number
  onFocus(entityId: string, depth: number): void
  onShowAll(): void
}

/**
 * Over the empty chart of a large graph: where to start exploring (an entity found by name, or
 * one of the most connected), how far to look around it, or everything at its stated cost.
 */
export function FocusPicker({ nodes, edgeCount, onFocus, onShowAll }: FocusPickerProps) {
  const [query, setQuery] = useState('')
  const [depth, setDepth] = useState<number>(DEFAULT_GRAPH_DEPTH)
  const titleId = useId()
  const all = useMemo(() => new Set(nodes.map((n) => n.id)), [nodes])
  const offered = useMemo(() => {
    if (!query.trim())
      return mostConnected({ nodes: [...nodes], edges: [], positions: {} }, OFFERED)
    const found = matchingNodes(nodes, all, query)
    return nodes
      .filter((n) => found.has(n.id))
      .sort((a, b) => b.degree - a.degree)
      .slice(0, OFFERED)
  }, [nodes, all, query])
  const elements = nodes.length + edgeCount
  return (
    <section className="focus-picker" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('graph.whereToStart')}</h3>
      <p className="muted">
        {t('graph.thisGraphHolds')} {formatNumber(nodes.length)} {t('graph.entitiesAnd')}
        {formatNumber(edgeCount)} {t('graph.relationsStartFromOneEntityAnd')}
      </p>
      <div className="focus-picker-row">
        <label>
          {t('graph.startFrom')}
          <input
            type="search"
            value={query}
            placeholder={t('graph.entityName')}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              const first = offered[0]
              if (e.key === 'Enter' && first) onFocus(first.id, depth)
            }}
          />
        </label>
        <DepthSelect depth={depth} onChange={setDepth} />
      </div>
      <p className="muted" role="status">
        {query.trim()
          ? t('graph.namedLike', {
              value:
                offered.length === 0
                  ? t('graph.noEntity')
                  : offered.length === OFFERED
                    ? t('graph.theFirstEntities', { OFFERED })
                    : t('graph.entityCount', { count: offered.length }),
              trim: query.trim(),
            })
          : t('graph.theMostConnectedEntities')}
      </p>
      <ul className="focus-picker-list">
        {offered.map((node) => (
          <li key={node.id}>
            <button type="button" onClick={() => onFocus(node.id, depth)}>
              <ShapeSwatch look={typeLook(node.type)} /> <span dir="auto">{node.name}</span>
              <span className="muted">
                {' '}
                {t('graph.relations', {
                  toLowerCase: typeLook(node.type).label.toLowerCase(),
                  degree: node.degree,
                })}
              </span>
              <span className="visually-hidden"> {t('graph.focusHere')}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" onClick={onShowAll}>
          {t('graph.showAllToDraw', { costText: costText(expectedPaintMs(elements)) })}
        </button>
      </div>
    </section>
  )
}

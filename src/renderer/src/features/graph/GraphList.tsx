import { useMemo } from 'react'
import type { GraphElements } from '../../../../shared/contract'
import { RELATION_LABELS, typeLook } from './chart-style'
import type { Visible } from './view-filter'
import { t } from '../../ui/i18n'

/** Rows beyond this are left out of the list; the filters and the search narrow it down. */
const LIST_LIMIT = 300

interface GraphListProps {
  graph: GraphElements
  visible: Visible
  /** When not empty, the list holds these nodes and the edges touching them. */
  matches: ReadonlySet<string>
  selected: readonly string[]
  /** Selects the node alone, or unselects it when it is selected already. */
  onSelectNode(id: string): void
  onOpenNode(id: string): void
  onOpenEdge(id: string): void
}

/**
 * The chart as tables: what a screen reader (or a keyboard) uses instead of the canvas, with
 * the same filters applied. Each node row carries its saved position for tests and tools.
 */
export function GraphList({
  graph,
  visible,
  matches,
  selected,
  onSelectNode,
  onOpenNode,
  onOpenEdge,
}: GraphListProps) {
  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.name])), [graph.nodes])
  const nodes = useMemo(
    () =>
      graph.nodes
        .filter((n) => visible.nodes.has(n.id) && (matches.size === 0 || matches.has(n.id)))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [graph.nodes, visible.nodes, matches],
  )
  const edges = useMemo(
    () =>
      graph.edges.filter(
        (e) =>
          visible.edges.has(e.id) &&
          (matches.size === 0 || matches.has(e.from) || matches.has(e.to)),
      ),
    [graph.edges, visible.edges, matches],
  )
  const selectedSet = new Set(selected)

  return (
    <div className="graph-list">
      <table aria-label={t('graph.entitiesInView')}>
        <caption>
          {t('graph.entitiesInView2', { length: nodes.length })}
          {nodes.length > LIST_LIMIT ? t('graph.firstListed', { LIST_LIMIT }) : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('graph.name')}</th>
            <th scope="col">{t('graph.type')}</th>
            <th scope="col">{t('graph.quotes')}</th>
            <th scope="col">{t('graph.relations2')}</th>
            <th scope="col">{t('graph.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {nodes.slice(0, LIST_LIMIT).map((node) => {
            const position = graph.positions[node.id]
            return (
              <tr key={node.id} data-node-id={node.id} data-x={position?.x} data-y={position?.y}>
                <th scope="row">{node.name}</th>
                <td>{typeLook(node.type).label}</td>
                <td>{node.evidenceCount}</td>
                <td>{node.degree}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    aria-pressed={selectedSet.has(node.id)}
                    onClick={() => onSelectNode(node.id)}
                  >
                    {t('graph.select')}
                    <span className="visually-hidden"> {node.name}</span>
                  </button>
                  <button type="button" onClick={() => onOpenNode(node.id)}>
                    {t('graph.open')}
                    <span className="visually-hidden">
                      {' '}
                      {t('graph.recordOf', { name: node.name })}
                    </span>
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <table aria-label={t('graph.relationsInView')}>
        <caption>
          {t('graph.relationsInView2', { length: edges.length })}
          {edges.length > LIST_LIMIT ? t('graph.firstListed', { LIST_LIMIT }) : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('graph.from2')}</th>
            <th scope="col">{t('graph.relation')}</th>
            <th scope="col">{t('graph.to')}</th>
            <th scope="col">{t('graph.quotes')}</th>
            <th scope="col">{t('graph.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {edges.slice(0, LIST_LIMIT).map((edge) => {
            const description = `${names.get(edge.from) ?? edge.from} ${RELATION_LABELS[edge.type]} ${names.get(edge.to) ?? edge.to}`
            return (
              <tr key={edge.id} data-edge-id={edge.id}>
                <td>{names.get(edge.from) ?? edge.from}</td>
                <td>{RELATION_LABELS[edge.type]}</td>
                <td>{names.get(edge.to) ?? edge.to}</td>
                <td>{edge.supported ? edge.evidenceCount : t('graph.unsupported')}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => onOpenEdge(edge.id)}>
                    {t('graph.open')}
                    <span className="visually-hidden">
                      {' '}
                      {t('graph.relation2', { description })}
                    </span>
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

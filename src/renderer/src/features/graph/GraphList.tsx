import { useMemo } from 'react'
import type { GraphElements } from '../../../../shared/contract'
import { RELATION_LABELS, typeLook } from './chart-style'
import type { Visible } from './view-filter'

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
      <table aria-label="Entities in view">
        <caption>
          Entities in view: {nodes.length}
          {nodes.length > LIST_LIMIT ? ` (first ${LIST_LIMIT} listed)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Quotes</th>
            <th scope="col">Relations</th>
            <th scope="col">Actions</th>
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
                    Select<span className="visually-hidden"> {node.name}</span>
                  </button>
                  <button type="button" onClick={() => onOpenNode(node.id)}>
                    Open<span className="visually-hidden"> record of {node.name}</span>
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <table aria-label="Relations in view">
        <caption>
          Relations in view: {edges.length}
          {edges.length > LIST_LIMIT ? ` (first ${LIST_LIMIT} listed)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Relation</th>
            <th scope="col">To</th>
            <th scope="col">Quotes</th>
            <th scope="col">Actions</th>
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
                <td>{edge.supported ? edge.evidenceCount : 'unsupported'}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => onOpenEdge(edge.id)}>
                    Open<span className="visually-hidden"> relation: {description}</span>
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

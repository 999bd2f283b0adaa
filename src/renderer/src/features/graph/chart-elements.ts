/**
 * The chart's elements and where they stand: bringing cytoscape in line with the project's
 * elements incrementally, placing newcomers, and reading and writing positions. Functions of
 * the cytoscape instance, so the Chart class keeps to events, highlighting and the viewport.
 */
import type cytoscape from 'cytoscape'
import type { GraphEdge, GraphElements, GraphNode, Point } from '../../../../shared/contract'
import {
  edgeWidth,
  isSymmetric,
  nodeSize,
  RELATION_LABELS,
  relationColour,
  typeLook,
} from './chart-style'
import type { Visible } from './view-filter'

export interface SyncOutcome {
  /** Nodes that had no saved position and were placed next to their neighbours. */
  placed: string[]
  /** True when no node had a saved position: the chart wants a layout. */
  needsLayout: boolean
}

export interface SyncResult extends SyncOutcome {
  /**
   * The first fill's edges, when asked to defer them: not yet in the chart, for the caller to
   * add after the nodes have been drawn (their classes are decided then).
   */
  deferredEdges: DeferredEdge[]
  /**
   * A deferred first fill that waits for a layout: the nodes without a position and the edges
   * touching them, kept out of the chart until the layout's positions come (see Chart).
   */
  waiting: Waiting | null
}

/** Elements held back from the chart until a layout has placed them. */
export interface Waiting {
  nodes: cytoscape.NodeDataDefinition[]
  edges: DeferredEdge[]
}

/** An edge kept back from a first fill: its data, and what its classes depend on. */
export interface DeferredEdge {
  data: cytoscape.EdgeDataDefinition
  supported: boolean
}

function nodeData(node: GraphNode) {
  const look = typeLook(node.type)
  return {
    id: node.id,
    name: node.name,
    type: node.type,
    colour: look.colour,
    shape: look.shape,
    size: nodeSize(node.evidenceCount),
    evidenceCount: node.evidenceCount,
  }
}

function edgeData(edge: GraphEdge) {
  return {
    id: edge.id,
    source: edge.from,
    target: edge.to,
    type: edge.type,
    label: RELATION_LABELS[edge.type],
    colour: relationColour(edge.type),
    arrow: isSymmetric(edge.type) ? 'none' : 'triangle',
    width: edgeWidth(edge.evidenceCount),
    evidenceCount: edge.evidenceCount,
  }
}

function sameData(element: cytoscape.SingularElementReturnValue, next: object): boolean {
  const current = element.data() as Record<string, unknown>
  return Object.entries(next).every(([key, value]) => current[key] === value)
}

/** A spot near the placed neighbours, spread by a stable angle so newcomers do not stack. */
function spotNear(points: Point[], id: string): Point {
  const centre = {
    x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
    y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
  }
  let hash = 0
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  const angle = ((hash % 360) * Math.PI) / 180
  return { x: centre.x + 70 * Math.cos(angle), y: centre.y + 70 * Math.sin(angle) }
}

export interface SyncContext {
  /** The chart shows its labels now (a large graph's elements then join with the "near" class). */
  near: boolean | null
  /** What is in view: newcomers outside it join with the "filtered" class. */
  visible: Visible
  /** The chart's record of the elements in view, kept in step with the classes given here. */
  shown: Visible
  /** On a first fill, leave the edges out and return them (a large graph's nodes paint first). */
  deferEdges?: boolean
}

/** The classes an element is created with, so nothing is restyled right after it is added. */
function createdClasses(
  id: string,
  kind: 'nodes' | 'edges',
  context: SyncContext,
  unsupported: boolean,
): string[] {
  const classes: string[] = []
  if (context.visible[kind].has(id)) context.shown[kind].add(id)
  else classes.push('filtered')
  if (context.near) classes.push('near')
  if (unsupported) classes.push('unsupported')
  return classes
}

/**
 * Brings the chart in line with the project's elements, keeping positions and viewport. The
 * first fill is one `cy.add` of prepared element JSON, positions and classes given at creation:
 * a large graph's first paint cannot afford to look each element up or restyle it afterwards.
 */
export function syncElements(
  cy: cytoscape.Core,
  graph: GraphElements,
  context: SyncContext,
): SyncResult {
  const placed: string[] = []
  const deferredEdges: DeferredEdge[] = []
  let needsLayout = false
  let waiting: Waiting | null = null
  cy.batch(() => {
    const firstFill = cy.elements().empty()
    const defer = firstFill && context.deferEdges === true
    // A large first fill that waits for a layout adds only what has a place: styling thousands
    // of hidden elements took the first frame seconds (the page took no click meanwhile), and
    // they would be restyled anyway once placed.
    if (defer && unplacedCount(graph) * 2 > graph.nodes.length) waiting = { nodes: [], edges: [] }
    if (!firstFill) removeGone(cy, graph, context.shown)
    const fresh: cytoscape.ElementDefinition[] = []
    for (const node of graph.nodes) {
      const data = nodeData(node)
      if (!firstFill) {
        const existing = cy.getElementById(node.id)
        if (existing.nonempty()) {
          if (!sameData(existing, data)) existing.data(data)
          continue
        }
      }
      const position = graph.positions[node.id]
      if (waiting && !position) {
        waiting.nodes.push(data)
        continue
      }
      const classes = createdClasses(node.id, 'nodes', context, false)
      fresh.push({
        group: 'nodes',
        data,
        classes,
        ...(position ? { position: { ...position } } : {}),
      })
      if (!position) placed.push(node.id)
    }
    for (const edge of graph.edges) {
      const data = edgeData(edge)
      if (!firstFill) {
        const existing = cy.getElementById(edge.id)
        if (existing.nonempty() && existing.isEdge()) {
          if (existing.source().id() !== edge.from || existing.target().id() !== edge.to) {
            existing.move({ source: edge.from, target: edge.to })
          }
          if (!sameData(existing, data)) existing.data(data)
          existing.toggleClass('unsupported', !edge.supported)
          continue
        }
      }
      if (defer) {
        deferredEdges.push({ data, supported: edge.supported })
        continue
      }
      fresh.push({
        group: 'edges',
        data,
        classes: createdClasses(edge.id, 'edges', context, !edge.supported),
      })
    }
    if (waiting) {
      // The few relations between placed nodes are drawn with them; the rest wait too.
      const inChart = new Set(fresh.map((element) => element.data.id))
      for (const edge of deferredEdges.splice(0)) {
        const { data, supported } = edge
        if (!inChart.has(data.source) || !inChart.has(data.target)) {
          waiting.edges.push(edge)
          continue
        }
        const classes = createdClasses(data.id ?? '', 'edges', context, !supported)
        fresh.push({ group: 'edges', data, classes })
      }
    }
    const added = cy.add(fresh)
    // Most of the chart without a saved position: a layout places it, rather than piling the
    // newcomers beside the few placed nodes (a graph shown whole after a small focus was).
    needsLayout = waiting !== null || (placed.length > 0 && placed.length * 2 > cy.nodes().length)
    // Kept out of sight until the layout places them, rather than piled up at the origin.
    if (needsLayout) {
      const unplaced = new Set(placed)
      added
        .nodes()
        .filter((n) => unplaced.has(n.id()))
        .addClass('unplaced')
    } else placeNearNeighbours(cy, placed)
  })
  return { placed: needsLayout ? [] : placed, needsLayout, deferredEdges, waiting }
}

function unplacedCount(graph: GraphElements): number {
  let count = 0
  for (const node of graph.nodes) if (!graph.positions[node.id]) count++
  return count
}

function removeGone(cy: cytoscape.Core, graph: GraphElements, shown: Visible): void {
  const nodeIds = new Set(graph.nodes.map((n) => n.id))
  const edgeIds = new Set(graph.edges.map((e) => e.id))
  const gone = cy
    .elements()
    .filter((element) => !(element.isNode() ? nodeIds : edgeIds).has(element.id()))
  gone.forEach((element) => {
    shown[element.isNode() ? 'nodes' : 'edges'].delete(element.id())
  })
  gone.remove()
}

/** Newcomers (no saved position) go next to their placed neighbours, else below the chart. */
function placeNearNeighbours(cy: cytoscape.Core, ids: string[]): void {
  if (ids.length === 0) return
  const waiting = new Set(ids)
  const box = cy
    .nodes()
    .filter((n) => !waiting.has(n.id()))
    .boundingBox({})
  let nextFree = {
    x: Number.isFinite(box.x1) ? box.x1 : 0,
    y: Number.isFinite(box.y2) ? box.y2 + 80 : 0,
  }
  for (const id of ids) {
    const node = cy.getElementById(id)
    const anchors = node
      .neighborhood()
      .filter((n) => !waiting.has(n.id()))
      .nodes()
      .map((n) => n.position())
    if (anchors.length > 0) {
      node.position(spotNear(anchors, id))
    } else {
      node.position({ ...nextFree })
      nextFree = { x: nextFree.x + 90, y: nextFree.y }
    }
    waiting.delete(id)
  }
}

/** Moves nodes to computed positions (and shows them, if they were waiting for a layout). */
export function applyPositions(cy: cytoscape.Core, positions: Record<string, Point>): void {
  cy.batch(() => {
    for (const [id, point] of Object.entries(positions)) {
      const node = cy.getElementById(id)
      if (node.nonempty()) node.position({ x: point.x, y: point.y })
    }
    cy.nodes('.unplaced')
      .filter((node) => positions[node.id()] !== undefined)
      .removeClass('unplaced')
  })
}

/** A plain grid's spot for the i-th of `count` nodes. */
export function gridSpot(i: number, count: number): Point {
  const columns = Math.ceil(Math.sqrt(count))
  return { x: (i % columns) * 90, y: Math.floor(i / columns) * 90 }
}

/** After a first layout was cancelled or failed: lays the waiting nodes on a plain grid. */
export function revealUnplaced(cy: cytoscape.Core): void {
  const waiting = cy.nodes('.unplaced')
  if (waiting.empty()) return
  cy.batch(() => {
    waiting.forEach((node, i) => {
      node.position(gridSpot(i, waiting.length))
    })
    waiting.removeClass('unplaced')
  })
}

/** Positions as saved: rounded to a tenth of a pixel. */
export function positionsOf(cy: cytoscape.Core, ids: Iterable<string>): Record<string, Point> {
  const positions: Record<string, Point> = {}
  for (const id of ids) {
    const node = cy.getElementById(id)
    if (node.nonempty()) {
      const { x, y } = node.position()
      positions[id] = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 }
    }
  }
  return positions
}

/**
 * The cytoscape chart behind the Graph view, kept out of React: React owns the controls and
 * the filter state; this class owns the canvas, applies changes incrementally (a refetch after
 * an edit adds or removes a few elements, it does not rebuild the chart) and reports what the
 * analyst does on it.
 */
import cytoscape from 'cytoscape'
import type { GraphEdge, GraphElements, GraphNode, Point } from '../../../../shared/contract'
import {
  chartStylesheet,
  edgeWidth,
  isSymmetric,
  nodeSize,
  RELATION_LABELS,
  relationColour,
  typeLook,
} from './chart-style'
import type { Visible } from './view-filter'

// Its warnings (edges between overlapping nodes, mostly) are for developers; on a large graph
// they flood the console and cost time.
cytoscape.warnings(false)

/** Above this many elements the chart switches on cytoscape's options for large graphs. */
export const LARGE_GRAPH_ELEMENTS = 3_000

/** Zoom from which a large graph draws labels (12 px names then show at 7 px) and arrowheads. */
const NEAR_ZOOM = 0.6

export interface ChartEvents {
  /** The selected nodes changed (in selection order). */
  onSelectionChange?(nodeIds: string[]): void
  /** A node was double-clicked: open its record. */
  onOpenNode?(nodeId: string): void
  /** An edge was clicked: open the relation and its quotes. */
  onOpenEdge?(edgeId: string): void
  /** Nodes were dragged and let go at these positions. */
  onNodesMoved?(positions: Record<string, Point>): void
}

export interface ChartOptions extends ChartEvents {
  /** Null draws nothing (headless), for tests. */
  container: HTMLElement | null
  /** cytoscape's WebGL renderer (3.31+) instead of the 2D canvas one. */
  webgl?: boolean
  /** Switch on the large-graph options whatever the size (the bench compares both). */
  large?: boolean
}

export interface SyncOutcome {
  /** Nodes that had no saved position and were placed next to their neighbours. */
  placed: string[]
  /** True when no node had a saved position: the chart wants a layout. */
  needsLayout: boolean
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

export class Chart {
  readonly cy: cytoscape.Core
  private readonly events: ChartEvents
  private selectionOrder: string[] = []
  private movedIds = new Set<string>()
  private movedTimer: ReturnType<typeof setTimeout> | null = null
  private focusNode: string | null = null
  private readonly large: boolean
  /** Whether a large graph shows its labels; null until the first fit decides. */
  private near: boolean | null = null
  private lastRect = { left: Number.NaN, top: Number.NaN }

  constructor(options: ChartOptions, elementCount: number) {
    this.events = options
    const large = options.large ?? elementCount > LARGE_GRAPH_ELEMENTS
    this.cy = cytoscape({
      container: options.container,
      headless: options.container === null,
      styleEnabled: true,
      style: chartStylesheet({ large }),
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: true,
      // The desktop's usual double-click interval; cytoscape's 250 ms misses slower hands.
      multiClickDebounceTime: 500,
      selectionType: 'additive',
      // Large graphs: draw a cached texture while panning and zooming and skip edges meanwhile.
      hideEdgesOnViewport: large,
      textureOnViewport: large && !options.webgl,
      pixelRatio: large ? 1 : 'auto',
      ...(options.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions)
    this.listen()
    this.large = large
    if (large) this.cy.on('zoom', () => this.refreshDetail())
    if (options.container) this.followMoves(options.container)
  }

  /**
   * cytoscape caches its container's size and place on the page, and learns of window resizes
   * and scrolls only: when the page moves or resizes the chart otherwise (a header growing a
   * line, the list view opening), clicks would land beside the nodes. The position is checked
   * as the pointer comes in (one getBoundingClientRect).
   */
  private followMoves(container: HTMLElement): void {
    const check = (): void => this.syncContainer()
    const options = { capture: true, passive: true }
    container.addEventListener('pointerenter', check, options)
    container.addEventListener('pointerdown', check, options)
    container.addEventListener('wheel', check, options)
    this.cy.one('destroy', () => {
      container.removeEventListener('pointerenter', check, options)
      container.removeEventListener('pointerdown', check, options)
      container.removeEventListener('wheel', check, options)
    })
  }

  /**
   * Brings cytoscape's idea of the container up to date (size and place on the page), keeping
   * the point of the graph in the middle of the view where it was.
   */
  syncContainer(): void {
    const cy = this.cy
    const container = cy.container()
    if (!container) return
    const rect = container.getBoundingClientRect()
    const moved = rect.left !== this.lastRect.left || rect.top !== this.lastRect.top
    this.lastRect = { left: rect.left, top: rect.top }
    const before = { width: cy.width(), height: cy.height() }
    const resized =
      container.clientWidth !== before.width || container.clientHeight !== before.height
    if (!moved && !resized) return
    cy.resize()
    const dx = (cy.width() - before.width) / 2
    const dy = (cy.height() - before.height) / 2
    if (dx !== 0 || dy !== 0) cy.panBy({ x: dx, y: dy })
  }

  /**
   * On a large graph, labels and arrowheads cost most of a frame and cannot be read when the
   * whole graph is in view; the "near" class brings them in once the zoom makes them readable.
   */
  private refreshDetail(): void {
    if (!this.large) return
    const now = this.cy.zoom() >= NEAR_ZOOM
    if (now === this.near) return
    this.near = now
    this.cy.batch(() => this.cy.elements().toggleClass('near', now))
  }

  private listen(): void {
    const cy = this.cy
    cy.on('select', 'node', (event) => {
      const id = (event.target as cytoscape.NodeSingular).id()
      this.selectionOrder = [...this.selectionOrder.filter((s) => s !== id), id]
      this.selectionChanged()
    })
    cy.on('unselect', 'node', (event) => {
      const id = (event.target as cytoscape.NodeSingular).id()
      this.selectionOrder = this.selectionOrder.filter((s) => s !== id)
      this.selectionChanged()
    })
    cy.on('dbltap', 'node', (event) => {
      this.events.onOpenNode?.((event.target as cytoscape.NodeSingular).id())
    })
    cy.on('tap', 'edge', (event) => {
      this.events.onOpenEdge?.((event.target as cytoscape.EdgeSingular).id())
    })
    cy.on('dragfree', 'node', (event) => {
      this.movedIds.add((event.target as cytoscape.NodeSingular).id())
      // One grab of several selected nodes fires once per node: report them together.
      this.movedTimer ??= setTimeout(() => this.flushMoved(), 0)
    })
  }

  private flushMoved(): void {
    this.movedTimer = null
    const ids = [...this.movedIds]
    this.movedIds.clear()
    if (ids.length > 0) this.events.onNodesMoved?.(this.positionsOf(ids))
  }

  private selectionChanged(): void {
    const selected = this.selectionOrder
    this.highlightNeighbourhood(selected.length === 1 ? (selected[0] ?? null) : null)
    this.events.onSelectionChange?.([...selected])
  }

  /** Brings the chart in line with the project's elements, keeping positions and viewport. */
  sync(graph: GraphElements): SyncOutcome {
    const cy = this.cy
    const placed: string[] = []
    let needsLayout = false
    cy.batch(() => {
      const nodeIds = new Set(graph.nodes.map((n) => n.id))
      const edgeIds = new Set(graph.edges.map((e) => e.id))
      cy.elements()
        .filter((element) => !(element.isNode() ? nodeIds : edgeIds).has(element.id()))
        .remove()

      const firstFill = cy.nodes().length === 0
      const fresh: cytoscape.ElementDefinition[] = []
      for (const node of graph.nodes) {
        const data = nodeData(node)
        const existing = cy.getElementById(node.id)
        if (existing.nonempty()) {
          if (!sameData(existing, data)) existing.data(data)
          continue
        }
        const position = graph.positions[node.id]
        fresh.push({ group: 'nodes', data, ...(position ? { position: { ...position } } : {}) })
        if (!position) placed.push(node.id)
      }
      for (const edge of graph.edges) {
        const data = edgeData(edge)
        const existing = cy.getElementById(edge.id)
        if (existing.nonempty() && existing.isEdge()) {
          if (existing.source().id() !== edge.from || existing.target().id() !== edge.to) {
            existing.move({ source: edge.from, target: edge.to })
          }
          if (!sameData(existing, data)) existing.data(data)
          existing.toggleClass('unsupported', !edge.supported)
          continue
        }
        fresh.push({ group: 'edges', data, classes: edge.supported ? [] : ['unsupported'] })
      }
      const added = cy.add(fresh)
      if (this.near) added.addClass('near')
      needsLayout = firstFill && placed.length === graph.nodes.length && placed.length > 0
      // Kept out of sight until the layout places them, rather than piled up at the origin.
      if (needsLayout) added.nodes().addClass('unplaced')
      else this.placeNearNeighbours(placed)
    })
    return { placed: needsLayout ? [] : placed, needsLayout }
  }

  /** Newcomers (no saved position) go next to their placed neighbours, else below the chart. */
  private placeNearNeighbours(ids: string[]): void {
    if (ids.length === 0) return
    const waiting = new Set(ids)
    const box = this.cy
      .nodes()
      .filter((n) => !waiting.has(n.id()))
      .boundingBox({})
    let nextFree = {
      x: Number.isFinite(box.x1) ? box.x1 : 0,
      y: Number.isFinite(box.y2) ? box.y2 + 80 : 0,
    }
    for (const id of ids) {
      const node = this.cy.getElementById(id)
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

  /** Shows exactly the given elements; the others stay in the chart, out of view. */
  setVisible(visible: Visible): void {
    this.cy.batch(() => {
      this.cy.elements().forEach((element) => {
        const shown = (element.isNode() ? visible.nodes : visible.edges).has(element.id())
        if (element.hasClass('filtered') === shown) element.toggleClass('filtered', !shown)
        if (!shown && element.selected()) element.unselect()
      })
    })
    this.highlightNeighbourhood(this.focusNode)
  }

  /** Rings the nodes the search found. */
  setMatches(ids: ReadonlySet<string>): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const match = ids.has(node.id())
        if (node.hasClass('match') !== match) node.toggleClass('match', match)
      })
    })
  }

  /** Dims everything outside the node's neighbourhood; null lifts the dimming. */
  highlightNeighbourhood(nodeId: string | null): void {
    const node = nodeId ? this.cy.getElementById(nodeId) : null
    this.focusNode = node?.nonempty() && !node.hasClass('filtered') ? nodeId : null
    this.cy.batch(() => {
      const dimmed = this.cy.elements('.dimmed')
      if (!this.focusNode || !node) {
        dimmed.removeClass('dimmed')
        return
      }
      const keep = node.closedNeighborhood()
      this.cy.elements().difference(keep).addClass('dimmed')
      dimmed.intersection(keep).removeClass('dimmed')
    })
  }

  /** Selects exactly these nodes and centres the first; the chart is the one place that selects. */
  selectNodes(ids: string[]): void {
    const cy = this.cy
    cy.batch(() => {
      cy.elements(':selected').unselect()
    })
    for (const id of ids) cy.getElementById(id).select()
    const first = ids[0] ? cy.getElementById(ids[0]) : null
    if (first?.nonempty()) {
      this.syncContainer()
      cy.center(first)
    }
  }

  selectedNodes(): string[] {
    return [...this.selectionOrder]
  }

  /** Moves nodes to computed positions (and shows them, if they were waiting for a layout). */
  applyPositions(positions: Record<string, Point>): void {
    this.cy.batch(() => {
      for (const [id, point] of Object.entries(positions)) {
        const node = this.cy.getElementById(id)
        if (node.nonempty()) node.position({ x: point.x, y: point.y })
      }
      this.cy
        .nodes('.unplaced')
        .filter((node) => positions[node.id()] !== undefined)
        .removeClass('unplaced')
    })
  }

  /** After a first layout was cancelled or failed: lays the waiting nodes on a plain grid. */
  revealUnplaced(): void {
    const waiting = this.cy.nodes('.unplaced')
    if (waiting.empty()) return
    const columns = Math.ceil(Math.sqrt(waiting.length))
    this.cy.batch(() => {
      waiting.forEach((node, i) => {
        node.position({ x: (i % columns) * 90, y: Math.floor(i / columns) * 90 })
      })
      waiting.removeClass('unplaced')
    })
  }

  positionsOf(ids: Iterable<string>): Record<string, Point> {
    const positions: Record<string, Point> = {}
    for (const id of ids) {
      const node = this.cy.getElementById(id)
      if (node.nonempty()) {
        const { x, y } = node.position()
        positions[id] = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 }
      }
    }
    return positions
  }

  /**
   * Frames the visible nodes, or the given ones. The box comes from node positions and sizes:
   * cytoscape's own fit measures every label first, seconds on a graph of 20k edges.
   */
  fit(ids?: Iterable<string>): void {
    const cy = this.cy
    let x1 = Infinity
    let y1 = Infinity
    let x2 = -Infinity
    let y2 = -Infinity
    const include = (node: cytoscape.NodeSingular): void => {
      if (node.empty() || node.hasClass('filtered') || node.hasClass('unplaced')) return
      const { x, y } = node.position()
      const half = Number(node.data('size') ?? 30) / 2
      x1 = Math.min(x1, x - half)
      x2 = Math.max(x2, x + half)
      y1 = Math.min(y1, y - half)
      // Room for the label under the node.
      y2 = Math.max(y2, y + half + 18)
    }
    if (ids) for (const id of ids) include(cy.getElementById(id) as cytoscape.NodeSingular)
    else cy.nodes().forEach(include)
    if (!Number.isFinite(x1)) return
    this.syncContainer()
    const padding = 30
    const width = cy.width()
    const height = cy.height()
    if (width <= 2 * padding || height <= 2 * padding) return
    const zoom = Math.min(
      cy.maxZoom(),
      Math.max(
        cy.minZoom(),
        Math.min((width - 2 * padding) / (x2 - x1 || 1), (height - 2 * padding) / (y2 - y1 || 1)),
      ),
    )
    cy.viewport({
      zoom,
      pan: { x: (width - zoom * (x1 + x2)) / 2, y: (height - zoom * (y1 + y2)) / 2 },
    })
    this.refreshDetail()
  }

  /** The visible graph as a PNG; `full` frames the whole visible graph, else the current view. */
  png(scale: number, full: boolean): Promise<Blob> {
    return this.cy.png({
      output: 'blob-promise',
      scale,
      full,
      bg: '#ffffff',
      maxWidth: 12_000,
      maxHeight: 12_000,
    })
  }

  svg(scale: number, full: boolean): string {
    return this.cy.svg({ scale, full, bg: '#ffffff' })
  }

  /** Follows the container's new size, keeping the same point of the graph in the middle. */
  resize(): void {
    this.syncContainer()
  }

  destroy(): void {
    if (this.movedTimer) clearTimeout(this.movedTimer)
    this.cy.destroy()
  }
}

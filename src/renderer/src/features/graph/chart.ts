/**
 * The cytoscape chart behind the Graph view, kept out of React: React owns the controls and
 * the filter state; this class owns the canvas, applies changes incrementally (a refetch after
 * an edit adds or removes a few elements, it does not rebuild the chart) and reports what the
 * analyst does on it. Its elements live in chart-elements.ts, its viewport in chart-viewport.ts.
 */
import cytoscape from 'cytoscape'
import type { GraphElements, Point } from '../../../../shared/contract'
import {
  applyPositions,
  gridSpot,
  positionsOf,
  revealUnplaced,
  syncElements,
  type DeferredEdge,
  type SyncOutcome,
  type Waiting,
} from './chart-elements'
import { chartStylesheet, nodeSize, type ChartInk, type LabelSizes } from './chart-style'
import { ChartViewport } from './chart-viewport'
import { EdgeStream, type IdleScheduler } from './edge-stream'
import type { Visible } from './view-filter'

// Its warnings (edges between overlapping nodes, mostly) are for developers; on a large graph
// they flood the console and cost time.
cytoscape.warnings(false)

/**
 * Above this many elements the chart switches on cytoscape's options for large graphs. A focus
 * of 400 entities and 1,700 relations spent a third of its first paint measuring labels and
 * bending edges that, framed whole, are too small to read (bench "graph", opening on a focus).
 */
export const LARGE_GRAPH_ELEMENTS = 1_000

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
  /** The theme's colours for labels and borders; light if not given. */
  ink?: ChartInk
  /** When a large graph's deferred relations are added (tests give their own). */
  schedule?: IdleScheduler
}

export class Chart {
  readonly cy: cytoscape.Core
  private readonly events: ChartEvents
  private readonly viewport: ChartViewport
  private selectionOrder: string[] = []
  private movedIds = new Set<string>()
  private movedTimer: ReturnType<typeof setTimeout> | null = null
  private focusNode: string | null = null
  /** The elements in view, as their classes say: a filter change touches only the others. */
  private readonly shown: Visible = { nodes: new Set(), edges: new Set() }
  /** The elements asked to be in view, read by relations that join the chart later. */
  private wanted: Visible = { nodes: new Set(), edges: new Set() }
  /** A large graph's relations still coming in after its first paint. */
  private stream: EdgeStream | null = null
  /** A large graph's unplaced elements, out of the chart until a layout places them. */
  private waiting: Waiting | null = null
  private whenComplete: (() => void)[] = []
  private readonly schedule: IdleScheduler | undefined
  private matched: ReadonlySet<string> = new Set()
  private dimming = false
  private readonly large: boolean
  /** Small graphs' label sizes, which the viewport updates as the zoom changes. */
  private readonly labels: LabelSizes | null

  constructor(options: ChartOptions, elementCount: number) {
    this.events = options
    this.schedule = options.schedule
    const large = options.large ?? elementCount > LARGE_GRAPH_ELEMENTS
    const labels: LabelSizes = { node: 12, edge: 10 }
    this.large = large
    this.labels = large ? null : labels
    this.cy = cytoscape({
      container: options.container,
      headless: options.container === null,
      styleEnabled: true,
      style: chartStylesheet({
        large,
        ...(large ? {} : { labels }),
        ...(options.ink ? { ink: options.ink } : {}),
      }),
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
    this.viewport = new ChartViewport(this.cy, large, options.container, large ? null : labels)
  }

  /** Redraws labels and borders in the theme's colours (light or dark switched). */
  setInk(ink: ChartInk): void {
    this.cy.style(
      chartStylesheet({ large: this.large, ink, ...(this.labels ? { labels: this.labels } : {}) }),
    )
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

  /**
   * Brings the chart in line with the project's elements, keeping positions and viewport;
   * newcomers outside `visible` (everything, when absent) come in filtered out. A large
   * graph's first fill adds its nodes only; its relations follow in idle slices (see
   * edge-stream.ts), and `onComplete` learns when they are all in.
   */
  sync(graph: GraphElements, visible?: Visible): SyncOutcome {
    const inView = visible ?? {
      nodes: new Set(graph.nodes.map((n) => n.id)),
      edges: new Set(graph.edges.map((e) => e.id)),
    }
    this.wanted = inView
    // An update compares against the whole chart: what is still to come goes in first.
    this.admitWaiting(null)
    this.finishEdges()
    if (this.cy.elements().empty()) this.frameAhead(graph, inView)
    const { deferredEdges, waiting, ...outcome } = syncElements(this.cy, graph, {
      near: this.viewport.near,
      visible: inView,
      shown: this.shown,
      // By size, not by look: the large look can be asked for a small chart (the bench does).
      deferEdges: graph.nodes.length + graph.edges.length > LARGE_GRAPH_ELEMENTS,
    })
    this.waiting = waiting
    this.streamEdges(deferredEdges)
    return outcome
  }

  /** A first fill's framing, from the saved positions of the nodes in view. */
  private frameAhead(graph: GraphElements, inView: Visible): void {
    const placed: { x: number; y: number; size: number }[] = []
    for (const node of graph.nodes) {
      const position = graph.positions[node.id]
      if (position && inView.nodes.has(node.id)) {
        placed.push({ ...position, size: nodeSize(node.evidenceCount) })
      }
    }
    this.viewport.frameAhead(placed)
  }

  private streamEdges(edges: DeferredEdge[]): void {
    if (edges.length === 0) return
    this.stream = new EdgeStream(this.cy, edges, {
      classesOf: (edge) => this.streamedClasses(edge),
      onDone: () => this.edgesComplete(),
      ...(this.schedule ? { schedule: this.schedule } : {}),
    })
  }

  /**
   * Brings the elements held back for a layout into the chart: the nodes at once at their new
   * positions (those without one stay hidden, unplaced), their relations streamed as after a
   * first paint. Null positions: all unplaced, relations at once (an update must see them).
   */
  private admitWaiting(positions: Record<string, Point> | null): void {
    const waiting = this.waiting
    if (!waiting) return
    this.waiting = null
    const near = this.viewport.near
    const nodes = waiting.nodes.map((data): cytoscape.ElementDefinition => {
      const id = data.id ?? ''
      const position = positions?.[id]
      const classes: string[] = []
      if (this.wanted.nodes.has(id)) this.shown.nodes.add(id)
      else classes.push('filtered')
      if (near) classes.push('near')
      if (!position) classes.push('unplaced')
      return { group: 'nodes', data, classes, ...(position ? { position: { ...position } } : {}) }
    })
    this.cy.batch(() => {
      this.cy.add(nodes)
      if (!positions) {
        this.cy.add(
          waiting.edges.map((edge) => ({
            group: 'edges' as const,
            data: edge.data,
            classes: this.streamedClasses(edge).filter((c) => c !== 'streaming'),
          })),
        )
      }
    })
    if (positions) this.streamEdges(waiting.edges)
    if (this.focusNode) this.highlightNeighbourhood(this.focusNode)
  }

  /** Nodes wait, hidden, for a layout to place them. */
  get hasUnplaced(): boolean {
    return this.waiting !== null || this.cy.nodes('.unplaced').nonempty()
  }

  /** Calls `then` once every relation is in the chart (at once, if they are). */
  onComplete(then: () => void): void {
    if (this.stream) this.whenComplete.push(then)
    else then()
  }

  /** Relations still to be added after the first paint. */
  get pendingEdges(): number {
    return this.stream?.pending ?? 0
  }

  /** Adds the relations still to come at once. */
  finishEdges(): void {
    this.stream?.finish()
  }

  private edgesComplete(): void {
    this.stream = null
    // Shown together, in one restyle and one redraw (see edge-stream.ts).
    this.cy.batch(() => this.cy.edges('.streaming').removeClass('streaming'))
    const waiting = this.whenComplete
    this.whenComplete = []
    for (const then of waiting) then()
  }

  /** A streamed relation's classes, from the filter, zoom and highlight in force as it joins. */
  private streamedClasses(edge: DeferredEdge): string[] {
    const classes: string[] = ['streaming']
    const id = edge.data.id ?? ''
    if (this.wanted.edges.has(id)) this.shown.edges.add(id)
    else classes.push('filtered')
    if (this.viewport.near) classes.push('near')
    if (!edge.supported) classes.push('unsupported')
    const focus = this.focusNode
    if (focus && edge.data.source !== focus && edge.data.target !== focus) classes.push('dimmed')
    return classes
  }

  /** Shows exactly the given elements; the others stay in the chart, out of view. */
  setVisible(visible: Visible): void {
    this.wanted = visible
    const shown = this.shown
    this.cy.batch(() => {
      // Only what changed: a filter on a large graph touches a few elements, not 25,000.
      for (const kind of ['nodes', 'edges'] as const) {
        for (const id of shown[kind]) {
          if (visible[kind].has(id)) continue
          this.show(this.cy.getElementById(id), false)
          shown[kind].delete(id)
        }
        for (const id of visible[kind]) {
          if (shown[kind].has(id)) continue
          const element = this.cy.getElementById(id)
          if (element.empty()) continue
          this.show(element, true)
          shown[kind].add(id)
        }
      }
    })
    this.highlightNeighbourhood(this.focusNode)
  }

  private show(element: cytoscape.SingularElementReturnValue, shown: boolean): void {
    if (element.empty() || element.hasClass('filtered') !== shown) return
    element.toggleClass('filtered', !shown)
    if (!shown && element.selected()) element.unselect()
  }

  /** Rings the nodes the search found. */
  setMatches(ids: ReadonlySet<string>): void {
    const before = this.matched
    this.matched = ids
    this.cy.batch(() => {
      for (const id of before) if (!ids.has(id)) this.cy.getElementById(id).removeClass('match')
      for (const id of ids) if (!before.has(id)) this.cy.getElementById(id).addClass('match')
    })
  }

  /** Dims everything outside the node's neighbourhood; null lifts the dimming. */
  highlightNeighbourhood(nodeId: string | null): void {
    const node = nodeId ? this.cy.getElementById(nodeId) : null
    this.focusNode = node?.nonempty() && !node.hasClass('filtered') ? nodeId : null
    // Nothing dimmed and nothing to dim: no query over every element.
    if (!this.focusNode && !this.dimming) return
    this.dimming = this.focusNode !== null
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
      this.viewport.syncContainer()
      cy.center(first)
    }
  }

  selectedNodes(): string[] {
    return [...this.selectionOrder]
  }

  /** Moves nodes to computed positions (and shows them, if they were waiting for a layout). */
  applyPositions(positions: Record<string, Point>): void {
    applyPositions(this.cy, positions)
    this.admitWaiting(positions)
  }

  /** After a first layout was cancelled or failed: lays the waiting nodes on a plain grid. */
  revealUnplaced(): void {
    const waiting = this.waiting
    if (waiting) {
      const spots: Record<string, Point> = {}
      waiting.nodes.forEach((data, i) => {
        spots[data.id ?? ''] = gridSpot(i, waiting.nodes.length)
      })
      this.admitWaiting(spots)
    }
    revealUnplaced(this.cy)
  }

  positionsOf(ids: Iterable<string>): Record<string, Point> {
    return positionsOf(this.cy, ids)
  }

  /** Frames the visible nodes, or the given ones. */
  fit(ids?: Iterable<string>): void {
    this.viewport.fit(ids)
  }

  /** The visible graph as a PNG; `full` frames the whole visible graph, else the current view. */
  png(scale: number, full: boolean): Promise<Blob> {
    this.finishEdges()
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
    this.finishEdges()
    return this.cy.svg({ scale, full, bg: '#ffffff' })
  }

  /**
   * Follows the container's new size and place, keeping the same point of the graph in the
   * middle; acts on a real change only.
   */
  resize(): void {
    this.viewport.syncContainer()
  }

  destroy(): void {
    if (this.movedTimer) clearTimeout(this.movedTimer)
    this.stream?.cancel()
    this.stream = null
    this.waiting = null
    this.whenComplete = []
    this.cy.destroy()
  }
}

/**
 * The chart's viewport: keeping cytoscape's idea of its container true, framing nodes, and a
 * large graph's level of detail by zoom.
 */
import type cytoscape from 'cytoscape'
import { labelSizesFor, NODE_LABEL_MIN_PX, type LabelSizes } from './chart-style'

/** Zoom from which a large graph draws labels (12 px names then show at 7 px) and arrowheads. */
const NEAR_ZOOM = 0.6

/** Room kept around framed nodes, in screen pixels. */
const FRAME_PADDING = 30

export interface Box {
  x1: number
  y1: number
  x2: number
  y2: number
}

/**
 * The zoom and pan that centre a box of graph coordinates in a view of the given size, within
 * the zoom limits; null when the view is too small to frame anything.
 */
export function framing(
  box: Box,
  view: { width: number; height: number },
  limits: { minZoom: number; maxZoom: number },
  padding = FRAME_PADDING,
): { zoom: number; pan: { x: number; y: number } } | null {
  const { width, height } = view
  if (width <= 2 * padding || height <= 2 * padding) return null
  const zoom = Math.min(
    limits.maxZoom,
    Math.max(
      limits.minZoom,
      Math.min(
        (width - 2 * padding) / (box.x2 - box.x1 || 1),
        (height - 2 * padding) / (box.y2 - box.y1 || 1),
      ),
    ),
  )
  return {
    zoom,
    pan: { x: (width - zoom * (box.x1 + box.x2)) / 2, y: (height - zoom * (box.y1 + box.y2)) / 2 },
  }
}

export class ChartViewport {
  /** Whether a large graph shows its labels; null until the first fit decides. */
  private shownNear: boolean | null = null
  private lastRect = { left: Number.NaN, top: Number.NaN }

  constructor(
    private readonly cy: cytoscape.Core,
    private readonly large: boolean,
    container: HTMLElement | null,
    /** A small graph's label sizes, which its stylesheet reads; null on a large graph. */
    private readonly labels: LabelSizes | null = null,
  ) {
    // A small chart starts in detail (at zoom 1 its names are readable); a large one waits
    // for its first fit, which decides.
    if (!large) this.shownNear = this.namesReadable()
    cy.on('zoom', () => {
      this.refreshLabels()
      this.refreshDetail()
    })
    if (container) this.followMoves(container)
  }

  /** Whether the elements carry the "near" class now (labels and details shown). */
  get near(): boolean | null {
    return this.shownNear
  }

  /** A small chart's node names would be drawn at the current zoom (else cytoscape drops them). */
  private namesReadable(): boolean {
    return (this.labels?.node ?? 12) * this.cy.zoom() >= NODE_LABEL_MIN_PX
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
   * Labels and arrowheads cost most of a frame and cannot be read far out; the "near" class
   * brings them in once the zoom makes names readable: from a fixed zoom on a large graph,
   * and on a small one once cytoscape would draw them at their size.
   */
  refreshDetail(): void {
    const now = this.large ? this.cy.zoom() >= NEAR_ZOOM : this.namesReadable()
    if (now === this.shownNear) return
    this.shownNear = now
    this.cy.batch(() => this.cy.elements().toggleClass('near', now))
  }

  /**
   * A small graph's labels keep a readable screen size as the zoom changes (the stylesheet
   * reads `labels`); only a change of size restyles, and only the labelled elements.
   */
  refreshLabels(nodesInView?: number): void {
    const labels = this.labels
    if (!labels) return
    const inView = nodesInView ?? this.cy.nodes().not('.filtered, .unplaced').length
    const next = labelSizesFor(this.cy.zoom(), inView)
    if (Math.abs(next.node - labels.node) < 0.25 && Math.abs(next.edge - labels.edge) < 0.25) return
    labels.node = next.node
    labels.edge = next.edge
    this.cy.style().update()
  }

  /**
   * Frames the visible nodes, or the given ones. The box comes from node positions and sizes:
   * cytoscape's own fit measures every label first, seconds on a graph of 20k edges.
   */
  fit(ids?: Iterable<string>): void {
    const cy = this.cy
    const box = emptyBox()
    const include = (node: cytoscape.NodeSingular): void => {
      if (node.empty() || node.hasClass('filtered') || node.hasClass('unplaced')) return
      this.grow(box, node.position(), Number(node.data('size') ?? 30))
    }
    if (ids) for (const id of ids) include(cy.getElementById(id) as cytoscape.NodeSingular)
    else cy.nodes().forEach(include)
    this.frame(box)
  }

  /**
   * Frames nodes about to be added (a first fill, from their saved positions), so that they
   * are created with the detail the framing calls for rather than restyled right after.
   */
  frameAhead(nodes: readonly { x: number; y: number; size: number }[]): void {
    const box = emptyBox()
    for (const node of nodes) this.grow(box, node, node.size)
    this.frame(box, nodes.length)
  }

  private grow(box: Box, { x, y }: { x: number; y: number }, size: number): void {
    const half = size / 2
    box.x1 = Math.min(box.x1, x - half)
    box.x2 = Math.max(box.x2, x + half)
    box.y1 = Math.min(box.y1, y - half)
    // Room for the label under the node (larger when labels hold their screen size).
    box.y2 = Math.max(box.y2, y + half + 18 * ((this.labels?.node ?? 12) / 12))
  }

  private frame(box: Box, nodesInView?: number): void {
    if (!Number.isFinite(box.x1)) return
    const cy = this.cy
    this.syncContainer()
    const viewport = framing(
      box,
      { width: cy.width(), height: cy.height() },
      { minZoom: cy.minZoom(), maxZoom: cy.maxZoom() },
    )
    if (!viewport) return
    cy.viewport(viewport)
    this.refreshLabels(nodesInView)
    this.refreshDetail()
  }
}

function emptyBox(): Box {
  return { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity }
}

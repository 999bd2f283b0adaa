/**
 * A large graph's relations, added to the chart after its entities have been drawn: cytoscape
 * alone needs about 2.7 s to draw 5,000 nodes and 20,000 edges at once on a quiet 2-core machine
 * (bench "graph", its floor), far over the 1 s a first paint may take. The nodes go in as one
 * batch and are drawn in one frame; the edges follow in a few slices run when the page is idle,
 * so panning, zooming and selecting keep working meanwhile. They join hidden (the "streaming"
 * class) and show together once all are in: drawn as they came, every slice cost a redraw of
 * all the edges so far, which made the complete paint about four times the floor's.
 */
import type cytoscape from 'cytoscape'
import type { DeferredEdge } from './chart-elements'

/** What one slice may take of the main thread, so a pointer event waits at most about this. */
const SLICE_BUDGET_MS = 40

/** The first slice's size, before the chart has shown how fast it adds edges. */
const FIRST_SLICE = 400

/**
 * At most this many slices: each is followed by a redraw of the chart, which on the bench's
 * 5k/20k graph costs far more than the slice itself (hundreds of 40 ms slices made the
 * complete paint several times the floor's all-at-once one).
 */
const MAX_SLICES = 8

/** Runs `next` once the page is idle (or soon after, if it never is); returns a cancel. */
export type IdleScheduler = (next: () => void) => () => void

export const whenIdle: IdleScheduler = (next) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(next, { timeout: 100 })
    return () => cancelIdleCallback(handle)
  }
  const handle = setTimeout(next, 0)
  return () => clearTimeout(handle)
}

export interface EdgeStreamOptions {
  /** Classes an edge joins with, decided when it is added (the filter or zoom may have moved). */
  classesOf(edge: DeferredEdge): string[]
  /** Every edge is in the chart. */
  onDone(): void
  schedule?: IdleScheduler
  /** The clock slices are measured with (tests give their own). */
  now?: () => number
}

export class EdgeStream {
  private next = 0
  private perSlice: number
  /** The smallest slice that keeps to MAX_SLICES. */
  private readonly fewest: number
  private cancelPending: (() => void) | null = null
  private readonly schedule: IdleScheduler
  private readonly now: () => number

  constructor(
    private readonly cy: cytoscape.Core,
    private readonly edges: readonly DeferredEdge[],
    private readonly options: EdgeStreamOptions,
  ) {
    this.schedule = options.schedule ?? whenIdle
    this.now = options.now ?? (() => performance.now())
    this.fewest = Math.ceil(edges.length / MAX_SLICES)
    this.perSlice = Math.max(FIRST_SLICE, this.fewest)
    this.plan()
  }

  /** Edges still to come. */
  get pending(): number {
    return this.edges.length - this.next
  }

  /** Adds whatever is left at once (an export, or a refetch that must see the whole chart). */
  finish(): void {
    if (this.pending === 0) return
    this.cancelPending?.()
    this.cancelPending = null
    this.add(this.pending)
    this.options.onDone()
  }

  /** Stops without adding the rest (the chart is going). */
  cancel(): void {
    this.cancelPending?.()
    this.cancelPending = null
    this.next = this.edges.length
  }

  private plan(): void {
    if (this.pending === 0) {
      this.options.onDone()
      return
    }
    this.cancelPending = this.schedule(() => {
      this.cancelPending = null
      this.slice()
    })
  }

  private slice(): void {
    const started = this.now()
    const count = Math.min(this.perSlice, this.pending)
    this.add(count)
    const took = this.now() - started
    // The next slice is sized from this one's rate, so each keeps to the budget whatever the
    // machine or the chart's size (adding to a fuller chart costs more).
    const withinBudget = took > 0 ? Math.floor((count / took) * SLICE_BUDGET_MS) : count * 2
    this.perSlice = Math.max(this.fewest, withinBudget)
    this.plan()
  }

  private add(count: number): void {
    const slice = this.edges.slice(this.next, this.next + count)
    this.next += count
    this.cy.add(
      slice.map((edge) => ({
        group: 'edges',
        data: edge.data,
        classes: this.options.classesOf(edge),
      })),
    )
  }
}

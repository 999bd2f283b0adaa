/**
 * Layouts of the chart: one run at a time in a Web Worker, its positions applied to the chart
 * and saved, its outcome told on the status line; cancelled when the chart goes.
 */
import { useEffect, useRef, useState, type RefObject } from 'react'
import type { GraphElements, Point } from '../../../../shared/contract'
import { useResetPositions } from '../../api/graph'
import type { Chart } from './chart'
import { labelWidth, nodeSize } from './chart-style'
import {
  forceAlgorithmFor,
  LAYOUT_LABELS,
  qualityFor,
  type ForceAlgorithm,
  type LayoutKind,
  type LayoutRequest,
} from './layout-plan'
import { LayoutCancelled, runLayoutInWorker } from './layout-runner'
import { markAfterPaint } from './paint-marks'
import type { StatusLine } from './use-status-line'
import type { Visible } from './view-filter'
import { formatDecimal } from '../../ui/format'
import { t } from '../../ui/i18n'

/**
 * How far a run has got, for the progress bar alone to follow: a state of the view would
 * re-render the whole view (and its lists of thousands) at each step of a large layout.
 */
export class LayoutSteps {
  private current: { done: number; of: number } | null = null
  private readonly listeners = new Set<() => void>()

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly get = (): { done: number; of: number } | null => this.current

  set(done: number, of: number): void {
    this.current = { done, of }
    for (const listener of this.listeners) listener()
  }
}

export interface LayoutRun {
  kind: LayoutKind
  nodeCount: number
  /** Force-directed only. */
  algorithm?: ForceAlgorithm
  quality?: string
  startedAt: number
  steps: LayoutSteps
  cancel(): void
}

/** What a layout of the elements in view is asked to place. */
export function layoutRequest(
  graph: GraphElements,
  visible: Visible,
  kind: LayoutKind,
  root?: string,
): LayoutRequest {
  const nodes = graph.nodes
    .filter((n) => visible.nodes.has(n.id))
    .map((n) => ({ id: n.id, size: nodeSize(n.evidenceCount), labelWidth: labelWidth(n.name) }))
  const edges = graph.edges
    .filter((e) => visible.edges.has(e.id))
    .map((e) => ({ id: e.id, source: e.from, target: e.to }))
  return { kind, nodes, edges, ...(root ? { root } : {}) }
}

interface LayoutRunOptions {
  /** The chart to lay out; a run whose chart has gone meanwhile is dropped. */
  chartRef: RefObject<Chart | null>
  graph: GraphElements
  visible: Visible
  /** Saves laid-out positions in the project. */
  onPositions(positions: Record<string, Point>): void
  statusLine: Pick<StatusLine, 'report' | 'fail' | 'clear'>
}

export interface LayoutRunning {
  /** The run in progress, or null. */
  run: LayoutRun | null
  /** A run is in progress, or a chart without any saved position waits for its first one. */
  busy: boolean
  /** Lays out the elements in view (a tree grows from `root`); nothing while a run is on. */
  start(kind: LayoutKind, root?: string): void
  cancel(): void
  /** Forgets every saved position, then lays the chart out afresh. */
  reset(): void
}

export function useLayoutRun(options: LayoutRunOptions): LayoutRunning {
  const { chartRef, graph } = options
  const resetPositions = useResetPositions()
  const [run, setRun] = useState<LayoutRun | null>(null)
  const [tried, setTried] = useState(false)
  const runRef = useRef<LayoutRun | null>(null)
  /** The elements in view and whom to tell, when a run starts or ends. */
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })

  const start = (kind: LayoutKind, root?: string): void => {
    const chart = chartRef.current
    if (!chart || runRef.current) return
    const { graph: current, visible, onPositions, statusLine } = latest.current
    const request = layoutRequest(current, visible, kind, root)
    const { nodes, edges } = request
    if (nodes.length === 0) return
    performance.mark('sightline:layout-start')
    const steps = new LayoutSteps()
    const running = runLayoutInWorker(request, (done, of) => steps.set(done, of))
    const algorithm = kind === 'fcose' ? forceAlgorithmFor(nodes.length) : undefined
    const started: LayoutRun = {
      kind,
      nodeCount: nodes.length,
      ...(algorithm ? { algorithm } : {}),
      ...(algorithm === 'fcose' ? { quality: qualityFor(nodes.length, edges.length) } : {}),
      startedAt: performance.now(),
      steps,
      cancel: running.cancel,
    }
    runRef.current = started
    setRun(started)
    statusLine.clear()
    running.result
      .then((result) => {
        if (chartRef.current !== chart) return
        performance.mark('sightline:layout-computed', {
          detail: {
            computeMs: result.ms,
            algorithm: result.algorithm,
            quality: result.quality,
            iterations: result.iterations,
            nodes: nodes.length,
          },
        })
        chart.applyPositions(result.positions)
        chart.fit()
        markAfterPaint('sightline:graph-laid-out')
        onPositions(result.positions)
        statusLine.report(
          t('graph.layoutDone', {
            layout: LAYOUT_LABELS[kind],
            count: nodes.length,
            seconds: formatDecimal(result.ms / 1000, 1),
          }),
        )
      })
      .catch((cause: unknown) => {
        if (cause instanceof LayoutCancelled)
          statusLine.report(t('graph.layoutCancelledTheChartIsAs'))
        else statusLine.fail(cause instanceof Error ? cause.message : String(cause))
        if (chartRef.current === chart && chart.hasUnplaced) {
          chart.revealUnplaced()
          chart.fit()
        }
      })
      .finally(() => {
        runRef.current = null
        setRun(null)
        setTried(true)
      })
  }

  const reset = (): void => {
    resetPositions.mutate(undefined, {
      onSuccess: () => start('fcose'),
      onError: (cause) =>
        latest.current.statusLine.fail(t('graph.theLayoutWasNotReset', { message: cause.message })),
    })
  }

  const busy =
    run !== null || (!tried && graph.nodes.length > 0 && Object.keys(graph.positions).length === 0)

  return { run, busy, start, cancel: () => runRef.current?.cancel(), reset }
}

/**
 * The chart's life in the view: one Chart per mounted view and renderer choice, brought in line
 * with the elements, the filter and the search as they change, and its events handed to the
 * view's latest handlers.
 */
import { useEffect, useRef, useState, type RefObject } from 'react'
import type { GraphElements, Point } from '../../../../shared/contract'
import { styleNonce } from '../../ui/style-nonce'
import { Chart } from './chart'
import { markAfterPaint } from './paint-marks'
import type { Visible } from './view-filter'

const WEBGL_SETTING = 'sightline.graph.webgl'
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet'

/**
 * cytoscape adds one <style> rule to the page the first time it draws; under our CSP it
 * would be refused. Adding that element ourselves, with the page's nonce, lets it stand.
 */
function provideCytoscapeStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return
  const style = document.createElement('style')
  style.id = CYTOSCAPE_STYLESHEET_ID
  const nonce = styleNonce()
  if (nonce) style.nonce = nonce
  style.textContent = '.__________cytoscape_container { position: relative; }'
  document.head.prepend(style)
}

/** The WebGL renderer, as this browser last chose it. */
export function useWebglSetting(): [boolean, (on: boolean) => void] {
  const [webgl, setWebgl] = useState(() => localStorage.getItem(WEBGL_SETTING) === 'on')
  const choose = (on: boolean): void => {
    localStorage.setItem(WEBGL_SETTING, on ? 'on' : 'off')
    setWebgl(on)
  }
  return [webgl, choose]
}

export interface ChartShows {
  graph: GraphElements
  visible: Visible
  matches: ReadonlySet<string>
}

export interface ChartHandlers {
  onSelectionChange(ids: string[]): void
  onOpenNode(id: string): void
  onOpenEdge(id: string): void
  onNodesMoved(positions: Record<string, Point>): void
  /** No node has a saved position: the chart waits, unplaced, for a layout. */
  onNeedsLayout(): void
  /** The chart is going (the view unmounts, or the renderer changes). */
  onDispose(): void
}

/**
 * Makes the chart in the returned container and keeps it in `chartRef` (null while there is
 * none). The handlers need not be memoised: the latest ones are called.
 */
export function useChart(
  chartRef: RefObject<Chart | null>,
  shows: ChartShows,
  webgl: boolean,
  handlers: ChartHandlers,
): RefObject<HTMLDivElement | null> {
  const { graph, visible, matches } = shows
  const containerRef = useRef<HTMLDivElement>(null)
  /** The elements the chart was last brought in line with. */
  const synced = useRef<GraphElements | null>(null)
  /** What the chart must show and whom it tells; read by the effect that (re)creates it. */
  const latest = useRef({ shows, handlers })
  useEffect(() => {
    latest.current = { shows, handlers }
  })

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    provideCytoscapeStylesheet()
    const tell = (): ChartHandlers => latest.current.handlers
    const { graph: initial, visible: shown, matches: found } = latest.current.shows
    const chart = new Chart(
      {
        container,
        webgl,
        onSelectionChange: (ids) => tell().onSelectionChange(ids),
        onOpenNode: (id) => tell().onOpenNode(id),
        onOpenEdge: (id) => tell().onOpenEdge(id),
        onNodesMoved: (positions) => tell().onNodesMoved(positions),
      },
      initial.nodes.length + initial.edges.length,
    )
    chartRef.current = chart
    performance.mark('sightline:graph-sync')
    const outcome = chart.sync(initial)
    synced.current = initial
    chart.setVisible(shown)
    chart.setMatches(found)
    if (outcome.needsLayout) {
      tell().onNeedsLayout()
    } else {
      chart.fit()
      markAfterPaint('sightline:graph-painted')
    }
    // Chart.resize acts on a real change only: the observer's first call (on observe) would
    // otherwise cost a large chart a second full redraw for nothing.
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(container)
    return () => {
      observer.disconnect()
      tell().onDispose()
      chartRef.current = null
      chart.destroy()
    }
  }, [chartRef, webgl])

  useEffect(() => {
    const chart = chartRef.current
    const last = synced.current
    // Saving positions patches the cached graph; the chart has those positions already.
    if (!chart || (last && last.nodes === graph.nodes && last.edges === graph.edges)) return
    synced.current = graph
    const outcome = chart.sync(graph)
    chart.setVisible(latest.current.shows.visible)
    if (outcome.needsLayout) latest.current.handlers.onNeedsLayout()
  }, [chartRef, graph])

  useEffect(() => {
    chartRef.current?.setVisible(visible)
  }, [chartRef, visible])

  useEffect(() => {
    chartRef.current?.setMatches(matches)
  }, [chartRef, matches])

  return containerRef
}

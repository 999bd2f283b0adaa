/**
 * The chart's life in the view: one Chart per mounted view and renderer choice, brought in line
 * with the elements, the filter and the search as they change, and its events handed to the
 * view's latest handlers.
 */
import { useEffect, useRef, useState, type RefObject } from 'react'
import type { GraphElements, Point } from '../../../../shared/contract'
import { styleNonce } from '../../ui/style-nonce'
import { themeColour, useTheme } from '../../ui/theme'
import { Chart, LARGE_GRAPH_ELEMENTS } from './chart'
import type { ChartInk } from './chart-style'
import { recordPaint } from './draw-cost'
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
  /** The elements the chart holds: the whole graph, or the part an exploration reaches. */
  graph: GraphElements
  visible: Visible
  matches: ReadonlySet<string>
  /** A new value frames the chart again (a new focus, say). */
  frame: string
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

/** The chart's label and border colours from the theme tokens in force. */
function themeInk(): ChartInk {
  return {
    label: themeColour('--ink'),
    edgeLabel: themeColour('--muted'),
    labelBackground: themeColour('--panel'),
    nodeBorder: themeColour('--panel'),
    selected: themeColour('--ink'),
  }
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
  const { graph, visible, matches, frame } = shows
  // The large-graph look (no labels far out, straight edges) suits thousands of elements, not a
  // focus of a few dozen: crossing the line makes the chart anew.
  const large = graph.nodes.length + graph.edges.length > LARGE_GRAPH_ELEMENTS
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
        large,
        ink: themeInk(),
      },
      initial.nodes.length + initial.edges.length,
    )
    chartRef.current = chart
    const started = performance.now()
    const elements = initial.nodes.length + initial.edges.length
    performance.mark('sightline:graph-sync', {
      detail: { nodes: initial.nodes.length, edges: initial.edges.length },
    })
    const outcome = chart.sync(initial, shown)
    synced.current = initial
    chart.setMatches(found)
    if (outcome.needsLayout) {
      tell().onNeedsLayout()
    } else {
      chart.fit()
      // First paint: every entity at its place, usable; a large graph's relations are still
      // coming in (edge-stream.ts). Complete: all of them drawn, what "Show all" states.
      markAfterPaint('sightline:graph-painted')
      chart.onComplete(() =>
        markAfterPaint('sightline:graph-complete', (at) => recordPaint(elements, at - started)),
      )
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
  }, [chartRef, webgl, large])

  useEffect(() => {
    const chart = chartRef.current
    const last = synced.current
    // Saving positions patches the cached graph; the chart has those positions already.
    if (!chart || (last && last.nodes === graph.nodes && last.edges === graph.edges)) return
    synced.current = graph
    const outcome = chart.sync(graph, latest.current.shows.visible)
    chart.setVisible(latest.current.shows.visible)
    if (outcome.needsLayout) latest.current.handlers.onNeedsLayout()
  }, [chartRef, graph])

  const framed = useRef(frame)
  useEffect(() => {
    if (framed.current === frame) return
    framed.current = frame
    chartRef.current?.fit()
  }, [chartRef, frame])

  useEffect(() => {
    chartRef.current?.setVisible(visible)
  }, [chartRef, visible])

  useEffect(() => {
    chartRef.current?.setMatches(matches)
  }, [chartRef, matches])

  // Light or dark switched: the canvas cannot read CSS, so it is restyled with the new tokens.
  const { theme } = useTheme()
  const drawnTheme = useRef(theme)
  useEffect(() => {
    if (drawnTheme.current === theme) return
    drawnTheme.current = theme
    chartRef.current?.setInk(themeInk())
  }, [theme, chartRef])

  return containerRef
}

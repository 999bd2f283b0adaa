import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { CREDIBILITY_LABELS } from '../../../../shared/admiralty'
import type { GraphElements, Point } from '../../../../shared/contract'
import { RELATION_TYPES, type RelationType } from '../../../../shared/model'
import {
  useGraphElements,
  useResetPositions,
  useSaveGraphImage,
  useSavePositions,
} from '../../api/graph'
import { useProjectInfo } from '../../api/project'
import { downloadFile } from '../../ui/download'
import { editHistory } from '../../ui/edit-history'
import { useUndoRedoShortcuts } from '../../ui/shortcuts'
import { styleNonce } from '../../ui/style-nonce'
import { Chart, LARGE_GRAPH_ELEMENTS } from './chart'
import { labelWidth, nodeSize, RELATION_LABELS, typeLook } from './chart-style'
import { GraphList } from './GraphList'
import { blobToBase64, fileStem, pngSize } from './image-export'
import { LAYOUT_KINDS, LAYOUT_LABELS, qualityFor, type LayoutKind } from './layout'
import { LayoutCancelled, runLayoutInWorker } from './layout-runner'
import { Legend, ShapeSwatch } from './Legend'
import { NewRelationForm } from './NewRelationForm'
import { SidePanel, type Panel } from './SidePanel'
import { expandFocus, matchingNodes, visibleElements, type ViewFilter } from './view-filter'
import './graph.css'
import './svg-export'

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

interface LayoutRun {
  kind: LayoutKind
  nodeCount: number
  quality?: string
  startedAt: number
  cancel(): void
}

export function GraphView() {
  const graph = useGraphElements()
  if (graph.isError) {
    return (
      <div role="alert" className="error-panel">
        Could not load the graph: {graph.error.message}
      </div>
    )
  }
  if (!graph.data) {
    return (
      <section className="graph-view" aria-labelledby="graph-title">
        <div className="view-toolbar">
          <h2 id="graph-title">Graph</h2>
          <span className="muted">Loading…</span>
        </div>
      </section>
    )
  }
  return <GraphWorkbench graph={graph.data} />
}

function GraphWorkbench({ graph }: { graph: GraphElements }) {
  const project = useProjectInfo()
  const savePositions = useSavePositions()
  const resetPositions = useResetPositions()
  const saveImage = useSaveGraphImage()

  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<string>>(new Set())
  const [hiddenRelationTypes, setHiddenRelationTypes] = useState<ReadonlySet<RelationType>>(
    new Set(),
  )
  const [minCredibility, setMinCredibility] = useState<number | null>(null)
  const [hiddenNodes, setHiddenNodes] = useState<ReadonlySet<string>>(new Set())
  const [focus, setFocus] = useState<ReadonlySet<string> | null>(null)
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState<string[]>([])
  const [panel, setPanel] = useState<Panel | null>(null)
  const [linkEnds, setLinkEnds] = useState({ from: '', to: '' })
  const [layoutKind, setLayoutKind] = useState<LayoutKind>('fcose')
  const [layoutRun, setLayoutRun] = useState<LayoutRun | null>(null)
  const [layoutTried, setLayoutTried] = useState(false)
  const [status, setStatus] = useState('')
  const [error, setError] = useState('')
  const [scale, setScale] = useState(2)
  const [wholeChart, setWholeChart] = useState(true)
  const [webgl, setWebgl] = useState(() => localStorage.getItem(WEBGL_SETTING) === 'on')

  const filter: ViewFilter = useMemo(
    () => ({ hiddenTypes, hiddenRelationTypes, minCredibility, hiddenNodes, focus }),
    [hiddenTypes, hiddenRelationTypes, minCredibility, hiddenNodes, focus],
  )
  const visible = useMemo(() => visibleElements(graph, filter), [graph, filter])
  const matches = useMemo(
    () => matchingNodes(graph.nodes, visible.nodes, query),
    [graph.nodes, visible.nodes, query],
  )
  const entityTypes = useMemo(() => countBy(graph.nodes.map((n) => n.type)), [graph.nodes])
  const relationTypes = useMemo(() => countBy(graph.edges.map((e) => e.type)), [graph.edges])
  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.name])), [graph.nodes])
  const edgeById = useMemo(() => new Map(graph.edges.map((e) => [e.id, e])), [graph.edges])
  const visibleNodes = useMemo(
    () => graph.nodes.filter((n) => visible.nodes.has(n.id)),
    [graph.nodes, visible.nodes],
  )

  const containerRef = useRef<HTMLDivElement>(null)
  const chartRef = useRef<Chart | null>(null)
  /** The elements the chart was last brought in line with. */
  const synced = useRef<GraphElements | null>(null)
  const layoutRef = useRef<LayoutRun | null>(null)
  /** What the chart must show; read by the effect that (re)creates the chart. */
  const latest = useRef({ graph, visible, matches })
  useEffect(() => {
    latest.current = { graph, visible, matches }
  })

  const persistPositions = useCallback(
    (positions: Record<string, Point>) => {
      savePositions.mutate(positions, {
        onError: (cause) => setError(`The layout was not saved: ${cause.message}`),
      })
    },
    [savePositions],
  )

  const startLayout = useCallback(
    (kind: LayoutKind, root?: string) => {
      const chart = chartRef.current
      if (!chart || layoutRef.current) return
      const { graph: current, visible: shown } = latest.current
      const nodes = current.nodes
        .filter((n) => shown.nodes.has(n.id))
        .map((n) => ({
          id: n.id,
          size: nodeSize(n.evidenceCount),
          labelWidth: labelWidth(n.name),
        }))
      const edges = current.edges
        .filter((e) => shown.edges.has(e.id))
        .map((e) => ({ id: e.id, source: e.from, target: e.to }))
      if (nodes.length === 0) return
      performance.mark('sightline:layout-start')
      const running = runLayoutInWorker({ kind, nodes, edges, ...(root ? { root } : {}) })
      const run: LayoutRun = {
        kind,
        nodeCount: nodes.length,
        ...(kind === 'fcose' ? { quality: qualityFor(nodes.length, edges.length) } : {}),
        startedAt: performance.now(),
        cancel: running.cancel,
      }
      layoutRef.current = run
      setLayoutRun(run)
      setError('')
      setStatus('')
      running.result
        .then((result) => {
          if (chartRef.current !== chart) return
          performance.mark('sightline:layout-computed', {
            detail: { computeMs: result.ms, quality: result.quality, nodes: nodes.length },
          })
          chart.applyPositions(result.positions)
          chart.fit()
          markAfterPaint('sightline:graph-laid-out')
          persistPositions(result.positions)
          setStatus(
            `${LAYOUT_LABELS[kind]} layout of ${nodes.length} entities in ${(result.ms / 1000).toFixed(1)} s.`,
          )
        })
        .catch((cause: unknown) => {
          if (cause instanceof LayoutCancelled)
            setStatus('Layout cancelled; the chart is as it was.')
          else setError(cause instanceof Error ? cause.message : String(cause))
          if (chartRef.current === chart && chart.cy.nodes('.unplaced').nonempty()) {
            chart.revealUnplaced()
            chart.fit()
          }
        })
        .finally(() => {
          layoutRef.current = null
          setLayoutRun(null)
          setLayoutTried(true)
        })
    },
    [persistPositions],
  )

  const chartEvents = useRef({
    onSelectionChange: (ids: string[]) => {
      setSelected(ids)
      // The first two nodes selected on the chart become the ends of a new relation.
      if (ids.length >= 2) setLinkEnds({ from: ids[0] ?? '', to: ids[1] ?? '' })
      else if (ids[0]) {
        const first = ids[0]
        setLinkEnds((ends) => ({ from: first, to: ends.to === first ? '' : ends.to }))
      }
    },
    onOpenNode: (id: string) => setPanel({ kind: 'entity', id }),
    onOpenEdge: (id: string) => setPanel({ kind: 'relation', id }),
    onNodesMoved: (positions: Record<string, Point>) => persistPositions(positions),
    onNeedsLayout: () => startLayout('fcose'),
  })
  useEffect(() => {
    chartEvents.current.onNodesMoved = persistPositions
    chartEvents.current.onNeedsLayout = () => startLayout('fcose')
  }, [persistPositions, startLayout])

  // One chart per mounted view (and per renderer choice); later changes are applied to it.
  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    provideCytoscapeStylesheet()
    const events = chartEvents.current
    const { graph: initial, visible: shown, matches: found } = latest.current
    const chart = new Chart(
      {
        container,
        webgl,
        onSelectionChange: (ids) => events.onSelectionChange(ids),
        onOpenNode: (id) => events.onOpenNode(id),
        onOpenEdge: (id) => events.onOpenEdge(id),
        onNodesMoved: (positions) => events.onNodesMoved(positions),
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
      events.onNeedsLayout()
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
      layoutRef.current?.cancel()
      chartRef.current = null
      chart.destroy()
    }
  }, [webgl])

  useEffect(() => {
    const chart = chartRef.current
    const last = synced.current
    // Saving positions patches the cached graph; the chart has those positions already.
    if (!chart || (last && last.nodes === graph.nodes && last.edges === graph.edges)) return
    synced.current = graph
    const outcome = chart.sync(graph)
    chart.setVisible(latest.current.visible)
    if (outcome.needsLayout) chartEvents.current.onNeedsLayout()
  }, [graph])

  useEffect(() => {
    chartRef.current?.setVisible(visible)
  }, [visible])

  useEffect(() => {
    chartRef.current?.setMatches(matches)
  }, [matches])

  // Layout progress: a ticking clock shows the page is alive while the worker computes.
  const [elapsed, setElapsed] = useState(0)
  useEffect(() => {
    if (!layoutRun) return
    const timer = setInterval(() => setElapsed(performance.now() - layoutRun.startedAt), 200)
    return () => {
      clearInterval(timer)
      setElapsed(0)
    }
  }, [layoutRun])

  const selectedOne = selected.length === 1 ? selected[0] : undefined

  /** Opens an entity's record and selects its node. */
  const openEntity = (id: string) => {
    setPanel({ kind: 'entity', id })
    chartRef.current?.selectNodes([id])
  }

  // Ctrl+Z / Ctrl+Shift+Z here too: the chart's edits share the grid's history.
  useUndoRedoShortcuts((command) => {
    const redo = command === 'redo'
    ;(redo ? editHistory.redo() : editHistory.undo())
      .then((label) => {
        if (label) setStatus(`${redo ? 'Redone' : 'Undone'}: ${label}.`)
      })
      .catch((cause: unknown) =>
        setError(`Could not ${redo ? 'redo' : 'undo'}: ${(cause as Error).message}`),
      )
  })

  const selectFromList = (id: string) => {
    const chart = chartRef.current
    if (!chart) return
    if (selected.length === 1 && selected[0] === id) chart.selectNodes([])
    else chart.selectNodes([id])
  }

  const expand = () => {
    if (!selectedOne) return
    const next = expandFocus(graph, filter, selectedOne)
    setFocus(next)
    requestAnimationFrame(() => chartRef.current?.fit(next))
  }

  const hideSelected = () => {
    setHiddenNodes(new Set([...hiddenNodes, ...selected]))
    chartRef.current?.selectNodes([])
  }

  const showAll = () => {
    setFocus(null)
    requestAnimationFrame(() => chartRef.current?.fit())
  }

  const runChosenLayout = () => {
    if (layoutKind === 'breadthfirst') startLayout('breadthfirst', selectedOne)
    else startLayout(layoutKind)
  }

  const resetLayout = () => {
    resetPositions.mutate(undefined, {
      onSuccess: () => startLayout('fcose'),
      onError: (cause) => setError(`The layout was not reset: ${cause.message}`),
    })
  }

  const stem = fileStem(project.data?.project.name)

  const exportPng = async () => {
    const chart = chartRef.current
    if (!chart) return
    try {
      const blob = await chart.png(scale, wholeChart)
      downloadFile(`${stem}-graph.png`, blob)
      const { width, height } = await pngSize(blob)
      setStatus(`Exported a PNG of ${width} × ${height} pixels.`)
    } catch (cause) {
      setError(`The PNG could not be made: ${(cause as Error).message}`)
    }
  }

  const exportSvg = () => {
    const chart = chartRef.current
    if (!chart) return
    try {
      const markup = chart.svg(1, wholeChart)
      downloadFile(`${stem}-graph.svg`, new Blob([markup], { type: 'image/svg+xml' }))
      setStatus('Exported an SVG.')
    } catch (cause) {
      setError(`The SVG could not be made: ${(cause as Error).message}`)
    }
  }

  const saveForReports = async () => {
    const chart = chartRef.current
    if (!chart) return
    try {
      const blob = await chart.png(scale, wholeChart)
      const { width, height } = await pngSize(blob)
      const data = await blobToBase64(blob)
      saveImage.mutate(
        { format: 'png', data, width, height },
        {
          onSuccess: () => setStatus(`Kept this ${width} × ${height} image for reports.`),
          onError: (cause) => setError(`The image was not kept: ${cause.message}`),
        },
      )
    } catch (cause) {
      setError(`The image could not be made: ${(cause as Error).message}`)
    }
  }

  const toggle = <T,>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> => {
    const next = new Set(set)
    if (on) next.delete(value)
    else next.add(value)
    return next
  }

  // A chart without any saved position is about to be laid out: busy until that has run.
  const busy =
    layoutRun !== null ||
    (!layoutTried && graph.nodes.length > 0 && Object.keys(graph.positions).length === 0)

  const chartLabel = `Relationship graph: ${visible.nodes.size} of ${graph.nodes.length} entities and ${visible.edges.size} of ${graph.edges.length} relations in view. The tables under “Entities and relations” list them.`

  return (
    <section className="graph-view" aria-labelledby="graph-title">
      <div className="view-toolbar">
        <h2 id="graph-title">Graph</h2>
        <span className="muted">
          {visible.nodes.size} of {graph.nodes.length} entities · {visible.edges.size} of{' '}
          {graph.edges.length} relations
        </span>
      </div>
      <div className="graph-body">
        <div className="graph-controls" role="group" aria-label="Graph controls">
          <fieldset>
            <legend>Layout</legend>
            <label>
              Layout
              <select
                value={layoutKind}
                onChange={(e) => setLayoutKind(e.target.value as LayoutKind)}
              >
                {LAYOUT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {LAYOUT_LABELS[kind]}
                  </option>
                ))}
              </select>
            </label>
            <div className="button-row">
              <button
                type="button"
                onClick={runChosenLayout}
                disabled={layoutRun !== null || (layoutKind === 'breadthfirst' && !selectedOne)}
                title={
                  layoutKind === 'breadthfirst' && !selectedOne
                    ? 'Select one node to grow the tree from'
                    : undefined
                }
              >
                Run layout
              </button>
              <button type="button" onClick={resetLayout} disabled={layoutRun !== null}>
                Reset layout
              </button>
              <button type="button" onClick={() => chartRef.current?.fit()}>
                Fit to view
              </button>
            </div>
          </fieldset>

          <div className="graph-search" role="search">
            <label>
              Find
              <input
                type="search"
                value={query}
                placeholder="Name"
                onChange={(e) => setQuery(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && matches.size > 0) chartRef.current?.fit(matches)
                }}
              />
            </label>
            <span role="status" className="muted">
              {query.trim() ? `${matches.size} found` : ''}
            </span>
          </div>

          <fieldset>
            <legend>Entity types</legend>
            {[...entityTypes].map(([type, count]) => (
              <label key={type} className="check">
                <input
                  type="checkbox"
                  checked={!hiddenTypes.has(type)}
                  onChange={(e) => setHiddenTypes(toggle(hiddenTypes, type, e.target.checked))}
                />
                <ShapeSwatch look={typeLook(type)} /> {typeLook(type).label}{' '}
                <span className="muted">({count})</span>
              </label>
            ))}
          </fieldset>

          <fieldset>
            <legend>Relation types</legend>
            {RELATION_TYPES.filter((type) => relationTypes.has(type)).map((type) => (
              <label key={type} className="check">
                <input
                  type="checkbox"
                  checked={!hiddenRelationTypes.has(type)}
                  onChange={(e) =>
                    setHiddenRelationTypes(toggle(hiddenRelationTypes, type, e.target.checked))
                  }
                />
                {RELATION_LABELS[type]} <span className="muted">({relationTypes.get(type)})</span>
              </label>
            ))}
          </fieldset>

          <label>
            Evidence credibility
            <select
              value={minCredibility ?? ''}
              onChange={(e) => setMinCredibility(e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">Any, unsupported included</option>
              <option value="1">1 only ({CREDIBILITY_LABELS[1]?.toLowerCase()})</option>
              <option value="2">2 or better</option>
              <option value="3">3 or better</option>
              <option value="4">4 or better</option>
              <option value="5">5 or better</option>
              <option value="6">Any grade, supported only</option>
            </select>
          </label>

          <fieldset>
            <legend>Selection</legend>
            <p className="muted selection-summary">
              {selected.length === 0
                ? 'Click a node; Shift-click adds more.'
                : selected.map((id) => names.get(id) ?? id).join(', ')}
            </p>
            <div className="button-row">
              <button type="button" onClick={expand} disabled={!selectedOne}>
                Expand
              </button>
              <button type="button" onClick={hideSelected} disabled={selected.length === 0}>
                Hide
              </button>
              <button
                type="button"
                onClick={() => selectedOne && setPanel({ kind: 'entity', id: selectedOne })}
                disabled={!selectedOne}
              >
                Open record
              </button>
            </div>
            <div className="button-row">
              {focus && (
                <button type="button" onClick={showAll}>
                  Show whole graph
                </button>
              )}
              {hiddenNodes.size > 0 && (
                <button type="button" onClick={() => setHiddenNodes(new Set())}>
                  Show hidden ({hiddenNodes.size})
                </button>
              )}
            </div>
          </fieldset>

          <NewRelationForm
            nodes={visibleNodes}
            names={names}
            from={linkEnds.from}
            to={linkEnds.to}
            onChangeEnds={setLinkEnds}
            onCreated={(relation, sentence) => {
              setStatus(`Created the relation “${sentence}”.`)
              setPanel({ kind: 'relation', id: relation.id })
            }}
          />

          <fieldset>
            <legend>Image</legend>
            <label>
              Scale
              <select value={scale} onChange={(e) => setScale(Number(e.target.value))}>
                {[1, 2, 3, 4].map((factor) => (
                  <option key={factor} value={factor}>
                    {factor}×
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={wholeChart}
                onChange={(e) => setWholeChart(e.target.checked)}
              />
              Whole chart (not only the visible area)
            </label>
            <div className="button-row">
              <button type="button" onClick={() => void exportPng()}>
                Export PNG
              </button>
              <button type="button" onClick={exportSvg}>
                Export SVG
              </button>
              <button
                type="button"
                onClick={() => void saveForReports()}
                disabled={saveImage.isPending}
              >
                Keep for reports
              </button>
            </div>
          </fieldset>

          <label className="check">
            <input
              type="checkbox"
              checked={webgl}
              onChange={(e) => {
                localStorage.setItem(WEBGL_SETTING, e.target.checked ? 'on' : 'off')
                setWebgl(e.target.checked)
              }}
            />
            WebGL renderer (faster on large graphs)
          </label>
        </div>

        <div className="graph-stage" role="region" aria-label="Chart" aria-busy={busy}>
          <Legend
            types={[...entityTypes.keys()].map((type) => ({ type, look: typeLook(type) }))}
            large={graph.nodes.length + graph.edges.length > LARGE_GRAPH_ELEMENTS}
          />
          <div ref={containerRef} className="graph-canvas" role="img" aria-label={chartLabel} />
          {layoutRun && (
            <div className="graph-progress" role="status" aria-label="Layout in progress">
              <progress aria-label="Layout progress" />
              <span>
                {LAYOUT_LABELS[layoutRun.kind]} layout of {layoutRun.nodeCount} entities
                {layoutRun.quality === 'draft' ? ' (draft quality, for speed)' : ''}…{' '}
                {(elapsed / 1000).toFixed(1)} s
              </span>
              <button type="button" onClick={() => layoutRun.cancel()}>
                Cancel layout
              </button>
            </div>
          )}
        </div>

        {panel && (
          <SidePanel
            key={`${panel.kind}:${panel.id}`}
            panel={panel}
            names={names}
            {...(panel.kind === 'relation' && edgeById.get(panel.id)
              ? { relation: edgeById.get(panel.id) }
              : {})}
            onClose={() => setPanel(null)}
            onOpenEntity={openEntity}
            onDeleted={(sentence) => {
              setPanel(null)
              setStatus(`Deleted the relation “${sentence}”.`)
            }}
          />
        )}
      </div>

      <div className="graph-messages">
        <p role="status" aria-label="Graph status" className="muted">
          {status}
        </p>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </div>

      <details className="graph-details">
        <summary>Entities and relations (list view)</summary>
        <GraphList
          graph={graph}
          visible={visible}
          matches={matches}
          selected={selected}
          onSelectNode={selectFromList}
          onOpenNode={openEntity}
          onOpenEdge={(id) => setPanel({ kind: 'relation', id })}
        />
      </details>
    </section>
  )
}

/**
 * A User Timing mark once the frame after the current one has been produced, i.e. once the
 * chart's own redraw has run (whatever the renderer). The bench reads these marks.
 */
function markAfterPaint(name: string): void {
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark(name)))
}

function countBy<T>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}

/**
 * The Graph view: the chart between its controls and the side panel, the status line under it
 * and the list view below. The state lives in named hooks (filter, selection, layout run,
 * status line), the chart in useChart; this view composes them with the parts.
 */
import { useMemo, useRef, useState } from 'react'
import type { GraphElements, Point } from '../../../../shared/contract'
import { useGraphElements, useSavePositions } from '../../api/graph'
import { graphHref } from '../../routes/links'
import type { Chart } from './chart'
import { typeLook } from './chart-style'
import { isLargeGraph } from './exploration'
import { ExploreControls } from './ExploreControls'
import { FilterControls } from './FilterControls'
import { FocusPicker } from './FocusPicker'
import { GraphList } from './GraphList'
import { ImageControls } from './ImageControls'
import { LayoutControls } from './LayoutControls'
import { LayoutProgress } from './LayoutProgress'
import { Legend } from './Legend'
import { NewRelationForm } from './NewRelationForm'
import { SelectionControls } from './SelectionControls'
import { SidePanel, type Panel } from './SidePanel'
import { useChart, useWebglSetting } from './use-chart'
import { useGraphFilter } from './use-graph-filter'
import { useGraphLookups } from './use-graph-lookups'
import { useGraphSelection } from './use-graph-selection'
import { matchesWithNeighbours } from './view-filter'
import { useLayoutRun } from './use-layout-run'
import { useHistoryShortcuts, useStatusLine } from './use-status-line'
import { t } from '../../ui/i18n'
import './graph.css'
import './svg-export'

export function GraphView() {
  const graph = useGraphElements()
  if (graph.isError) {
    return (
      <div role="alert" className="error-panel">
        {t('graph.couldNotLoadTheGraph', { message: graph.error.message })}
      </div>
    )
  }
  if (!graph.data) {
    return (
      <section className="graph-view" aria-labelledby="graph-title">
        <div className="view-toolbar">
          <h2 id="graph-title">{t('graph.graph')}</h2>
          <span className="muted">{t('graph.loading')}</span>
        </div>
      </section>
    )
  }
  return <GraphWorkbench graph={graph.data} />
}

function GraphWorkbench({ graph }: { graph: GraphElements }) {
  const statusLine = useStatusLine()
  const filter = useGraphFilter(graph)
  const { visible, matches, route } = filter
  const large = isLargeGraph(graph)
  const focus = filter.filter.focus
  const scope = filter.scope
  const choosing = large && route.kind === 'default'
  const selection = useGraphSelection()
  const { selected, selectedOne } = selection
  const [panel, setPanel] = useState<Panel | null>(null)
  const [webgl, setWebgl] = useWebglSetting()
  const { names, edgeById, entityTypes, relationTypes } = useGraphLookups(graph)
  const visibleNodes = useMemo(
    () => graph.nodes.filter((n) => visible.nodes.has(n.id)),
    [graph.nodes, visible.nodes],
  )

  const savePositions = useSavePositions()
  const persistPositions = (positions: Record<string, Point>) => {
    savePositions.mutate(positions, {
      onError: (cause) =>
        statusLine.fail(t('graph.theLayoutWasNotSaved', { message: cause.message })),
    })
  }

  /** The chart useChart makes (null while there is none); layouts and controls act on it. */
  const chartRef = useRef<Chart | null>(null)
  // Called before useChart, so its effects run first: a layout the chart asks for when a
  // refetch fills it reads the elements of this render, not of the one before.
  const layout = useLayoutRun({
    chartRef,
    graph,
    visible,
    onPositions: persistPositions,
    statusLine,
  })
  const containerRef = useChart(
    chartRef,
    { graph: scope, visible, matches, frame: graphHref(route) },
    webgl,
    {
      onSelectionChange: (ids) => selection.dispatch({ type: 'chart-selected', ids }),
      // Exploring, a double-click grows the view from the node; else it opens the record.
      onOpenNode: (id) =>
        route.kind === 'explore' ? expandNode(id) : setPanel({ kind: 'entity', id }),
      onOpenEdge: (id) => setPanel({ kind: 'relation', id }),
      onNodesMoved: persistPositions,
      onNeedsLayout: () => layout.start('fcose'),
      onDispose: layout.cancel,
    },
  )
  useHistoryShortcuts(statusLine)

  /** Opens an entity's record and selects its node. */
  const openEntity = (id: string) => {
    setPanel({ kind: 'entity', id })
    chartRef.current?.selectNodes([id])
  }

  const selectFromList = (id: string) => {
    const chart = chartRef.current
    if (!chart) return
    if (selected.length === 1 && selected[0] === id) chart.selectNodes([])
    else chart.selectNodes([id])
  }

  const expandNode = (id: string) => {
    const grown = filter.expand(id)
    requestAnimationFrame(() => chartRef.current?.fit(grown))
  }
  const expand = () => {
    if (selectedOne) expandNode(selectedOne)
  }

  const hideSelected = () => {
    filter.dispatch({ type: 'hide-nodes', ids: selected })
    chartRef.current?.selectNodes([])
  }

  const showWholeGraph = () => filter.navigate({ kind: large ? 'all' : 'default' })

  const chartLabel = t('graph.relationshipGraphOfEntitiesAndOf', {
    size: visible.nodes.size,
    length: graph.nodes.length,
    size2: visible.edges.size,
    length2: graph.edges.length,
  })

  return (
    <section className="graph-view" aria-labelledby="graph-title">
      <div className="view-toolbar">
        <h2 id="graph-title">{t('graph.graph')}</h2>
        <span className="muted">
          {t('graph.ofEntitiesOfRelations', {
            size: visible.nodes.size,
            length: graph.nodes.length,
            size2: visible.edges.size,
            length2: graph.edges.length,
          })}
        </span>
      </div>
      <div className="graph-body">
        <div
          className="graph-controls control-column"
          role="group"
          aria-label={t('graph.graphControls')}
        >
          <LayoutControls
            running={layout.run !== null}
            selectedOne={selectedOne}
            onRun={layout.start}
            onReset={layout.reset}
            onFit={() => chartRef.current?.fit()}
          />
          {route.kind === 'explore' && (
            <ExploreControls
              route={route}
              names={names}
              inFocus={visible.nodes.size}
              leftOut={filter.leftOut}
              selectedOne={selectedOne}
              largeGraphElements={large ? graph.nodes.length + graph.edges.length : null}
              onNavigate={filter.navigate}
            />
          )}
          <FilterControls
            filter={filter}
            entityTypes={entityTypes}
            relationTypes={relationTypes}
            onFrameMatches={() => {
              const framed = matchesWithNeighbours(graph.edges, visible, matches)
              chartRef.current?.fit(framed)
              return framed.size
            }}
          />
          <SelectionControls
            selected={selected}
            names={names}
            focused={!large && focus !== null}
            hiddenCount={filter.filter.hiddenNodes.size}
            onExpand={expand}
            onHide={hideSelected}
            onOpenRecord={() => selectedOne && setPanel({ kind: 'entity', id: selectedOne })}
            onShowWholeGraph={showWholeGraph}
            onShowHidden={() => filter.dispatch({ type: 'show-hidden-nodes' })}
          />
          <NewRelationForm
            nodes={visibleNodes}
            names={names}
            from={selection.ends.from}
            to={selection.ends.to}
            onChangeEnds={(ends) => selection.dispatch({ type: 'choose-ends', ends })}
            onCreated={(relation, sentence) => {
              statusLine.report(t('graph.createdTheRelation', { sentence }))
              setPanel({ kind: 'relation', id: relation.id })
            }}
          />
          <ImageControls chartRef={chartRef} statusLine={statusLine} />
          <label className="check">
            <input type="checkbox" checked={webgl} onChange={(e) => setWebgl(e.target.checked)} />
            {t('graph.webglRendererExperimentalSlowerThanCanvas')}
          </label>
        </div>

        <div
          className="graph-stage"
          role="region"
          aria-label={t('graph.chart')}
          aria-busy={layout.busy}
        >
          <Legend types={[...entityTypes.keys()].map((type) => ({ type, look: typeLook(type) }))} />
          <div ref={containerRef} className="graph-canvas" role="img" aria-label={chartLabel} />
          {graph.nodes.length === 0 && (
            <p className="graph-empty muted">{t('graph.nothingToDrawYetAddGroups')}</p>
          )}
          {choosing && (
            <FocusPicker
              nodes={graph.nodes}
              edgeCount={graph.edges.length}
              onFocus={(id, depth) =>
                filter.navigate({ kind: 'explore', focus: [id], depth, expanded: [] })
              }
              onShowAll={() => filter.navigate({ kind: 'all' })}
            />
          )}
          {layout.run && <LayoutProgress run={layout.run} />}
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
              statusLine.report(t('graph.deletedTheRelation', { sentence }))
            }}
          />
        )}
      </div>

      <div className="graph-messages">
        <p role="status" aria-label={t('graph.graphStatus')} className="muted">
          {statusLine.status}
        </p>
        {statusLine.error && (
          <p role="alert" className="error-text">
            {statusLine.error}
          </p>
        )}
      </div>

      <details className="graph-details">
        <summary>{t('graph.entitiesAndRelationsListView')}</summary>
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

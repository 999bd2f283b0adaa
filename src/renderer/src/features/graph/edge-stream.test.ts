import { afterEach, describe, expect, it } from 'vitest'
import type { GraphElements } from '../../../../shared/contract'
import { Chart, LARGE_GRAPH_ELEMENTS } from './chart'
import type { IdleScheduler } from './edge-stream'

/** A graph just over the size whose relations come in after the first paint. */
function bigGraph(): GraphElements {
  const nodes = Array.from({ length: 300 }, (_, i) => ({
    id: `n${i}`,
    type: 'group',
    name: `N${i}`,
    evidenceCount: 1,
    degree: 0,
  }))
  const edges = Array.from({ length: LARGE_GRAPH_ELEMENTS }, (_, i) => ({
    id: `e${i}`,
    type: 'operates-in' as const,
    from: `n${i % 300}`,
    to: `n${(i * 7 + 1) % 300}`,
    evidence: ['q'],
    evidenceCount: 1,
    bestCredibility: 2,
    supported: i % 2 === 0,
  }))
  const positions = Object.fromEntries(nodes.map((n, i) => [n.id, { x: i * 10, y: 0 }]))
  return { nodes, edges, positions }
}

/** Idle slices run when the test says so. */
function manualScheduler(): { schedule: IdleScheduler; runNext(): boolean } {
  const queue: (() => void)[] = []
  return {
    schedule: (next) => {
      queue.push(next)
      return () => queue.splice(queue.indexOf(next), 1)
    },
    runNext: () => {
      const next = queue.shift()
      next?.()
      return next !== undefined
    },
  }
}

let chart: Chart | undefined
afterEach(() => chart?.destroy())

describe("a large chart's relations after its first paint", () => {
  it('draws the nodes first and adds the relations in idle slices, then says it is complete', () => {
    const idle = manualScheduler()
    chart = new Chart({ container: null, schedule: idle.schedule }, 0)
    const graph = bigGraph()
    chart.sync(graph)
    expect(chart.cy.nodes()).toHaveLength(300)
    expect(chart.cy.edges()).toHaveLength(0)
    let complete = false
    chart.onComplete(() => (complete = true))
    expect(idle.runNext()).toBe(true)
    const afterOne = chart.cy.edges().length
    expect(afterOne).toBeGreaterThan(0)
    expect(afterOne).toBeLessThan(graph.edges.length)
    // In the chart but not drawn until all are in: one redraw instead of one per slice.
    expect(chart.cy.edges('.streaming')).toHaveLength(afterOne)
    expect(chart.cy.getElementById('e0').style('display')).toBe('none')
    expect(complete).toBe(false)
    while (idle.runNext());
    expect(chart.cy.edges()).toHaveLength(graph.edges.length)
    expect(chart.cy.edges('.streaming')).toHaveLength(0)
    expect(chart.cy.getElementById('e0').style('display')).toBe('element')
    expect(chart.pendingEdges).toBe(0)
    expect(complete).toBe(true)
    expect(chart.cy.getElementById('e1').hasClass('unsupported')).toBe(true)
    expect(chart.cy.getElementById('e0').hasClass('unsupported')).toBe(false)
  })

  it('gives a relation that joins late the filter in force when it joins', () => {
    const idle = manualScheduler()
    chart = new Chart({ container: null, schedule: idle.schedule }, 0)
    const graph = bigGraph()
    chart.sync(graph)
    const nodes = new Set(graph.nodes.map((n) => n.id))
    chart.setVisible({ nodes, edges: new Set(['e5']) })
    while (idle.runNext());
    expect(
      chart.cy
        .edges()
        .not('.filtered')
        .map((e) => e.id()),
    ).toEqual(['e5'])
    // The chart's record of what is shown matches: showing all brings every relation back.
    chart.setVisible({ nodes, edges: new Set(graph.edges.map((e) => e.id)) })
    expect(chart.cy.edges('.filtered')).toHaveLength(0)
  })

  it('adds the rest at once before an update or an export, and never twice', () => {
    const idle = manualScheduler()
    chart = new Chart({ container: null, schedule: idle.schedule }, 0)
    const graph = bigGraph()
    chart.sync(graph)
    idle.runNext()
    let completions = 0
    chart.onComplete(() => completions++)
    chart.sync({ ...graph, edges: graph.edges.slice(1) })
    expect(chart.cy.edges()).toHaveLength(graph.edges.length - 1)
    expect(completions).toBe(1)
    expect(idle.runNext()).toBe(false)
  })

  it('keeps unplaced elements out of the chart while it waits for a first layout', () => {
    const idle = manualScheduler()
    chart = new Chart({ container: null, schedule: idle.schedule }, 0)
    const graph = bigGraph()
    // Two nodes kept their place (a focus laid out before "Show all"): they are drawn meanwhile.
    const outcome = chart.sync({ ...graph, positions: { n0: { x: 0, y: 0 }, n1: { x: 50, y: 0 } } })
    const between = graph.edges.filter((e) => `${e.from}${e.to}` === 'n0n1').map((e) => e.id)
    expect(between.length).toBeGreaterThan(0)
    expect(outcome.needsLayout).toBe(true)
    expect(chart.hasUnplaced).toBe(true)
    expect(chart.cy.nodes().map((n) => n.id())).toEqual(['n0', 'n1'])
    expect(chart.cy.edges().map((e) => e.id())).toEqual(between)
    // Nothing to add in idle time while the layout runs.
    expect(idle.runNext()).toBe(false)

    // The layout's positions bring every node in at its place, and the relations follow.
    const positions = Object.fromEntries(graph.nodes.map((n, i) => [n.id, { x: i, y: i * 2 }]))
    chart.applyPositions(positions)
    expect(chart.hasUnplaced).toBe(false)
    expect(chart.cy.nodes()).toHaveLength(300)
    expect(chart.cy.getElementById('n7').position()).toEqual({ x: 7, y: 14 })
    let complete = false
    chart.onComplete(() => (complete = true))
    while (idle.runNext());
    expect(complete).toBe(true)
    expect(chart.cy.edges()).toHaveLength(graph.edges.length)
    expect(chart.cy.elements('.unplaced, .streaming, .filtered')).toHaveLength(0)
  })

  it('lays the waiting nodes on a grid when the first layout is cancelled', () => {
    chart = new Chart({ container: null, schedule: () => () => {} }, 0)
    const graph = bigGraph()
    const hidden = new Set(graph.nodes.slice(0, 10).map((n) => n.id))
    chart.sync(
      { ...graph, positions: {} },
      {
        nodes: new Set(graph.nodes.filter((n) => !hidden.has(n.id)).map((n) => n.id)),
        edges: new Set(graph.edges.map((e) => e.id)),
      },
    )
    expect(chart.cy.elements()).toHaveLength(0)
    chart.revealUnplaced()
    chart.finishEdges()
    expect(chart.hasUnplaced).toBe(false)
    expect(chart.cy.nodes()).toHaveLength(300)
    expect(chart.cy.edges()).toHaveLength(graph.edges.length)
    // The filter in force when they join holds: the ten hidden nodes come in filtered out.
    expect(chart.cy.nodes('.filtered')).toHaveLength(10)
    const spots = new Set(chart.cy.nodes().map((n) => `${n.position().x},${n.position().y}`))
    expect(spots.size).toBe(300)
  })

  it('brings the waiting elements in before an update compares against the chart', () => {
    chart = new Chart({ container: null, schedule: () => () => {} }, 0)
    const graph = bigGraph()
    chart.sync({ ...graph, positions: {} })
    chart.sync({ ...graph, positions: {}, edges: graph.edges.slice(1) })
    expect(chart.hasUnplaced).toBe(true)
    expect(chart.cy.nodes()).toHaveLength(300)
    expect(chart.cy.nodes('.unplaced')).toHaveLength(300)
    expect(chart.cy.edges()).toHaveLength(graph.edges.length - 1)
  })

  it('keeps a chart of ordinary size whole from the start', () => {
    chart = new Chart({ container: null, large: true, schedule: () => () => {} }, 0)
    const graph = bigGraph()
    chart.sync({ ...graph, edges: graph.edges.slice(0, 100) })
    expect(chart.cy.edges()).toHaveLength(100)
    let complete = false
    chart.onComplete(() => (complete = true))
    expect(complete).toBe(true)
  })
})

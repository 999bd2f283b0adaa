import { afterEach, describe, expect, it, vi } from 'vitest'
import type { GraphEdge, GraphElements, GraphNode } from '../../../../shared/contract'
import { Chart, type ChartEvents } from './chart'

const node = (id: string, type = 'group', evidenceCount = 1): GraphNode => ({
  id,
  type,
  name: id.toUpperCase(),
  evidenceCount,
  degree: 0,
})
const edge = (id: string, from: string, to: string, evidenceCount = 1): GraphEdge => ({
  id,
  type: 'operates-in',
  from,
  to,
  evidence: evidenceCount ? ['q'] : [],
  evidenceCount,
  ...(evidenceCount ? { bestCredibility: 2 } : {}),
  supported: evidenceCount > 0,
})

const base: GraphElements = {
  nodes: [node('nrf'), node('panjshir', 'place'), node('masoud', 'person', 4)],
  edges: [edge('e1', 'nrf', 'panjshir'), edge('e2', 'masoud', 'nrf', 0)],
  positions: {},
}

let chart: Chart | undefined
afterEach(() => chart?.destroy())

function makeChart(events: ChartEvents = {}): Chart {
  chart = new Chart({ container: null, ...events }, 10)
  return chart
}

describe('Chart', () => {
  it('asks for a layout when no node has a saved position', () => {
    const outcome = makeChart().sync(base)
    expect(outcome.needsLayout).toBe(true)
    expect(chart!.cy.nodes()).toHaveLength(3)
    expect(chart!.cy.edges()).toHaveLength(2)
  })

  it('paints saved positions as they are and styles elements from their data', () => {
    const c = makeChart()
    const outcome = c.sync({
      ...base,
      positions: { nrf: { x: 10, y: 20 }, panjshir: { x: 200, y: 20 }, masoud: { x: 10, y: -150 } },
    })
    expect(outcome).toEqual({ placed: [], needsLayout: false })
    expect(c.cy.getElementById('nrf').position()).toEqual({ x: 10, y: 20 })
    const masoud = c.cy.getElementById('masoud')
    expect(masoud.style('shape')).toBe('ellipse')
    expect(c.cy.getElementById('nrf').style('shape')).toBe('hexagon')
    expect(c.cy.getElementById('panjshir').style('shape')).toBe('round-diamond')
    // More evidence, bigger node.
    expect(masoud.width()).toBeGreaterThan(c.cy.getElementById('nrf').width())
    expect(c.cy.getElementById('e2').style('line-style')).toBe('dashed')
    expect(c.cy.getElementById('e1').style('line-style')).toBe('solid')
    expect(c.cy.getElementById('e1').style('label')).toBe('operates in')
  })

  it('applies a refetch incrementally: keeps positions, adds newcomers beside their neighbours', () => {
    const c = makeChart()
    c.sync({
      ...base,
      positions: { nrf: { x: 0, y: 0 }, panjshir: { x: 300, y: 0 }, masoud: { x: 0, y: -300 } },
    })
    const outcome = c.sync({
      nodes: [...base.nodes, node('andarab', 'place'), node('loner', 'community')],
      edges: [edge('e1', 'nrf', 'panjshir', 3), edge('e3', 'nrf', 'andarab')],
      positions: { nrf: { x: 0, y: 0 } },
    })
    expect(outcome.needsLayout).toBe(false)
    expect(outcome.placed.sort()).toEqual(['andarab', 'loner'])
    expect(c.cy.getElementById('panjshir').position()).toEqual({ x: 300, y: 0 })
    expect(c.cy.getElementById('e2').empty()).toBe(true)
    const andarab = c.cy.getElementById('andarab').position()
    expect(Math.hypot(andarab.x, andarab.y)).toBeCloseTo(70, 0)
    // A node with no placed neighbour goes below the chart.
    expect(c.cy.getElementById('loner').position().y).toBeGreaterThan(0)
    expect(c.cy.getElementById('e1').data('evidenceCount')).toBe(3)
  })

  it('hides filtered elements and dims all but the selected node’s neighbourhood', () => {
    const c = makeChart()
    c.sync(base)
    c.setVisible({ nodes: new Set(['nrf', 'masoud']), edges: new Set(['e2']) })
    expect(c.cy.getElementById('panjshir').hasClass('filtered')).toBe(true)
    expect(c.cy.getElementById('e1').hasClass('filtered')).toBe(true)
    expect(c.cy.getElementById('nrf').hasClass('filtered')).toBe(false)

    c.setVisible({ nodes: new Set(['nrf', 'masoud', 'panjshir']), edges: new Set(['e1']) })
    c.highlightNeighbourhood('panjshir')
    expect(c.cy.getElementById('masoud').hasClass('dimmed')).toBe(true)
    expect(c.cy.getElementById('e2').hasClass('dimmed')).toBe(true)
    expect(c.cy.getElementById('nrf').hasClass('dimmed')).toBe(false)
    expect(c.cy.getElementById('e1').hasClass('dimmed')).toBe(false)
    c.highlightNeighbourhood(null)
    expect(c.cy.elements('.dimmed')).toHaveLength(0)
  })

  it('reports selection in order, double-clicks, edge clicks and drags', async () => {
    const events = {
      onSelectionChange: vi.fn(),
      onOpenNode: vi.fn(),
      onOpenEdge: vi.fn(),
      onNodesMoved: vi.fn(),
    }
    const c = makeChart(events)
    c.sync({ ...base, positions: { nrf: { x: 1, y: 2 } } })
    c.selectNodes(['masoud'])
    c.cy.getElementById('nrf').select()
    expect(events.onSelectionChange).toHaveBeenLastCalledWith(['masoud', 'nrf'])
    expect(c.selectedNodes()).toEqual(['masoud', 'nrf'])
    c.cy.getElementById('nrf').emit('dbltap')
    expect(events.onOpenNode).toHaveBeenCalledWith('nrf')
    c.cy.getElementById('e1').emit('tap')
    expect(events.onOpenEdge).toHaveBeenCalledWith('e1')

    c.cy.getElementById('nrf').position({ x: 55.55, y: -4 })
    c.cy.getElementById('nrf').emit('dragfree')
    c.cy.getElementById('masoud').emit('dragfree')
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(events.onNodesMoved).toHaveBeenCalledTimes(1)
    const moved = events.onNodesMoved.mock.calls[0]?.[0] as Record<string, unknown>
    expect(moved.nrf).toEqual({ x: 55.6, y: -4 })
    expect(Object.keys(moved).sort()).toEqual(['masoud', 'nrf'])
  })

  it('rings search matches', () => {
    const c = makeChart()
    c.sync(base)
    c.setMatches(new Set(['nrf']))
    expect(c.cy.nodes('.match').map((n) => n.id())).toEqual(['nrf'])
    c.setMatches(new Set())
    expect(c.cy.nodes('.match')).toHaveLength(0)
  })

  it('labels a large graph and draws its arrowheads only once zoomed in', () => {
    chart = new Chart({ container: null, large: true }, 10)
    chart.sync({ ...base, positions: { nrf: { x: 0, y: 0 } } })
    const directed = chart.cy.getElementById('e1')
    chart.cy.zoom(0.1)
    expect(directed.hasClass('near')).toBe(false)
    expect(directed.style('mid-target-arrow-shape')).toBe('none')
    expect(directed.style('label')).toBe('')
    expect(chart.cy.getElementById('nrf').style('label')).toBe('')
    expect(chart.cy.getElementById('e2').style('line-style')).toBe('solid')
    chart.cy.zoom(1)
    expect(directed.style('label')).toBe('operates in')
    expect(chart.cy.getElementById('e2').style('line-style')).toBe('dashed')
    expect(chart.cy.getElementById('nrf').style('label')).toBe('NRF')
    expect(directed.hasClass('near')).toBe(true)
    expect(directed.style('mid-target-arrow-shape')).toBe('triangle')
    expect(directed.style('curve-style')).toBe('haystack')
  })

  it('leaves out the labels and arrowheads of a small graph framed too far out to read them', () => {
    const c = makeChart()
    c.sync(base)
    const directed = c.cy.getElementById('e1')
    expect(directed.style('target-arrow-shape')).toBe('triangle')
    expect(directed.style('curve-style')).toBe('bezier')
    // 12 px names at a zoom of 0.1 would be drawn 1.2 px high: cytoscape would skip them.
    c.cy.zoom(0.1)
    expect(c.cy.getElementById('nrf').style('label')).toBe('')
    expect(directed.style('label')).toBe('')
    expect(directed.style('target-arrow-shape')).toBe('none')
    expect(c.cy.getElementById('e2').style('line-style')).toBe('solid')
    c.cy.zoom(0.8)
    expect(c.cy.getElementById('nrf').style('label')).toBe('NRF')
    expect(directed.style('target-arrow-shape')).toBe('triangle')
    expect(c.cy.getElementById('e2').style('line-style')).toBe('dashed')
  })
})

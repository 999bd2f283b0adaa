import { describe, expect, it } from 'vitest'
import { computeLayout, medianNearestDistance, spreadOut } from './layout'
import { qualityFor, type LayoutRequest } from './layout-plan'

/** A hub with spokes, plus a chain hanging off one spoke and a separate pair. */
function sampleGraph(): Pick<LayoutRequest, 'nodes' | 'edges'> {
  const nodes = ['hub', 'a', 'b', 'c', 'd', 'e', 'chain-1', 'chain-2', 'x', 'y'].map((id) => ({
    id,
    size: 30,
  }))
  const pairs: [string, string][] = [
    ['hub', 'a'],
    ['hub', 'b'],
    ['hub', 'c'],
    ['hub', 'd'],
    ['e', 'hub'],
    ['a', 'chain-1'],
    ['chain-1', 'chain-2'],
    ['x', 'y'],
  ]
  return {
    nodes,
    edges: pairs.map(([source, target]) => ({ id: `${source}-${target}`, source, target })),
  }
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y)
}

describe('computeLayout', () => {
  it('repeats a seeded layout exactly, and gives Math.random back', () => {
    const random = Math.random
    const first = computeLayout({ kind: 'fcose', seed: 3, ...sampleGraph() })
    const second = computeLayout({ kind: 'fcose', seed: 3, ...sampleGraph() })
    expect(second.positions).toEqual(first.positions)
    expect(Math.random).toBe(random)
  })

  it('places every node at a distinct finite point with fcose', () => {
    const { positions, quality } = computeLayout({ kind: 'fcose', seed: 7, ...sampleGraph() })
    expect(quality).toBe('proof')
    const points = Object.values(positions)
    expect(Object.keys(positions).sort()).toEqual(
      sampleGraph()
        .nodes.map((n) => n.id)
        .sort(),
    )
    for (const p of points) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true)
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        expect(distance(points[i]!, points[j]!)).toBeGreaterThan(10)
      }
    }
    // Linked nodes end up nearer each other than the two separate components' nodes do on average.
    expect(distance(positions.hub!, positions.a!)).toBeLessThan(
      distance(positions.hub!, positions['chain-2']!),
    )
  })

  it('puts the best-connected node at the centre of a concentric layout', () => {
    const { positions } = computeLayout({ kind: 'concentric', ...sampleGraph() })
    const points = Object.values(positions)
    const centre = {
      x: (Math.min(...points.map((p) => p.x)) + Math.max(...points.map((p) => p.x))) / 2,
      y: (Math.min(...points.map((p) => p.y)) + Math.max(...points.map((p) => p.y))) / 2,
    }
    const hubDistance = distance(positions.hub!, centre)
    for (const [id, point] of Object.entries(positions)) {
      if (id !== 'hub') expect(distance(point, centre)).toBeGreaterThan(hubDistance)
    }
  })

  it('grows a breadthfirst tree down from the chosen root', () => {
    const { positions } = computeLayout({ kind: 'breadthfirst', root: 'chain-2', ...sampleGraph() })
    const depth = (id: string) => positions[id]!.y
    expect(depth('chain-2')).toBeLessThan(depth('chain-1'))
    expect(depth('chain-1')).toBeLessThan(depth('a'))
    expect(depth('a')).toBeLessThan(depth('hub'))
    expect(depth('hub')).toBeLessThan(depth('b'))
  })

  it('chooses the draft quality for graphs where the full one would take seconds', () => {
    expect(qualityFor(24, 23)).toBe('proof')
    expect(qualityFor(101, 23)).toBe('default')
    expect(qualityFor(250, 800)).toBe('default')
    expect(qualityFor(251, 100)).toBe('draft')
    expect(qualityFor(100, 900)).toBe('draft')
    expect(qualityFor(5_000, 20_000)).toBe('draft')
  })

  it('lays out a graph of a thousand nodes in draft quality', () => {
    const nodes = Array.from({ length: 1_000 }, (_, i) => ({ id: `n${i}`, size: 30 }))
    const edges = Array.from({ length: 2_000 }, (_, i) => ({
      id: `e${i}`,
      source: `n${i % 1_000}`,
      target: `n${(i * 7 + 13) % 1_000}`,
    })).filter((e) => e.source !== e.target)
    const result = computeLayout({ kind: 'fcose', nodes, edges, seed: 1 })
    expect(result.quality).toBe('draft')
    expect(Object.keys(result.positions)).toHaveLength(1_000)
    // Spread out: the typical node (30 px wide) does not touch its nearest neighbour.
    expect(medianNearestDistance(Object.values(result.positions))).toBeGreaterThanOrEqual(30)
  })

  it('spreads a packed layout about its centre and leaves a roomy one alone', () => {
    const packed = [
      { id: 'a', x: 0, y: 0 },
      { id: 'b', x: 2, y: 0 },
      { id: 'c', x: 0, y: 2 },
      { id: 'd', x: 2, y: 2 },
    ]
    const spread = spreadOut(packed, 40)
    expect(spread.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd'])
    expect(spread[0]).toEqual({ id: 'a', x: -19, y: -19 })
    expect(spread[3]).toEqual({ id: 'd', x: 21, y: 21 })
    expect(medianNearestDistance(spread)).toBeCloseTo(40)
    const roomy = packed.map((p) => ({ ...p, x: p.x * 50, y: p.y * 50 }))
    expect(spreadOut(roomy, 40)).toBe(roomy)
  })
})

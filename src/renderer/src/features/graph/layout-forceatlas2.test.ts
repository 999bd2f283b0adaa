import { describe, expect, it } from 'vitest'
import { computeLayout, medianNearestDistance } from './layout'
import { forceAlgorithmFor } from './layout-plan'
import { forceAtlas2Iterations } from './layout-forceatlas2'

/** Two rings of 100 nodes, each a cycle with chords, joined by one edge. */
function twoCommunities() {
  const nodes = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, size: 30 }))
  const edges: { id: string; source: string; target: string }[] = []
  for (const offset of [0, 100]) {
    for (let i = 0; i < 100; i++) {
      const at = (k: number) => `n${offset + ((i + k) % 100)}`
      edges.push({ id: `c${offset + i}`, source: at(0), target: at(1) })
      edges.push({ id: `d${offset + i}`, source: at(0), target: at(17) })
    }
  }
  edges.push({ id: 'bridge', source: 'n0', target: 'n100' })
  return { nodes, edges }
}

const centre = (points: { x: number; y: number }[]) => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
})

describe('the force-directed layout of large graphs', () => {
  it('is ForceAtlas2 beyond a thousand nodes, fcose up to there', () => {
    expect(forceAlgorithmFor(1_000)).toBe('fcose')
    expect(forceAlgorithmFor(1_001)).toBe('forceatlas2')
  })

  it('runs fewer iterations as the graph grows, within bounds', () => {
    expect(forceAtlas2Iterations(200, 400)).toBe(400)
    expect(forceAtlas2Iterations(5_000, 20_000)).toBeLessThan(forceAtlas2Iterations(1_200, 4_000))
    expect(forceAtlas2Iterations(50_000, 200_000)).toBe(100)
  })

  it('tells its progress, repeats with a seed and keeps communities apart', () => {
    const steps: number[] = []
    const request = { kind: 'fcose' as const, algorithm: 'forceatlas2' as const, seed: 5 }
    const first = computeLayout({ ...request, ...twoCommunities() }, (done, of) => {
      expect(of).toBe(forceAtlas2Iterations(200, 401))
      steps.push(done)
    })
    expect(first.algorithm).toBe('forceatlas2')
    expect(steps.length).toBeGreaterThan(5)
    expect(steps[steps.length - 1]).toBe(first.iterations)
    expect([...steps].sort((a, b) => a - b)).toEqual(steps)
    expect(computeLayout({ ...request, ...twoCommunities() }).positions).toEqual(first.positions)

    const points = Object.entries(first.positions)
    const ringA = points.filter(([id]) => Number(id.slice(1)) < 100).map(([, p]) => p)
    const ringB = points.filter(([id]) => Number(id.slice(1)) >= 100).map(([, p]) => p)
    const a = centre(ringA)
    const b = centre(ringB)
    const spread = (ring: typeof ringA, c: typeof a) =>
      ring.reduce((s, p) => s + Math.hypot(p.x - c.x, p.y - c.y), 0) / ring.length
    // Each community sits together, apart from the other.
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(spread(ringA, a))
    // Spread to the nodes' size: the typical node (30 px) does not touch its nearest neighbour.
    expect(medianNearestDistance(points.map(([, p]) => p))).toBeGreaterThanOrEqual(30)
  })

  it('stops once settled, short of its iteration cap, and says how far it went', () => {
    const cap = forceAtlas2Iterations(200, 401)
    const steps: number[] = []
    const result = computeLayout(
      { kind: 'fcose', algorithm: 'forceatlas2', seed: 5, ...twoCommunities() },
      (done) => steps.push(done),
    )
    expect(result.iterations).toBeGreaterThanOrEqual(30)
    expect(result.iterations).toBeLessThan(cap)
    expect(steps[steps.length - 1]).toBe(result.iterations)
  })
})

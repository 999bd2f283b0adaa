/**
 * Layouts computed off the view: cytoscape headless (fcose, concentric, breadthfirst) and
 * ForceAtlas2 for large graphs. No DOM, so the same code runs in the layout Web Worker, in unit
 * tests under Node, and in the bench; the view imports only layout-plan.ts.
 */
import cytoscape from 'cytoscape'
import fcose from 'cytoscape-fcose'
import type { Point } from '../../../../shared/contract'
import { seededRandom } from '../../../../shared/random'
import { forceAtlas2Iterations, forceAtlas2Layout } from './layout-forceatlas2'
import {
  forceAlgorithmFor,
  qualityFor,
  type FcoseQuality,
  type LayoutProgressListener,
  type LayoutRequest,
  type LayoutResult,
} from './layout-plan'

cytoscape.use(fcose)

function layoutOptions(request: LayoutRequest, quality: FcoseQuality): cytoscape.LayoutOptions {
  switch (request.kind) {
    case 'fcose':
      return {
        name: 'fcose',
        quality,
        randomize: true,
        animate: false,
        fit: false,
        nodeDimensionsIncludeLabels: false,
        // Room for the labels under the nodes.
        idealEdgeLength: () => 120,
        nodeRepulsion: () => 12_000,
        nodeSeparation: 110,
        packComponents: false,
      } as cytoscape.LayoutOptions
    case 'concentric':
      return {
        name: 'concentric',
        animate: false,
        fit: false,
        concentric: (node: cytoscape.NodeSingular) => node.degree(false),
        levelWidth: () => 2,
        minNodeSpacing: 30,
        avoidOverlap: true,
      }
    case 'breadthfirst':
      return {
        name: 'breadthfirst',
        animate: false,
        fit: false,
        directed: false,
        spacingFactor: 1.4,
        avoidOverlap: true,
        ...(request.root ? { roots: `#${cssEscape(request.root)}` } : {}),
      }
  }
}

/** Entity ids are letters, digits, "-" and "_"; a leading digit still needs escaping in CSS. */
function cssEscape(id: string): string {
  return /^[A-Za-z_]/.test(id) ? id : `\\3${id.charAt(0)} ${id.slice(1)}`
}

export function computeLayout(
  request: LayoutRequest,
  onProgress?: LayoutProgressListener,
): LayoutResult {
  if (request.kind === 'fcose') {
    const algorithm = request.algorithm ?? forceAlgorithmFor(request.nodes.length)
    if (algorithm === 'forceatlas2') return forceAtlas2Result(request, onProgress)
  }
  const quality = request.quality ?? qualityFor(request.nodes.length, request.edges.length)
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      // Each node counts with its label (under it), so labels do not land on one another.
      ...request.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, width: Math.max(n.size, n.labelWidth ?? 0), height: n.size + 16 },
      })),
      ...request.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target: e.target },
      })),
    ],
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
  })
  const started = performance.now()
  withRandom(request.seed, () => cy.layout(layoutOptions(request, quality)).run())
  let points = cy.nodes().map((node) => ({ id: node.id(), ...node.position() }))
  cy.destroy()
  if (request.kind === 'fcose') points = spreadOut(points, spacingFor(request.nodes))
  const ms = performance.now() - started
  return {
    positions: rounded(points),
    ms,
    ...(request.kind === 'fcose' ? { algorithm: 'fcose' as const, quality } : {}),
  }
}

function forceAtlas2Result(
  request: LayoutRequest,
  onProgress?: LayoutProgressListener,
): LayoutResult {
  const started = performance.now()
  const { points, iterations } = forceAtlas2Layout({
    nodes: request.nodes,
    edges: request.edges,
    iterations: forceAtlas2Iterations(request.nodes.length, request.edges.length),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(onProgress ? { onProgress } : {}),
  })
  return {
    positions: rounded(spreadOut(points, spacingFor(request.nodes))),
    ms: performance.now() - started,
    algorithm: 'forceatlas2',
    iterations,
  }
}

function rounded(points: readonly { id: string; x: number; y: number }[]): Record<string, Point> {
  const positions: Record<string, Point> = {}
  for (const { id, x, y } of points) {
    positions[id] = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 }
  }
  return positions
}

/**
 * fcose draws its random start from Math.random and takes no seed; a seeded generator stands
 * in for it during one synchronous layout run, and the real one is put back at once.
 */
function withRandom(seed: number | undefined, run: () => void): void {
  if (seed === undefined) return run()
  const original = Math.random
  Math.random = seededRandom(seed)
  try {
    run()
  } finally {
    Math.random = original
  }
}

/** The distance wanted between a node and its nearest neighbour: one and a half node widths. */
function spacingFor(nodes: LayoutRequest['nodes']): number {
  const sizes = nodes.map((n) => n.size).sort((a, b) => a - b)
  return Math.max(40, 1.5 * (sizes[sizes.length >> 1] ?? 30))
}

/** Median distance from a node to its nearest neighbour, over an even sample of the nodes. */
export function medianNearestDistance(points: readonly Point[], sample = 400): number {
  if (points.length < 2) return Infinity
  const step = Math.max(1, Math.floor(points.length / sample))
  const nearest: number[] = []
  for (let i = 0; i < points.length; i += step) {
    const a = points[i]!
    let best = Infinity
    for (let j = 0; j < points.length; j++) {
      if (j === i) continue
      const b = points[j]!
      const d = (a.x - b.x) ** 2 + (a.y - b.y) ** 2
      // Nodes on the very same spot are fanned out separately (spreadOut).
      if (d > 1e-6 && d < best) best = d
    }
    nearest.push(Math.sqrt(best))
  }
  nearest.sort((a, b) => a - b)
  return nearest[nearest.length >> 1]!
}

/**
 * fcose's draft (spectral) layout keeps the shape of a large graph but packs it into a box a
 * few hundred pixels wide: measured on 5,000 generated entities, nodes 2 px from their nearest
 * neighbour, all on top of each other. Scaling the layout about its centre until the typical
 * nearest neighbour is `spacing` away keeps the shape and makes the nodes tell apart.
 */
export function spreadOut<P extends Point>(points: P[], spacing: number): P[] {
  const nearest = medianNearestDistance(points)
  const factor = Number.isFinite(nearest) ? Math.min(60, Math.max(1, spacing / nearest)) : 1
  if (factor === 1 && !hasCoincident(points)) return points
  const cx = points.reduce((sum, p) => sum + p.x, 0) / points.length
  const cy = points.reduce((sum, p) => sum + p.y, 0) / points.length
  const scaled = points.map((p) => ({
    ...p,
    x: cx + (p.x - cx) * factor,
    y: cy + (p.y - cy) * factor,
  }))
  return fanOutCoincident(scaled, spacing)
}

function hasCoincident(points: readonly Point[]): boolean {
  const keys = new Set(points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`))
  return keys.size < points.length
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5))

/** Nodes the layout put on one spot (symmetric neighbourhoods) go round it on a small spiral. */
function fanOutCoincident<P extends Point>(points: P[], spacing: number): P[] {
  const seen = new Map<string, number>()
  return points.map((p) => {
    const key = `${Math.round(p.x)},${Math.round(p.y)}`
    const rank = seen.get(key) ?? 0
    seen.set(key, rank + 1)
    if (rank === 0) return p
    const radius = spacing * Math.sqrt(rank)
    const angle = rank * GOLDEN_ANGLE
    return { ...p, x: p.x + radius * Math.cos(angle), y: p.y + radius * Math.sin(angle) }
  })
}

/**
 * The force-directed layout of large graphs: ForceAtlas2 with the Barnes–Hut approximation
 * (graphology-layout-forceatlas2), run in slices of iterations so the worker can tell how far
 * it is. It needs no cytoscape: building a headless cytoscape of 25,000 elements (and styling
 * them for their sizes) cost more than a second before fcose even started.
 */
import Graph from 'graphology'
import forceAtlas2 from 'graphology-layout-forceatlas2'
import type { Point } from '../../../../shared/contract'
import { seededRandom } from '../../../../shared/random'

/** Iterations between two progress reports. */
const SLICE = 10

/**
 * At most this many iterations (the layout stops sooner once settled), scaled down as the graph grows so a
 * layout of 5,000 entities and 20,000 relations stays within a few seconds (see the bench).
 */
export function forceAtlas2Iterations(nodeCount: number, edgeCount: number): number {
  const elements = nodeCount + edgeCount
  return Math.round(Math.min(400, Math.max(100, 1_500_000 / Math.max(1, elements))) / SLICE) * SLICE
}

export interface ForceAtlas2Input {
  nodes: readonly { id: string }[]
  edges: readonly { source: string; target: string }[]
  iterations: number
  /** Makes the random start repeatable (tests); absent, each run starts afresh. */
  seed?: number
  onProgress?(done: number, of: number): void
}

/**
 * Positions in ForceAtlas2's own units (spread out to the nodes' sizes afterwards), and how
 * many iterations ran: `input.iterations` at most, fewer once the layout has settled.
 */
export function forceAtlas2Layout(input: ForceAtlas2Input): {
  points: { id: string; x: number; y: number }[]
  iterations: number
} {
  const random = input.seed === undefined ? Math.random : seededRandom(input.seed)
  const graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false })
  // A random start in a disc about as wide as the settled layout will be.
  const radius = 10 * Math.sqrt(input.nodes.length)
  for (const { id } of input.nodes) {
    const angle = 2 * Math.PI * random()
    const distance = radius * Math.sqrt(random())
    graph.mergeNode(id, { x: distance * Math.cos(angle), y: distance * Math.sin(angle) })
  }
  for (const { source, target } of input.edges) {
    if (source !== target && graph.hasNode(source) && graph.hasNode(target)) {
      graph.addEdge(source, target)
    }
  }
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    // Barnes–Hut: n log n repulsion instead of n², whatever the size (inferSettings waits
    // until 2,000 nodes).
    barnesHutOptimize: graph.order > 500,
    // Measured on the bench's 5k/20k graph in Node: a coarser Barnes–Hut (θ 1 instead of 0.5)
    // took a quarter less time per iteration for the same result, and a slow-down of 2 instead
    // of 1 + ln(n) (9.5 there) reached in 30 iterations the fit 100 iterations used to reach.
    barnesHutTheta: 1,
    slowDown: 2,
  }
  const fit = layoutFit(graph)
  let lastFit = fit()
  let done = 0
  while (done < input.iterations) {
    const slice = Math.min(SLICE, input.iterations - done)
    forceAtlas2.assign(graph, { iterations: slice, settings })
    done += slice
    input.onProgress?.(done, input.iterations)
    // Settled: ten more iterations no longer draw related entities closer (relative to the
    // spread of the whole), so the rest of the budget would be spent for nothing.
    const nextFit = fit()
    if (done >= MIN_ITERATIONS && lastFit - nextFit < SETTLED * lastFit) break
    lastFit = nextFit
  }
  const points = graph.mapNodes((id, attributes) => {
    const { x, y } = attributes as Point
    return { id, x, y }
  })
  return { points, iterations: done }
}

/** Never fewer iterations than this: the first ones untangle the random start. */
const MIN_ITERATIONS = 30

/** Less improvement than this share over one slice counts as settled. */
const SETTLED = 0.01

/** How many pairs of entities the fit samples for the typical distance. */
const FIT_SAMPLE = 2_000

/**
 * How well the layout keeps related entities together: the mean length of a relation over the
 * mean distance between two entities picked at random (sampled, with a fixed seed so a seeded
 * layout repeats). Lower is better; scale-free, so growth of the whole does not count.
 */
function layoutFit(graph: Graph): () => number {
  const nodes = graph.nodes()
  return () => {
    let edgeSum = 0
    graph.forEachEdge((_edge, _attributes, _source, _target, from, to) => {
      const a = from as Point
      const b = to as Point
      edgeSum += Math.hypot(a.x - b.x, a.y - b.y)
    })
    const pick = seededRandom(1)
    let pairSum = 0
    for (let i = 0; i < FIT_SAMPLE; i++) {
      const a = graph.getNodeAttributes(nodes[Math.floor(pick() * nodes.length)]!) as Point
      const b = graph.getNodeAttributes(nodes[Math.floor(pick() * nodes.length)]!) as Point
      pairSum += Math.hypot(a.x - b.x, a.y - b.y)
    }
    const meanPair = pairSum / FIT_SAMPLE
    return graph.size === 0 || meanPair === 0 ? 0 : edgeSum / graph.size / meanPair
  }
}

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
 * Enough iterations for the graph's shape to settle, scaled down as the graph grows so a
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

/** Positions in ForceAtlas2's own units (spread out to the nodes' sizes afterwards). */
export function forceAtlas2Layout(input: ForceAtlas2Input): { id: string; x: number; y: number }[] {
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
  }
  for (let done = 0; done < input.iterations;) {
    const slice = Math.min(SLICE, input.iterations - done)
    forceAtlas2.assign(graph, { iterations: slice, settings })
    done += slice
    input.onProgress?.(done, input.iterations)
  }
  return graph.mapNodes((id, attributes) => {
    const { x, y } = attributes as Point
    return { id, x, y }
  })
}

/**
 * Layouts computed with cytoscape headless: no DOM, so the same code runs in the layout Web
 * Worker, in unit tests under Node, and in the bench.
 */
import cytoscape from 'cytoscape'
import fcose from 'cytoscape-fcose'
import type { Point } from '../../../../shared/contract'

cytoscape.use(fcose)

export const LAYOUT_KINDS = ['fcose', 'concentric', 'breadthfirst'] as const
export type LayoutKind = (typeof LAYOUT_KINDS)[number]

export const LAYOUT_LABELS: Record<LayoutKind, string> = {
  fcose: 'Force-directed',
  concentric: 'Concentric by degree',
  breadthfirst: 'Tree from the selected node',
}

export type FcoseQuality = 'proof' | 'default' | 'draft'

export interface LayoutRequest {
  kind: LayoutKind
  /** `size` is the drawn diameter; `labelWidth` the room its label takes under it. */
  nodes: { id: string; size: number; labelWidth?: number }[]
  edges: { id: string; source: string; target: string }[]
  /** The root of a breadthfirst layout. */
  root?: string
  /** fcose only; chosen from the graph's size when absent. */
  quality?: FcoseQuality
}

export interface LayoutResult {
  positions: Record<string, Point>
  /** Time spent in the layout itself, without message passing. */
  ms: number
  quality?: FcoseQuality
}

/**
 * fcose's "default" quality refines the spectral draft with a force simulation whose cost grows
 * much faster than the graph: measured headless on this 2-core machine, 0.5 s at 200 nodes /
 * 500 edges, 2.1 s at 300 / 1,000, 5.8 s at 500 / 2,000 and 90 s at 1,000 / 4,000; "draft" took
 * 0.1–0.25 s up to 500 / 2,000, 1.1 s at 1,000 / 4,000 and 3.7 s at 5,000 / 20,000. Small charts,
 * the ones read label by label, get the slow-cooling "proof" quality.
 */
export function qualityFor(nodeCount: number, edgeCount: number): FcoseQuality {
  if (nodeCount <= 100 && edgeCount <= 300) return 'proof'
  return nodeCount <= 250 && edgeCount <= 800 ? 'default' : 'draft'
}

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

export function computeLayout(request: LayoutRequest): LayoutResult {
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
  cy.layout(layoutOptions(request, quality)).run()
  const ms = performance.now() - started
  const positions: Record<string, Point> = {}
  cy.nodes().forEach((node) => {
    const { x, y } = node.position()
    positions[node.id()] = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 }
  })
  cy.destroy()
  return { positions, ms, ...(request.kind === 'fcose' ? { quality } : {}) }
}

/**
 * What a layout is asked and answers, and which algorithm runs for a graph's size: light
 * enough for the view to import (the algorithms themselves load in the layout worker only).
 */
import type { Point } from '../../../../shared/contract'
import { t } from '../../ui/i18n'

export const LAYOUT_KINDS = ['fcose', 'concentric', 'breadthfirst'] as const
export type LayoutKind = (typeof LAYOUT_KINDS)[number]

export const LAYOUT_LABELS: Record<LayoutKind, string> = {
  fcose: t('graph.forceDirected'),
  concentric: t('graph.concentricByDegree'),
  breadthfirst: t('graph.treeFromTheSelectedNode'),
}

export type FcoseQuality = 'proof' | 'default' | 'draft'

/** The algorithm behind "Force-directed": fcose for small graphs, ForceAtlas2 for large ones. */
export type ForceAlgorithm = 'fcose' | 'forceatlas2'

/**
 * Above this many nodes the force-directed layout is ForceAtlas2 (Barnes–Hut) in slices:
 * fcose's draft took 3.7 s of compute at 5,000 nodes / 20,000 edges (7.9 s click to paint),
 * and reports no progress; see the bench's "graph" suite for both.
 */
const FORCEATLAS2_FROM_NODES = 1_000

export function forceAlgorithmFor(nodeCount: number): ForceAlgorithm {
  return nodeCount > FORCEATLAS2_FROM_NODES ? 'forceatlas2' : 'fcose'
}

export interface LayoutRequest {
  kind: LayoutKind
  /** `size` is the drawn diameter; `labelWidth` the room its label takes under it. */
  nodes: { id: string; size: number; labelWidth?: number }[]
  edges: { id: string; source: string; target: string }[]
  /** The root of a breadthfirst layout. */
  root?: string
  /** fcose only; chosen from the graph's size when absent. */
  quality?: FcoseQuality
  /** Force-directed only; chosen from the graph's size when absent. */
  algorithm?: ForceAlgorithm
  /** Makes fcose's random start repeatable (tests); absent, each run starts afresh. */
  seed?: number
}

export interface LayoutResult {
  positions: Record<string, Point>
  /** Time spent in the layout itself, without message passing. */
  ms: number
  /** Force-directed only: which algorithm ran, and fcose's quality or ForceAtlas2's iterations. */
  algorithm?: ForceAlgorithm
  quality?: FcoseQuality
  iterations?: number
}

/** How far a layout has got, for those that can tell (ForceAtlas2). */
export type LayoutProgressListener = (done: number, of: number) => void

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

import { z } from 'zod'
import { Credibility, EntityType, GRAPH_IMAGE_FORMATS, Id, RelationType } from '../model'
import { method, NoInput } from './method'

export const Point = z.strictObject({ x: z.number().finite(), y: z.number().finite() })
export type Point = z.infer<typeof Point>

/** An entity as the link chart draws it. */
export const GraphNode = z.strictObject({
  id: Id,
  type: EntityType,
  name: z.string(),
  /** Its aliases and acronym, which "Find" matches as well as the name; absent when none. */
  alsoKnownAs: z.array(z.string()).optional(),
  /** Distinct annotations supporting the entity: linked to it, or evidence of its relations. */
  evidenceCount: z.number().int().nonnegative(),
  /** Best (lowest) Admiralty credibility among those annotations. */
  bestCredibility: Credibility.optional(),
  /** Relations touching the entity, whatever their direction. */
  degree: z.number().int().nonnegative(),
})
export type GraphNode = z.infer<typeof GraphNode>

/** A relation as the link chart draws it. */
export const GraphEdge = z.strictObject({
  id: Id,
  type: RelationType,
  from: Id,
  to: Id,
  /** Annotation ids whose quotes support the relation. */
  evidence: z.array(Id),
  /** How many of those annotations exist in the project. */
  evidenceCount: z.number().int().nonnegative(),
  /** Best (lowest) Admiralty credibility among the supporting annotations. */
  bestCredibility: Credibility.optional(),
  /** False when no existing annotation supports the relation. */
  supported: z.boolean(),
})
export type GraphEdge = z.infer<typeof GraphEdge>

export const GraphElements = z.strictObject({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  /** Saved node positions (computed by a layout or dragged), by entity id. */
  positions: z.record(z.string(), Point),
})
export type GraphElements = z.infer<typeof GraphElements>

const MAX_POSITIONS = 200_000
const PositionMap = z.record(Id, Point).refine((map) => Object.keys(map).length <= MAX_POSITIONS, {
  message: `at most ${MAX_POSITIONS} positions at once`,
})

const GraphImageFormat = z.enum(GRAPH_IMAGE_FORMATS)
export type GraphImageFormat = z.infer<typeof GraphImageFormat>

/** About 15 MB of PNG once decoded: a 4x export of a large chart fits, a runaway one does not. */
const MAX_GRAPH_IMAGE_CHARS = 20_000_000

export const GraphImageInfo = z.strictObject({
  format: GraphImageFormat,
  /** Pixel size of the image (for SVG, its declared width and height). */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  savedAt: z.string(),
})
export type GraphImageInfo = z.infer<typeof GraphImageInfo>

export const GraphImage = z.strictObject({
  ...GraphImageInfo.shape,
  /**
   * A data: URL (image/png or image/svg+xml). Embed it as an <img> source, never inline the
   * SVG markup, so nothing in it can run.
   */
  dataUrl: z.string(),
})
export type GraphImage = z.infer<typeof GraphImage>

export const graphMethods = {
  /** Every entity and relation as chart elements, with the saved node positions. */
  'graph.elements': method(NoInput, GraphElements),
  /** Merge node positions into the saved ones; ids of entities no longer present are skipped. */
  'graph.savePositions': method(
    z.strictObject({ positions: PositionMap }),
    z.strictObject({ saved: z.number().int(), skipped: z.number().int() }),
  ),
  /** Forget every saved node position, so the next opening lays the chart out afresh. */
  'graph.resetPositions': method(NoInput, z.strictObject({ cleared: z.number().int() })),
  /** Keep an image of the chart in the project for reports (PNG as base64, SVG as markup). */
  'graph.saveImage': method(
    z.strictObject({
      format: GraphImageFormat,
      data: z.string().min(1).max(MAX_GRAPH_IMAGE_CHARS),
      width: z.number().int().positive().max(100_000),
      height: z.number().int().positive().max(100_000),
    }),
    GraphImageInfo,
  ),
  /** The chart image kept for reports, or null when none has been saved. */
  'graph.image': method(NoInput, GraphImage.nullable()),
} as const

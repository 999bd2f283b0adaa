import { z } from 'zod'
import { Annotation, Entity, Id, Relation } from '../model'
import { method } from './method'

/** One supporting quote as the evidence panel shows it, with what is needed to open the reader. */
export const QuoteEvidence = z.strictObject({
  annotationId: Id,
  sourceId: Id,
  sourceTitle: z.string(),
  sourcePublishedAt: z.string().optional(),
  /** Admiralty reliability of the source (A–F). */
  reliability: z.string(),
  /** Admiralty credibility of the information (1–6). */
  credibility: z.number().int(),
  kind: Annotation.shape.kind,
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  comment: z.string(),
  tags: z.array(z.string()),
  anchorState: z.string(),
})
export type QuoteEvidence = z.infer<typeof QuoteEvidence>

export const EntityBrief = z.strictObject({ id: Id, name: z.string(), type: z.string() })
export type EntityBrief = z.infer<typeof EntityBrief>

export const RelationEvidence = z.strictObject({
  relation: Relation,
  from: EntityBrief,
  to: EntityBrief,
  quotes: z.array(QuoteEvidence),
})
export type RelationEvidence = z.infer<typeof RelationEvidence>

export const AttributeEvidence = z.strictObject({
  key: z.string(),
  value: z.unknown(),
  /** Quotes about the entity tagged with this attribute; empty means unsupported. */
  annotationIds: z.array(Id),
})
export type AttributeEvidence = z.infer<typeof AttributeEvidence>

export const EntityEvidence = z.strictObject({
  entity: Entity,
  attributes: z.array(AttributeEvidence),
  relations: z.array(RelationEvidence),
  /** Every quote that supports the entity: linked to it or cited by one of its relations. */
  quotes: z.array(QuoteEvidence),
})
export type EntityEvidence = z.infer<typeof EntityEvidence>

export const evidenceMethods = {
  /** An entity's attributes, relations and supporting quotes, each marked supported or not. */
  'evidence.entity': method(z.strictObject({ id: Id }), EntityEvidence),
  /** A relation, its two ends and the quotes it cites. */
  'evidence.relation': method(z.strictObject({ id: Id }), RelationEvidence),
} as const

import { z } from 'zod'
import { CONFIDENCE_LEVELS, Id, IsoDate, Relation, RelationType } from '../model'
import { method } from './method'

/** Relation types that read the same both ways: A allied with B is B allied with A. */
export const SYMMETRIC_RELATION_TYPES: readonly RelationType[] = [
  'allied-with',
  'rival-of',
  'related-to',
]

/** How a relation reads in a sentence: "<from> <phrase> <to>". */
export const RELATION_PHRASES: Record<RelationType, string> = {
  leads: 'leads',
  'member-of': 'is a member of',
  'operates-in': 'operates in',
  'draws-support-from': 'draws support from',
  'allied-with': 'is allied with',
  'rival-of': 'is a rival of',
  'splinter-of': 'is a splinter of',
  opposes: 'opposes',
  'related-to': 'is related to',
  'participated-in': 'took part in',
  'took-place-in': 'took place in',
}

export const RelationDraft = z.strictObject({
  /** Only to put back a deleted relation under its old id (undo); new relations omit it. */
  id: Id.optional(),
  type: RelationType,
  from: Id,
  to: Id,
  /** Annotation ids whose quotes support the relation. */
  evidence: z.array(Id).max(1_000).optional(),
  confidence: z.enum(CONFIDENCE_LEVELS).optional(),
  validFrom: IsoDate.optional(),
  validTo: IsoDate.optional(),
  comment: z.string().optional(),
})
export type RelationDraft = z.infer<typeof RelationDraft>

const RelationPatch = z.strictObject({
  type: RelationType.optional(),
  evidence: z.array(Id).max(1_000).optional(),
  confidence: z.enum(CONFIDENCE_LEVELS).optional(),
  /** null clears the date. */
  validFrom: IsoDate.nullable().optional(),
  validTo: IsoDate.nullable().optional(),
  comment: z.string().optional(),
})
export type RelationPatch = z.infer<typeof RelationPatch>

export const relationMethods = {
  /** Every relation, or those touching one entity. */
  'relations.list': method(z.strictObject({ entityId: Id.optional() }), z.array(Relation)),
  /** One relation by id. */
  'relations.get': method(z.strictObject({ id: Id }), Relation),
  /** Link two existing entities; refuses a duplicate of an existing relation. */
  'relations.create': method(RelationDraft, Relation),
  /** Change a relation's type, evidence, confidence, dates or comment. */
  'relations.update': method(z.strictObject({ id: Id, patch: RelationPatch }), Relation),
  /** Delete a relation; returns the removed record so it can be put back. */
  'relations.delete': method(z.strictObject({ id: Id }), Relation),
} as const

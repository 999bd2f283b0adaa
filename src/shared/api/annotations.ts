import { z } from 'zod'
import { Annotation, AnnotationKind, Credibility, Id, SourceRecord } from '../model'
import { method, NoInput } from './method'

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const Tags = z.array(z.string().trim().min(1).max(64)).max(100)

/** A range of the text the analyst selected, with what they saw, to catch a stale view. */
const Selection = {
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** The selected text as the reader showed it; must equal the source's text there. */
  exact: z.string().min(1).max(20_000),
  /** The contentHash of the text the selection was made on. */
  contentHash: Sha256,
}

const AnnotationDraft = z.strictObject({
  sourceId: Id,
  ...Selection,
  kind: AnnotationKind,
  comment: z.string().max(200_000).optional(),
  credibility: Credibility,
  entityIds: z.array(Id).max(500).optional(),
  tags: Tags.optional(),
})
export type AnnotationDraft = z.infer<typeof AnnotationDraft>

const AnnotationPatch = z.strictObject({
  kind: AnnotationKind.optional(),
  comment: z.string().max(200_000).optional(),
  credibility: Credibility.optional(),
  entityIds: z.array(Id).max(500).optional(),
  tags: Tags.optional(),
})
export type AnnotationPatch = z.infer<typeof AnnotationPatch>

/** Records that depend on an annotation: relations citing it as evidence, notes citing it, analyses. */
export const AnnotationDependents = z.strictObject({
  relations: z.array(z.strictObject({ id: Id, label: z.string() })),
  notes: z.array(z.strictObject({ id: Id, title: z.string() })),
  /** Analyses that weigh it as evidence: deleting it leaves their row as a missing quote. */
  analyses: z.array(z.strictObject({ id: Id, question: z.string() })),
})
export type AnnotationDependents = z.infer<typeof AnnotationDependents>

export const ReviewItem = z.strictObject({
  annotation: Annotation,
  sourceTitle: z.string(),
  /** The text now under the annotation's position (fuzzy), or null when orphaned or damaged. */
  currentText: z.string().nullable(),
  /** Set when the source's stored text failed its checks: why it cannot be used. */
  sourceDamage: z.string().optional(),
})
export type ReviewItem = z.infer<typeof ReviewItem>

export const annotationMethods = {
  /** One annotation with its source (for views that link to the reader). */
  'annotations.get': method(
    z.strictObject({ id: Id }),
    z.strictObject({ annotation: Annotation, source: SourceRecord }),
  ),
  /** Annotate a selected range of a source; the selectors are computed from the stored text. */
  'annotations.create': method(AnnotationDraft, Annotation),
  /** Change an annotation's kind, comment, credibility, entities or tags. */
  'annotations.update': method(z.strictObject({ id: Id, patch: AnnotationPatch }), Annotation),
  /** Relations and notes that depend on an annotation, to warn before deleting it. */
  'annotations.dependents': method(z.strictObject({ id: Id }), AnnotationDependents),
  /** Delete an annotation; relations drop it from their evidence, citing notes are named. */
  'annotations.delete': method(
    z.strictObject({ id: Id }),
    z.strictObject({ id: Id, dependents: AnnotationDependents }),
  ),
  /** Accept a fuzzy anchor: the quote becomes the text now under it, state exact. */
  'annotations.accept': method(z.strictObject({ id: Id }), Annotation),
  /** Anchor an annotation to a newly selected range (review queue: re-select). */
  'annotations.reselect': method(z.strictObject({ id: Id, ...Selection }), Annotation),
  /** Annotations whose anchors are fuzzy or orphaned, for the review queue. */
  'annotations.review': method(z.strictObject({ sourceId: Id.optional() }), z.array(ReviewItem)),
  /** Every tag in use, most used first (type-ahead). */
  'annotations.tags': method(NoInput, z.array(z.string())),
} as const

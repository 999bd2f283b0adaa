import { z } from 'zod'
import {
  AnnotationKind,
  Credibility,
  DATE_PRECISIONS,
  EntityAttributes,
  EntityType,
  EVENT_KINDS,
  Id,
  IsoDate,
  RelationType,
  Timestamp,
} from '../model'
import { method } from './method'

const Offset = z.number().int().nonnegative()
const Range = z.strictObject({ start: Offset, end: Offset })

const EntityName = z.string().trim().min(1).max(300)
const SuggestionKey = z.string().min(1).max(200)

/**
 * An entity a suggestion names: one the project already holds, or one it would create.
 * A new one that matches an existing entity by type and name when accepted is linked instead.
 */
export const SuggestedEntity = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('existing'),
    entityId: Id,
    type: EntityType,
    name: z.string(),
  }),
  z.strictObject({
    status: z.literal('new'),
    type: EntityType,
    name: EntityName,
    aliases: z.array(EntityName).max(100),
    attributes: EntityAttributes.optional(),
    /** The gazetteer entry a new place came from (ISO 3166-2), for the map to link. */
    gazetteer: z.string().max(16).optional(),
  }),
])
export type SuggestedEntity = z.infer<typeof SuggestedEntity>

/** Words of the sentence to highlight: the names, the cue ("led by"), a date. */
const Highlight = z.strictObject({
  start: Offset,
  end: Offset,
  role: z.enum(['entity', 'cue', 'date']),
})
export type Highlight = z.infer<typeof Highlight>

const suggestionBase = {
  /** Stable across recomputation and edits elsewhere in the text: what it proposes + its sentence. */
  key: SuggestionKey,
  /** The sentence that becomes the annotation's quote. */
  sentence: Range,
  /** Index of the paragraph holding the sentence, for "Accept all in this paragraph". */
  paragraph: z.number().int().nonnegative(),
  highlights: z.array(Highlight).max(50),
  /** Why it was suggested: the cue or pattern, and what a pronoun was taken to mean. */
  reason: z.string().max(500),
}

const SuggestedRelation = z.strictObject({
  type: RelationType,
  from: SuggestedEntity,
  to: SuggestedEntity,
  /** From a date in the sentence ("since 2022"), as the first day of its period. */
  validFrom: IsoDate.optional(),
})
export type SuggestedRelation = z.infer<typeof SuggestedRelation>

/**
 * An event a dated sentence describes: created with the sentence as its quote (tagged `date`,
 * so it supports the event's date), each participant linked by participated-in.
 */
export const SuggestedEvent = z.strictObject({
  title: EntityName,
  eventKind: z.enum(EVENT_KINDS),
  /** The first day of the period named; `datePrecision` says how much of it is known. */
  eventDate: IsoDate,
  datePrecision: z.enum(DATE_PRECISIONS),
  /** The text's own words for the date ("since 2021"). */
  dateText: z.string().trim().max(200),
  /** A period the text says began and has not ended ("since 2021"). */
  ongoing: z.boolean().optional(),
  /** Groups and people; each takes part in the event through a participated-in relation. */
  participants: z.array(SuggestedEntity).max(50),
})
export type SuggestedEvent = z.infer<typeof SuggestedEvent>

export const Suggestion = z.discriminatedUnion('kind', [
  /** A name: a new entity to create, or a mention of one the project holds. */
  z.strictObject({ kind: z.literal('entity'), ...suggestionBase, entity: SuggestedEntity }),
  /** A relation stated in one sentence. */
  z.strictObject({ kind: z.literal('relation'), ...suggestionBase, relation: SuggestedRelation }),
])
export type Suggestion = z.infer<typeof Suggestion>

/** A date or period the text names, for validFrom on relations and for the timeline's events. */
export const DateMention = z.strictObject({
  start: Offset,
  end: Offset,
  text: z.string(),
  /** The first day of the period named; `precision` says how much of it is known. */
  date: IsoDate,
  precision: z.enum(['day', 'month', 'year']),
  /** "since 2022" starts a period, "until 2021" ends one, "on 3 March" is a point. */
  bound: z.enum(['at', 'since', 'until']),
  sentence: Range,
})
export type DateMention = z.infer<typeof DateMention>

/** A date in the text with the event its sentence would make, for "Create event". */
export const DateSuggestion = DateMention.extend({ key: SuggestionKey, event: SuggestedEvent })
export type DateSuggestion = z.infer<typeof DateSuggestion>

const TypeCounts = z.record(z.string(), z.number().int().nonnegative())

export const SourceSuggestions = z.strictObject({
  sourceId: Id,
  /** The text the offsets refer to; accept refuses a stale one. */
  contentHash: z.string(),
  /** In text order; those already accepted are left out. */
  suggestions: z.array(Suggestion),
  /** Dismissed for this source: hidden from the list, kept to show and restore. */
  dismissed: z.array(Suggestion),
  dates: z.array(DateSuggestion),
  summary: z.strictObject({
    /** New names to create, by entity type. */
    newEntities: TypeCounts,
    /** Mentions of entities the project holds. */
    mentions: z.number().int().nonnegative(),
    relations: z.number().int().nonnegative(),
  }),
  /** True when a very long text had more suggestions than one answer carries. */
  truncated: z.boolean(),
})
export type SourceSuggestions = z.infer<typeof SourceSuggestions>

/** One suggestion as the analyst accepts it, possibly edited. */
export const AcceptItem = z
  .strictObject({
    key: SuggestionKey,
    /** The quote: normally the suggestion's sentence, checked against the text. */
    quote: z.strictObject({ start: Offset, end: Offset, exact: z.string().min(1).max(20_000) }),
    credibility: Credibility,
    kind: AnnotationKind,
    entity: SuggestedEntity.optional(),
    relation: SuggestedRelation.optional(),
    event: SuggestedEvent.optional(),
  })
  .refine(
    (item) =>
      [item.entity, item.relation, item.event].filter((proposal) => proposal !== undefined)
        .length === 1,
    { message: 'an accepted suggestion is an entity, a relation or an event' },
  )
export type AcceptItem = z.infer<typeof AcceptItem>

/** What one accept created or changed: exactly what its undo takes back. */
export const AcceptReceipt = z.strictObject({
  /** The updatedAt of every record the accept wrote; undo refuses records changed since. */
  stamp: Timestamp,
  annotationsCreated: z.array(Id),
  /** Existing annotations (the same sentence, quoted before) that gained entity links or tags. */
  annotationLinks: z.array(
    z.strictObject({
      annotationId: Id,
      entityIds: z.array(Id),
      /** Tags it gained: `date` when an event was made from its sentence. */
      tags: z.array(z.string().max(100)).max(20).optional(),
    }),
  ),
  entitiesCreated: z.array(Id),
  relationsCreated: z.array(Id),
  /** Existing relations (already recorded) that gained the quote as evidence. */
  evidenceAdded: z.array(z.strictObject({ relationId: Id, annotationId: Id })),
  /** Every entity whose row shows the change (created, linked or at a relation's end). */
  entityIds: z.array(Id),
  /** One line for the status bar and the undo label. */
  summary: z.string(),
})
export type AcceptReceipt = z.infer<typeof AcceptReceipt>

const Receipt = AcceptReceipt.extend({
  annotationsCreated: z.array(Id).max(500),
  entitiesCreated: z.array(Id).max(1_000),
  relationsCreated: z.array(Id).max(500),
})

export const suggestionMethods = {
  /** What a source's text names: entities, relations and dates, each with its sentence. */
  'suggestions.forSource': method(z.strictObject({ sourceId: Id }), SourceSuggestions),
  /**
   * Accept suggestions, all or none: per sentence one annotation (kind and grade as given),
   * the entities that are new, and each relation with the annotation as its evidence; an
   * event item creates the event and its participants' participated-in relations.
   */
  'suggestions.accept': method(
    z.strictObject({
      sourceId: Id,
      contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      items: z.array(AcceptItem).min(1).max(500),
    }),
    AcceptReceipt,
  ),
  /** Take back one accept exactly, if nothing it created has been changed since. */
  'suggestions.undoAccept': method(
    z.strictObject({ receipt: Receipt }),
    z.strictObject({ entityIds: z.array(Id), removedEntityIds: z.array(Id) }),
  ),
  /** Dismiss suggestions for a source; they stay dismissed there. */
  'suggestions.dismiss': method(
    z.strictObject({
      sourceId: Id,
      items: z
        .array(z.strictObject({ key: SuggestionKey, label: z.string().max(500) }))
        .min(1)
        .max(500),
    }),
    z.strictObject({ dismissed: z.number().int().nonnegative() }),
  ),
  /** Bring dismissed suggestions back (undo of a dismiss). */
  'suggestions.restore': method(
    z.strictObject({ sourceId: Id, keys: z.array(SuggestionKey).min(1).max(500) }),
    z.strictObject({ restored: z.number().int().nonnegative() }),
  ),
} as const

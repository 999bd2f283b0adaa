import { z } from 'zod'
import {
  Credibility,
  DATE_PRECISIONS,
  EntityType,
  EVENT_KINDS,
  Id,
  IsoDate,
  RelationType,
} from '../model'
import { method, NoInput } from './method'

/** A theme line: one group or person, with how much evidence names it. */
export const TimelineLane = z.strictObject({
  id: Id,
  name: z.string(),
  type: EntityType,
  /** Quotes linked to the entity: the default lanes are those with the most. */
  quoteCount: z.number().int().nonnegative(),
})
export type TimelineLane = z.infer<typeof TimelineLane>

export const TIMELINE_ITEM_KINDS = ['event', 'relation', 'first-seen', 'quote'] as const
export type TimelineItemKind = (typeof TIMELINE_ITEM_KINDS)[number]

/**
 * One mark on one lane. An event with two participants on the chosen lanes is two items
 * (one a lane), so `key` is unique and `recordId` names the record behind it.
 */
export const TimelineItem = z.strictObject({
  key: z.string(),
  kind: z.enum(TIMELINE_ITEM_KINDS),
  /** The lane's entity; null for the lane of events that name no participant. */
  laneId: Id.nullable(),
  /** The event or lane entity, the relation, or the annotation. */
  recordId: Id,
  label: z.string(),
  start: IsoDate,
  /** Inclusive end of a period or span; absent for a single date. */
  end: IsoDate.optional(),
  /** A period or span still running ("since 2021", a relation with no end). */
  open: z.boolean().optional(),
  precision: z.enum(DATE_PRECISIONS).optional(),
  dateText: z.string().optional(),
  eventKind: z.enum(EVENT_KINDS).optional(),
  relationType: RelationType.optional(),
  /** The relation's other end, or the quote's source. */
  otherId: Id.optional(),
  /** Best (lowest) Admiralty credibility among the quotes behind the item. */
  grade: Credibility.optional(),
  /** False when no quote backs the item: drawn dashed, as in the graph. */
  supported: z.boolean(),
})
export type TimelineItem = z.infer<typeof TimelineItem>

export const TimelineData = z.strictObject({
  lanes: z.array(TimelineLane),
  /** Items in date order. */
  items: z.array(TimelineItem),
  /** Events on these lanes that carry no date yet (not drawn). */
  undated: z.number().int().nonnegative(),
})
export type TimelineData = z.infer<typeof TimelineData>

export const timelineMethods = {
  /** Every group and person that can be a lane, most evidence first. */
  'timeline.lanes': method(NoInput, z.array(TimelineLane)),
  /** The dated items of some lanes: events, relation spans, first-seen dates, quotes by source date. */
  'timeline.items': method(
    z.strictObject({
      laneIds: z.array(Id).max(500),
      /** Also the lane of events with no participant. */
      unassigned: z.boolean().optional(),
    }),
    TimelineData,
  ),
} as const

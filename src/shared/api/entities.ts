import { z } from 'zod'
import { Entity, EntityAttributes, EntityType, Id, Relation, type RelationType } from '../model'
import { method } from './method'

export const Ref = z.strictObject({ id: Id, name: z.string() })
export type Ref = z.infer<typeof Ref>

/** The other end of one relation, as a computed column shows it. */
export const LinkRef = z.strictObject({
  id: Id,
  name: z.string(),
  /** The relation behind the link, so a picker can remove exactly that one. */
  relationId: Id,
  /** False when the relation cites no quote. */
  supported: z.boolean(),
})
export type LinkRef = z.infer<typeof LinkRef>

export interface LinkColumnSpec {
  relation: RelationType
  /** 'in': the entity is the relation's `to`; 'out': its `from`; 'any': either (symmetric). */
  direction: 'in' | 'out' | 'any'
  label: string
  /** The entity type a picker offers for the other end. */
  otherType: string
  /** The grids that show the column. */
  shownFor: readonly string[]
  /**
   * Only links whose other end is of `otherType`: two columns then share one relation type
   * (an event's groups and its people are both participated-in).
   */
  onlyOtherType?: boolean
}

/**
 * Columns computed from relations. The service fills every one for every row; the grids
 * show those that make sense for their type, and their pickers create or remove the relation.
 */
export const LINK_COLUMNS = {
  leaders: {
    relation: 'leads',
    direction: 'in',
    label: 'Leaders',
    otherType: 'person',
    shownFor: ['group'],
  },
  areas: {
    relation: 'operates-in',
    direction: 'out',
    label: 'Areas of operation',
    otherType: 'place',
    shownFor: ['group'],
  },
  ethnicBase: {
    relation: 'draws-support-from',
    direction: 'out',
    label: 'Ethnic base',
    otherType: 'community',
    shownFor: ['group'],
  },
  allies: {
    relation: 'allied-with',
    direction: 'any',
    label: 'Allies',
    otherType: 'group',
    shownFor: ['group'],
  },
  rivals: {
    relation: 'rival-of',
    direction: 'any',
    label: 'Rivals',
    otherType: 'group',
    shownFor: ['group'],
  },
  leads: {
    relation: 'leads',
    direction: 'out',
    label: 'Leads',
    otherType: 'group',
    shownFor: ['person'],
  },
  memberOf: {
    relation: 'member-of',
    direction: 'out',
    label: 'Member of',
    otherType: 'group',
    shownFor: ['person'],
  },
  activeGroups: {
    relation: 'operates-in',
    direction: 'in',
    label: 'Groups active here',
    otherType: 'group',
    shownFor: ['place'],
  },
  supportedGroups: {
    relation: 'draws-support-from',
    direction: 'in',
    label: 'Groups drawing support',
    otherType: 'group',
    shownFor: ['community'],
  },
  groupsInvolved: {
    relation: 'participated-in',
    direction: 'in',
    label: 'Groups involved',
    otherType: 'group',
    shownFor: ['event'],
    onlyOtherType: true,
  },
  peopleInvolved: {
    relation: 'participated-in',
    direction: 'in',
    label: 'People involved',
    otherType: 'person',
    shownFor: ['event'],
    onlyOtherType: true,
  },
  eventPlaces: {
    relation: 'took-place-in',
    direction: 'out',
    label: 'Places',
    otherType: 'place',
    shownFor: ['event'],
  },
} as const satisfies Record<string, LinkColumnSpec>
export type LinkColumnKey = keyof typeof LINK_COLUMNS
export const LINK_COLUMN_KEYS = Object.keys(LINK_COLUMNS) as LinkColumnKey[]

const links = z.array(LinkRef)

/** An entity with the columns computed from its relations and evidence. */
export const EntityRow = z.strictObject({
  entity: Entity,
  leaders: links,
  areas: links,
  ethnicBase: links,
  allies: links,
  rivals: links,
  leads: links,
  memberOf: links,
  activeGroups: links,
  supportedGroups: links,
  groupsInvolved: links,
  peopleInvolved: links,
  eventPlaces: links,
  /** Distinct annotations supporting the entity: linked to it, or evidence of its relations. */
  quoteCount: z.number().int().nonnegative(),
  /** Best (lowest) Admiralty credibility among those annotations. */
  bestCredibility: z.number().int().min(1).max(6).optional(),
  newestSourceDate: z.string().optional(),
})
export type EntityRow = z.infer<typeof EntityRow>

const EntityDraft = z.strictObject({
  type: EntityType,
  name: z.string(),
  aliases: z.array(z.string()).optional(),
  description: z.string().optional(),
  attributes: EntityAttributes.optional(),
})

const EntityPatch = z.strictObject({
  name: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  description: z.string().optional(),
  /** Merged into the attributes; a null value removes that attribute. */
  attributes: z.record(z.string(), z.unknown()).optional(),
})

const Ids = z.array(Id).min(1).max(100_000)

/** What deleting an entity took away, enough to put it back exactly (undo). */
export const EntitySnapshot = z.strictObject({
  entity: Entity,
  relations: z.array(Relation),
  /** Annotations that were linked to the entity. */
  annotationIds: z.array(Id),
})
export type EntitySnapshot = z.infer<typeof EntitySnapshot>

/** What depends on an entity: named in the confirmation before it is deleted. */
export const EntityDependents = z.strictObject({
  entity: Ref,
  relations: z.array(
    z.strictObject({ id: Id, type: z.string(), direction: z.enum(['in', 'out']), other: Ref }),
  ),
  annotations: z.array(z.strictObject({ id: Id, exact: z.string(), sourceTitle: z.string() })),
  /** Notes whose body mentions the entity ([text](entity:<id>)); their links would break. */
  notes: z.array(z.strictObject({ id: Id, title: z.string() })),
})
export type EntityDependents = z.infer<typeof EntityDependents>

export const entityMethods = {
  /** Every entity, or those of one type, sorted by name. */
  'entities.list': method(z.strictObject({ type: EntityType.optional() }), z.array(Entity)),
  /** One entity by id. */
  'entities.get': method(z.strictObject({ id: Id }), Entity),
  /** Entities of one type with columns computed from relations and evidence (the grids). */
  'entities.table': method(z.strictObject({ type: EntityType }), z.array(EntityRow)),
  /** A slice of a grid's rows in name order, so a large grid paints its first page at once. */
  'entities.tablePage': method(
    z.strictObject({
      type: EntityType,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(20_000),
    }),
    z.strictObject({
      rows: z.array(EntityRow),
      /** Rows of this type in all. */
      total: z.number().int().nonnegative(),
    }),
  ),
  /** The grid rows of some entities (any type), to refresh just those after an edit. */
  'entities.rows': method(z.strictObject({ ids: Ids }), z.array(EntityRow)),
  /** Create an entity; returns it with its new id. */
  'entities.create': method(EntityDraft, Entity),
  /** Change an entity's name, aliases, description or attributes. */
  'entities.update': method(z.strictObject({ id: Id, patch: EntityPatch }), Entity),
  /** Delete an entity and the relations that touch it; annotations lose the link. */
  'entities.delete': method(
    z.strictObject({ id: Id }),
    z.strictObject({
      id: Id,
      removedRelations: z.array(Id),
      unlinkedAnnotations: z.array(Id),
    }),
  ),
  /** The relations, annotations and notes that depend on some entities (asked before deleting). */
  'entities.dependents': method(z.strictObject({ ids: Ids }), z.array(EntityDependents)),
  /** Delete several entities at once, all or none; returns what was removed, for undo. */
  'entities.deleteMany': method(
    z.strictObject({ ids: Ids }),
    z.strictObject({ removed: z.array(EntitySnapshot) }),
  ),
  /** Put deleted entities back with their relations and annotation links (undo of a delete). */
  'entities.restore': method(
    z.strictObject({ snapshots: z.array(EntitySnapshot).min(1).max(100_000) }),
    z.array(Entity),
  ),
} as const

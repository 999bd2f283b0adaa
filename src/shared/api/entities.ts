import { z } from 'zod'
import { Entity, EntityAttributes, EntityType, Id } from '../model'
import { method } from './method'

export const Ref = z.strictObject({ id: Id, name: z.string() })
export type Ref = z.infer<typeof Ref>

/** An entity with the columns computed from its relations and evidence. */
export const EntityRow = z.strictObject({
  entity: Entity,
  leaders: z.array(Ref),
  areas: z.array(Ref),
  ethnicBase: z.array(Ref),
  allies: z.array(Ref),
  rivals: z.array(Ref),
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

export const entityMethods = {
  /** Every entity, or those of one type, sorted by name. */
  'entities.list': method(z.strictObject({ type: EntityType.optional() }), z.array(Entity)),
  /** One entity by id. */
  'entities.get': method(z.strictObject({ id: Id }), Entity),
  /** Entities of one type with columns computed from relations and evidence (the grids). */
  'entities.table': method(z.strictObject({ type: EntityType }), z.array(EntityRow)),
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
} as const

/**
 * The API contract: one table of method name -> input schema -> output schema.
 * Both transports (Electron IPC, loopback HTTP) call the same dispatch with it,
 * and the renderer's client is typed from it. A new capability is a new row here.
 */
import { z } from 'zod'
import {
  Annotation,
  Entity,
  EntityAttributes,
  EntityType,
  Id,
  ProjectMeta,
  SourceRecord,
} from './model'

const NoInput = z.strictObject({})

const Ref = z.strictObject({ id: Id, name: z.string() })
export type Ref = z.infer<typeof Ref>

export const ProjectInfo = z.strictObject({
  project: ProjectMeta,
  /** Folder holding project.json and sources/. */
  path: z.string(),
  counts: z.strictObject({
    sources: z.number().int(),
    annotations: z.number().int(),
    entities: z.number().int(),
    relations: z.number().int(),
    notes: z.number().int(),
    reports: z.number().int(),
  }),
})
export type ProjectInfo = z.infer<typeof ProjectInfo>

export const RecentProject = z.strictObject({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
})
export type RecentProject = z.infer<typeof RecentProject>

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

export const SourceSummary = z.strictObject({
  source: SourceRecord,
  annotationCount: z.number().int().nonnegative(),
})
export type SourceSummary = z.infer<typeof SourceSummary>

export const SourceWithText = z.strictObject({
  source: SourceRecord,
  /** The normalized text every offset refers to. */
  text: z.string(),
  annotations: z.array(Annotation),
})
export type SourceWithText = z.infer<typeof SourceWithText>

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output }
}

export const contract = {
  /** The open project: its metadata, folder and record counts. */
  'project.info': method(NoInput, ProjectInfo),
  /** Open the project folder at `path` (flushing the current one first). */
  'project.open': method(z.strictObject({ path: z.string().min(1).max(4096) }), ProjectInfo),
  /** Create an empty project named `name`, in `path` or under the user-data folder, and open it. */
  'project.create': method(
    z.strictObject({
      name: z.string().trim().min(1).max(500),
      path: z.string().min(1).max(4096).optional(),
    }),
    ProjectInfo,
  ),
  /** Projects opened recently, newest first. */
  'project.recent': method(NoInput, z.array(RecentProject)),

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

  /** Every source with its annotation count, newest first. */
  'sources.list': method(NoInput, z.array(SourceSummary)),
  /** One source with its normalized text and its annotations in text order. */
  'sources.get': method(z.strictObject({ id: Id }), SourceWithText),
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

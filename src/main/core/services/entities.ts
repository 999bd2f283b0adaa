import { extractNoteLinks, mentionedEntityIds } from '../../../shared/citations'
import { randomUUID } from 'node:crypto'
import {
  LINK_COLUMN_KEYS,
  LINK_COLUMNS,
  type EntityDependents,
  type EntityRow,
  type EntitySnapshot,
  type LinkColumnSpec,
  type LinkRef,
  type MethodOutput,
  type ParsedInput,
} from '../../../shared/contract'
import {
  Entity,
  Relation,
  type Annotation,
  type ProjectFile,
  type SourceRecord,
} from '../../../shared/model'
import { appError, notFound } from '../errors'
import type { ProjectStore } from '../project-store'
import { noteMentions } from './notes'
import { validRecord } from './validate'

// One collator for every comparison: localeCompare with options builds one per call.
const collator = new Intl.Collator(undefined, { sensitivity: 'base' })
const byName = (a: { name: string }, b: { name: string }): number =>
  collator.compare(a.name, b.name)

/**
 * Sorts many entities by name: a collator comparison per pair costs about 1 µs, so 100k
 * names are keyed once (case folded) and compared as plain strings; ties keep the collator.
 */
function sortedByName(entities: Entity[]): Entity[] {
  const keyed = entities.map((entity) => ({ entity, key: entity.name.toLocaleLowerCase() }))
  keyed.sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : collator.compare(a.entity.name, b.entity.name),
  )
  return keyed.map((k) => k.entity)
}

interface SortedTable {
  revision: number
  rows: Entity[]
  /** Where each id sits in `rows`. */
  position: Map<string, number>
}

/** One sorted list per type, shared by the pages of a grid and kept across edits that keep names. */
const sortedTables = new WeakMap<ProjectStore, Map<string, SortedTable>>()

function entitiesOfType(store: ProjectStore, type: string): Entity[] {
  let byType = sortedTables.get(store)
  if (!byType) sortedTables.set(store, (byType = new Map()))
  const cached = byType.get(type)
  if (cached && cached.revision === store.revision) return cached.rows
  const current = store.data.entities.filter((e) => e.type === type)
  // Most edits change attributes, not names: then the order stands and re-sorting 100k
  // names (hundreds of ms) is replaced by one pass that puts the new records in place.
  if (cached && cached.rows.length === current.length) {
    const rows = new Array<Entity>(current.length)
    let unchanged = true
    for (const entity of current) {
      const at = cached.position.get(entity.id)
      if (at === undefined || cached.rows[at]!.name !== entity.name) {
        unchanged = false
        break
      }
      rows[at] = entity
    }
    if (unchanged) {
      byType.set(type, { revision: store.revision, rows, position: cached.position })
      return rows
    }
  }
  const rows = sortedByName(current)
  byType.set(type, {
    revision: store.revision,
    rows,
    position: new Map(rows.map((e, i) => [e.id, i])),
  })
  return rows
}

export function listEntities(store: ProjectStore, input: ParsedInput<'entities.list'>): Entity[] {
  const { entities } = store.data
  return input.type ? [...entitiesOfType(store, input.type)] : sortedByName([...entities])
}

export function getEntity(store: ProjectStore, id: string): Entity {
  const entity = store.data.entities.find((e) => e.id === id)
  if (!entity) throw notFound('entity', id)
  return entity
}

export function createEntity(store: ProjectStore, input: ParsedInput<'entities.create'>): Entity {
  const now = new Date().toISOString()
  const entity = validRecord(
    Entity,
    {
      id: randomUUID(),
      createdAt: now,
      updatedAt: now,
      type: input.type,
      name: input.name,
      aliases: input.aliases ?? [],
      description: input.description ?? '',
      attributes: input.attributes ?? {},
    },
    'entity',
  )
  store.mutate((data) => data.entities.push(entity))
  return entity
}

export function updateEntity(store: ProjectStore, input: ParsedInput<'entities.update'>): Entity {
  const index = store.data.entities.findIndex((e) => e.id === input.id)
  const current = store.data.entities[index]
  if (!current) throw notFound('entity', input.id)
  const { patch } = input
  const attributes: Record<string, unknown> = { ...current.attributes }
  for (const [key, value] of Object.entries(patch.attributes ?? {})) {
    if (value === null) delete attributes[key]
    else attributes[key] = value
  }
  const next = validRecord(
    Entity,
    {
      ...current,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.aliases !== undefined ? { aliases: patch.aliases } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      attributes,
      updatedAt: new Date().toISOString(),
    },
    'entity',
  )
  store.mutate((data) => {
    data.entities[index] = next
  })
  return next
}

export function deleteEntity(store: ProjectStore, id: string): MethodOutput<'entities.delete'> {
  const [snapshot] = deleteEntities(store, [id])
  return {
    id,
    removedRelations: snapshot!.relations.map((r) => r.id),
    unlinkedAnnotations: snapshot!.annotationIds,
  }
}

/** Deletes entities with their relations and annotation links, all or none. */
export function deleteEntities(store: ProjectStore, ids: readonly string[]): EntitySnapshot[] {
  const wanted = new Set(ids)
  const entities = store.data.entities.filter((e) => wanted.has(e.id))
  if (entities.length !== wanted.size) {
    const found = new Set(entities.map((e) => e.id))
    throw notFound(
      'entity',
      ids.find((id) => !found.has(id))!,
    )
  }
  return store.mutate((data) => {
    const snapshots = new Map<string, EntitySnapshot>(
      entities.map((entity) => [entity.id, { entity, relations: [], annotationIds: [] }]),
    )
    const keptRelations: Relation[] = []
    for (const relation of data.relations) {
      const owner = snapshots.get(relation.from) ?? snapshots.get(relation.to)
      if (owner) owner.relations.push(relation)
      else keptRelations.push(relation)
    }
    const now = new Date().toISOString()
    data.annotations = data.annotations.map((annotation) => {
      if (!annotation.entityIds.some((id) => wanted.has(id))) return annotation
      for (const id of annotation.entityIds) snapshots.get(id)?.annotationIds.push(annotation.id)
      return {
        ...annotation,
        entityIds: annotation.entityIds.filter((id) => !wanted.has(id)),
        updatedAt: now,
      }
    })
    data.relations = keptRelations
    data.entities = data.entities.filter((e) => !wanted.has(e.id))
    return [...snapshots.values()]
  })
}

/**
 * Puts deleted entities back as they were (undo of a delete). Relations come back with
 * the quotes that still exist; annotation links come back where the annotation still exists.
 */
export function restoreEntities(
  store: ProjectStore,
  input: ParsedInput<'entities.restore'>,
): Entity[] {
  const data = store.data
  const existingEntities = new Set(data.entities.map((e) => e.id))
  const taken = new Set(existingEntities)
  for (const r of data.relations) taken.add(r.id)
  const restoring = new Set(input.snapshots.map((s) => s.entity.id))
  if (restoring.size !== input.snapshots.length) {
    throw appError('invalid_input', 'entityTwiceToRestore')
  }
  const annotationIds = new Set(data.annotations.map((a) => a.id))
  const entities: Entity[] = []
  const relations = new Map<string, Relation>()
  for (const snapshot of input.snapshots) {
    const { entity } = snapshot
    if (taken.has(entity.id)) {
      throw appError('conflict', 'entityIdTaken', { name: entity.name })
    }
    entities.push(validRecord(Entity, entity, 'entity'))
    for (const relation of snapshot.relations) {
      if (relations.has(relation.id)) continue
      if (taken.has(relation.id)) {
        throw appError('conflict', 'relationIdTaken', { id: relation.id })
      }
      const ends = [relation.from, relation.to]
      if (!ends.every((end) => restoring.has(end) || existingEntities.has(end))) {
        throw appError('conflict', 'entityLinkGone', { name: entity.name })
      }
      relations.set(
        relation.id,
        validRecord(
          Relation,
          { ...relation, evidence: relation.evidence.filter((a) => annotationIds.has(a)) },
          'relation',
        ),
      )
    }
  }
  const links = new Map<string, string[]>()
  for (const snapshot of input.snapshots) {
    for (const annotationId of snapshot.annotationIds) {
      if (!annotationIds.has(annotationId)) continue
      const list = links.get(annotationId)
      if (list) list.push(snapshot.entity.id)
      else links.set(annotationId, [snapshot.entity.id])
    }
  }
  store.mutate((file) => {
    file.entities.push(...entities)
    file.relations.push(...relations.values())
    const now = new Date().toISOString()
    file.annotations = file.annotations.map((annotation) => {
      const extra = links.get(annotation.id)
      if (!extra) return annotation
      return {
        ...annotation,
        entityIds: [...new Set([...annotation.entityIds, ...extra])],
        updatedAt: now,
      }
    })
  })
  return entities
}

/** What depends on each entity: its relations, the annotations linking it, notes mentioning it. */
export function entityDependents(store: ProjectStore, ids: readonly string[]): EntityDependents[] {
  const data = store.data
  const wanted = new Set(ids)
  const names = new Map(data.entities.map((e) => [e.id, e.name]))
  const result = new Map<string, EntityDependents>()
  for (const id of ids) {
    const name = names.get(id)
    if (name === undefined) throw notFound('entity', id)
    result.set(id, { entity: { id, name }, relations: [], annotations: [], notes: [] })
  }
  const ref = (id: string) => ({ id, name: names.get(id) ?? id })
  for (const r of data.relations) {
    result
      .get(r.from)
      ?.relations.push({ id: r.id, type: r.type, direction: 'out', other: ref(r.to) })
    result
      .get(r.to)
      ?.relations.push({ id: r.id, type: r.type, direction: 'in', other: ref(r.from) })
  }
  const sourceTitles = new Map(data.sources.map((s) => [s.id, s.title]))
  for (const a of data.annotations) {
    for (const id of a.entityIds) {
      result.get(id)?.annotations.push({
        id: a.id,
        exact: a.target.quote.exact.slice(0, 200),
        sourceTitle: sourceTitles.get(a.sourceId) ?? a.sourceId,
      })
    }
  }
  for (const note of data.notes) {
    for (const id of noteMentions(store, note)) {
      if (wanted.has(id)) result.get(id)?.notes.push({ id: note.id, title: note.title })
    }
  }
  return [...result.values()]
}

/** Entity ids a Markdown body links to as [text](entity:<id>), read by the notes' own parser. */
export function mentionedEntities(body: string): Set<string> {
  return new Set(mentionedEntityIds(extractNoteLinks(body).filter((link) => link.valid)))
}

/** Rows for the grids: each entity of a type with columns computed from relations and evidence. */
export function entityTable(
  store: ProjectStore,
  input: ParsedInput<'entities.table'>,
): EntityRow[] {
  return computeRows(store.data, entitiesOfType(store, input.type))
}

export function entityTablePage(
  store: ProjectStore,
  input: ParsedInput<'entities.tablePage'>,
): MethodOutput<'entities.tablePage'> {
  const all = entitiesOfType(store, input.type)
  return {
    rows: computeRows(store.data, all.slice(input.offset, input.offset + input.limit)),
    total: all.length,
  }
}

/** The rows of some entities, in the order asked; unknown ids are left out. */
export function entityRows(store: ProjectStore, ids: readonly string[]): EntityRow[] {
  const wanted = new Set(ids)
  const found = new Map<string, Entity>()
  for (const e of store.data.entities) if (wanted.has(e.id)) found.set(e.id, e)
  return computeRows(
    store.data,
    ids.flatMap((id) => found.get(id) ?? []),
  )
}

/**
 * Computes rows with a single pass over relations and annotations, touching only what
 * the requested entities need: one edit on a 100k-row grid refreshes its rows in
 * milliseconds instead of rebuilding every index.
 */
function computeRows(data: Readonly<ProjectFile>, entities: readonly Entity[]): EntityRow[] {
  const wanted = new Set(entities.map((e) => e.id))
  const relationsOf = new Map<string, Relation[]>()
  const neededAnnotations = new Set<string>()
  const neighbourIds = new Set<string>()
  for (const relation of data.relations) {
    const fromWanted = wanted.has(relation.from)
    const toWanted = wanted.has(relation.to)
    if (!fromWanted && !toWanted) continue
    if (fromWanted) push(relationsOf, relation.from, relation)
    if (toWanted && relation.to !== relation.from) push(relationsOf, relation.to, relation)
    neighbourIds.add(relation.from)
    neighbourIds.add(relation.to)
    for (const a of relation.evidence) neededAnnotations.add(a)
  }
  const annotationsOf = new Map<string, string[]>()
  const annotations = new Map<string, Annotation>()
  for (const annotation of data.annotations) {
    let linked = false
    for (const id of annotation.entityIds) {
      if (wanted.has(id)) {
        push(annotationsOf, id, annotation.id)
        linked = true
      }
    }
    if (linked || neededAnnotations.has(annotation.id)) annotations.set(annotation.id, annotation)
  }
  const names = new Map<string, string>()
  const types = new Map<string, string>()
  for (const e of data.entities) {
    if (!neighbourIds.has(e.id)) continue
    names.set(e.id, e.name)
    types.set(e.id, e.type)
  }
  const sourceDate = new Map<string, string>()
  for (const s of data.sources as readonly SourceRecord[]) {
    if (s.publishedAt) sourceDate.set(s.id, s.publishedAt)
  }
  const supported = (r: Relation): boolean => r.evidence.some((a) => annotations.has(a))

  return entities.map((entity) => {
    const relations = relationsOf.get(entity.id) ?? []
    const linkColumns = {} as Record<(typeof LINK_COLUMN_KEYS)[number], LinkRef[]>
    for (const key of LINK_COLUMN_KEYS) {
      const spec: LinkColumnSpec = LINK_COLUMNS[key]
      const refs: LinkRef[] = []
      for (const r of relations) {
        if (r.type !== spec.relation) continue
        const out = r.from === entity.id
        if (spec.direction === 'out' && !out) continue
        if (spec.direction === 'in' && out) continue
        const other = out ? r.to : r.from
        if (spec.onlyOtherType && types.get(other) !== spec.otherType) continue
        refs.push({
          id: other,
          name: names.get(other) ?? other,
          relationId: r.id,
          supported: supported(r),
        })
      }
      linkColumns[key] = refs.sort(byName)
    }
    const support = new Set(annotationsOf.get(entity.id) ?? [])
    for (const relation of relations) for (const a of relation.evidence) support.add(a)
    let quoteCount = 0
    let bestCredibility: number | undefined
    let newestSourceDate: string | undefined
    for (const annotationId of support) {
      const annotation = annotations.get(annotationId)
      if (!annotation) continue
      quoteCount++
      if (bestCredibility === undefined || annotation.credibility < bestCredibility) {
        bestCredibility = annotation.credibility
      }
      const published = sourceDate.get(annotation.sourceId)
      if (published && (!newestSourceDate || published > newestSourceDate)) {
        newestSourceDate = published
      }
    }
    return {
      entity,
      ...linkColumns,
      quoteCount,
      ...(bestCredibility !== undefined ? { bestCredibility } : {}),
      ...(newestSourceDate !== undefined ? { newestSourceDate } : {}),
    }
  })
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

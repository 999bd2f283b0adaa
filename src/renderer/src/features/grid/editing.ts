/**
 * Every change the grids make, each one API call, each recorded in the edit history with
 * its inverse, and each followed by a refresh of just the rows it touched.
 */
import {
  LINK_COLUMNS,
  RELATION_PHRASES,
  type EntitySnapshot,
  type LinkColumnKey,
  type MethodInput,
  type RelationDraft,
} from '../../../../shared/contract'
import type { Entity, Relation } from '../../../../shared/model'
import { call } from '../../api/client'
import { inversePatch } from './fields'
import { applyRows, cachedRow, linkedIds, refreshRows } from './rowSync'
import { editHistory } from '../../ui/editHistory'

type EntityPatch = MethodInput<'entities.update'>['patch']

/**
 * Refreshes an entity's row, and after a rename also the rows that show its name. An edit
 * that keeps the name changes nothing computed, so the row is patched without a round trip.
 */
async function afterEntityChange(before: Entity, after: Entity): Promise<void> {
  if (before.name === after.name) {
    const row = cachedRow(after.type, after.id)
    if (row) return applyRows([{ ...row, entity: after }])
    return refreshRows([after.id])
  }
  const [row] = await call('entities.rows', { ids: [after.id] })
  await refreshRows([after.id, ...(row ? linkedIds(row) : [])])
}

export async function updateEntity(
  entity: Entity,
  patch: EntityPatch,
  label: string,
): Promise<Entity> {
  const inverse = inversePatch(entity, patch)
  const updated = await call('entities.update', { id: entity.id, patch })
  await afterEntityChange(entity, updated)
  let current = updated
  editHistory.push({
    label,
    undo: async () => {
      const back = await call('entities.update', { id: entity.id, patch: inverse })
      await afterEntityChange(current, back)
      current = back
    },
    redo: async () => {
      const again = await call('entities.update', { id: entity.id, patch })
      await afterEntityChange(current, again)
      current = again
    },
  })
  return updated
}

export async function createEntity(type: string, name: string): Promise<Entity> {
  const entity = await call('entities.create', { type, name })
  await refreshRows([entity.id])
  let snapshots: EntitySnapshot[] = []
  editHistory.push({
    label: `add ${entity.name}`,
    undo: async () => {
      snapshots = (await call('entities.deleteMany', { ids: [entity.id] })).removed
      await afterDelete(snapshots)
    },
    redo: async () => {
      await call('entities.restore', { snapshots })
      await afterRestore(snapshots)
    },
  })
  return entity
}

function neighbours(snapshots: readonly EntitySnapshot[]): string[] {
  const ids = new Set(snapshots.map((s) => s.entity.id))
  const others = new Set<string>()
  for (const s of snapshots) {
    for (const r of s.relations)
      for (const end of [r.from, r.to]) if (!ids.has(end)) others.add(end)
  }
  return [...others]
}

async function afterDelete(snapshots: readonly EntitySnapshot[]): Promise<void> {
  applyRows(
    [],
    snapshots.map((s) => s.entity.id),
  )
  await refreshRows(neighbours(snapshots))
}

async function afterRestore(snapshots: readonly EntitySnapshot[]): Promise<void> {
  await refreshRows([...snapshots.map((s) => s.entity.id), ...neighbours(snapshots)])
}

export async function deleteEntities(ids: readonly string[], label: string): Promise<void> {
  let snapshots = (await call('entities.deleteMany', { ids: [...ids] })).removed
  await afterDelete(snapshots)
  editHistory.push({
    label,
    undo: async () => {
      await call('entities.restore', { snapshots })
      await afterRestore(snapshots)
    },
    redo: async () => {
      snapshots = (await call('entities.deleteMany', { ids: [...ids] })).removed
      await afterDelete(snapshots)
    },
  })
}

function draftOf(relation: Relation): RelationDraft {
  const { createdAt: _created, updatedAt: _updated, ...draft } = relation
  return draft
}

async function createRelation(draft: RelationDraft): Promise<Relation> {
  const relation = await call('relations.create', draft)
  await refreshRows([relation.from, relation.to])
  return relation
}

async function deleteRelation(id: string): Promise<Relation> {
  const relation = await call('relations.delete', { id })
  await refreshRows([relation.from, relation.to])
  return relation
}

/** The relation a link column implies between a row's entity and another. */
export function linkDraft(column: LinkColumnKey, entityId: string, otherId: string): RelationDraft {
  const spec = LINK_COLUMNS[column]
  return spec.direction === 'in'
    ? { type: spec.relation, from: otherId, to: entityId }
    : { type: spec.relation, from: entityId, to: otherId }
}

function relationLabel(relation: Relation, names: Record<string, string>): string {
  return `${names[relation.from] ?? relation.from} ${RELATION_PHRASES[relation.type]} ${names[relation.to] ?? relation.to}`
}

/** Links two entities through a link column's relation (a picker's "add"). */
export async function link(
  column: LinkColumnKey,
  entity: { id: string; name: string },
  other: { id: string; name: string },
): Promise<Relation> {
  const relation = await createRelation(linkDraft(column, entity.id, other.id))
  const names = { [entity.id]: entity.name, [other.id]: other.name }
  editHistory.push({
    label: `link: ${relationLabel(relation, names)}`,
    undo: async () => void (await deleteRelation(relation.id)),
    redo: async () => void (await createRelation(draftOf(relation))),
  })
  return relation
}

/** Removes the relation behind a link (a picker's "remove"). */
export async function unlink(relationId: string, names: Record<string, string>): Promise<void> {
  const removed = await deleteRelation(relationId)
  editHistory.push({
    label: `unlink: ${relationLabel(removed, names)}`,
    undo: async () => void (await createRelation(draftOf(removed))),
    redo: async () => void (await deleteRelation(removed.id)),
  })
}

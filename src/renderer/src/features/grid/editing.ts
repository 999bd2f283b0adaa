/**
 * Every change the grids make, each recorded in the edit history with its inverse. The
 * calls and the row refreshes behind them live in the api modules.
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
import * as entities from '../../api/entities'
import * as relations from '../../api/relations'
import { inversePatch } from './fields'
import { editHistory } from '../../ui/edit-history'
import { t } from '../../ui/i18n'
import { relationPhrase } from '../../ui/model-labels'

type EntityPatch = MethodInput<'entities.update'>['patch']

export async function updateEntity(
  entity: Entity,
  patch: EntityPatch,
  label: string,
): Promise<Entity> {
  const inverse = inversePatch(entity, patch)
  const updated = await entities.updateEntity(entity, patch)
  let current = updated
  editHistory.push({
    label,
    undo: async () => {
      current = await entities.updateEntity(current, inverse)
    },
    redo: async () => {
      current = await entities.updateEntity(current, patch)
    },
  })
  return updated
}

export async function createEntity(type: string, name: string): Promise<Entity> {
  const entity = await entities.createEntity({ type, name })
  let snapshots: EntitySnapshot[] = []
  editHistory.push({
    label: t('grid.add4', { name: entity.name }),
    undo: async () => {
      snapshots = await entities.deleteEntities([entity.id])
    },
    redo: async () => {
      await entities.restoreEntities(snapshots)
    },
  })
  return entity
}

export async function deleteEntities(ids: readonly string[], label: string): Promise<void> {
  let snapshots = await entities.deleteEntities(ids)
  editHistory.push({
    label,
    undo: async () => {
      await entities.restoreEntities(snapshots)
    },
    redo: async () => {
      snapshots = await entities.deleteEntities(ids)
    },
  })
}

/** The relation a link column implies between a row's entity and another. */
function linkDraft(column: LinkColumnKey, entityId: string, otherId: string): RelationDraft {
  const spec = LINK_COLUMNS[column]
  return spec.direction === 'in'
    ? { type: spec.relation, from: otherId, to: entityId }
    : { type: spec.relation, from: entityId, to: otherId }
}

function relationLabel(relation: Relation, names: Record<string, string>): string {
  return `${names[relation.from] ?? relation.from} ${relationPhrase(relation.type, RELATION_PHRASES[relation.type])} ${names[relation.to] ?? relation.to}`
}

/** Links two entities through a link column's relation (a picker's "add"). */
export async function link(
  column: LinkColumnKey,
  entity: { id: string; name: string },
  other: { id: string; name: string },
): Promise<Relation> {
  const relation = await relations.createRelation(linkDraft(column, entity.id, other.id))
  const names = { [entity.id]: entity.name, [other.id]: other.name }
  editHistory.push({
    label: t('grid.link', { relationLabel: relationLabel(relation, names) }),
    undo: async () => void (await relations.deleteRelation(relation.id)),
    redo: async () => void (await relations.recreateRelation(relation)),
  })
  return relation
}

/** Removes the relation behind a link (a picker's "remove"). */
export async function unlink(relationId: string, names: Record<string, string>): Promise<void> {
  const removed = await relations.deleteRelation(relationId)
  editHistory.push({
    label: t('grid.unlink', { relationLabel: relationLabel(removed, names) }),
    undo: async () => void (await relations.recreateRelation(removed)),
    redo: async () => void (await relations.deleteRelation(removed.id)),
  })
}

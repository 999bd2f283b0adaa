/**
 * Relations, edited from the grid's link columns and from the chart. Each edit refreshes
 * the rows of both ends (row-sync.ts), which reloads every view derived from entities, the
 * chart included. There are no relation queries: views read relations through entity rows,
 * evidence and the graph.
 */
import type { RelationDraft } from '../../../shared/contract'
import type { Relation } from '../../../shared/model'
import { call } from './client'
import { refreshRows } from './row-sync'

export async function createRelation(draft: RelationDraft): Promise<Relation> {
  const relation = await call('relations.create', draft)
  await refreshRows([relation.from, relation.to])
  return relation
}

export async function deleteRelation(id: string): Promise<Relation> {
  const relation = await call('relations.delete', { id })
  await refreshRows([relation.from, relation.to])
  return relation
}

/** Creates a deleted relation again, under its old id (an undo). */
export function recreateRelation(relation: Relation): Promise<Relation> {
  const { createdAt: _created, updatedAt: _updated, ...draft } = relation
  return createRelation(draft)
}

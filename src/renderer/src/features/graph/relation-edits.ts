/**
 * Relations created and deleted from the chart. Each is one API call followed by the grid's
 * row refresh (which also reloads every other view derived from entities, the chart included),
 * and goes into the same edit history as the grid's edits, so either view can undo it.
 */
import { RELATION_PHRASES, type RelationDraft } from '../../../../shared/contract'
import type { Relation } from '../../../../shared/model'
import { call } from '../../api/client'
import { editHistory } from '../../ui/editHistory'
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- rowSync moves to api/ (i12-data)
import { refreshRows } from '../grid/rowSync'

function draftOf(relation: Relation): RelationDraft {
  const { createdAt: _created, updatedAt: _updated, ...draft } = relation
  return draft
}

async function create(draft: RelationDraft): Promise<Relation> {
  const relation = await call('relations.create', draft)
  await refreshRows([relation.from, relation.to])
  return relation
}

async function remove(id: string): Promise<Relation> {
  const relation = await call('relations.delete', { id })
  await refreshRows([relation.from, relation.to])
  return relation
}

/** "National Resistance Front operates in Panjshir". */
export function relationSentence(
  relation: Pick<Relation, 'type' | 'from' | 'to'>,
  names: ReadonlyMap<string, string>,
): string {
  return `${names.get(relation.from) ?? relation.from} ${RELATION_PHRASES[relation.type]} ${names.get(relation.to) ?? relation.to}`
}

export async function createRelation(
  draft: RelationDraft,
  names: ReadonlyMap<string, string>,
): Promise<Relation> {
  const relation = await create(draft)
  editHistory.push({
    label: `link: ${relationSentence(relation, names)}`,
    undo: async () => void (await remove(relation.id)),
    redo: async () => void (await create(draftOf(relation))),
  })
  return relation
}

export async function deleteRelation(
  id: string,
  names: ReadonlyMap<string, string>,
): Promise<Relation> {
  const removed = await remove(id)
  editHistory.push({
    label: `unlink: ${relationSentence(removed, names)}`,
    undo: async () => void (await create(draftOf(removed))),
    redo: async () => void (await remove(removed.id)),
  })
  return removed
}

/**
 * Relations created and deleted from the chart. Each goes into the same edit history as the
 * grid's edits, so either view can undo it.
 */
import { RELATION_PHRASES, type RelationDraft } from '../../../../shared/contract'
import type { Relation } from '../../../../shared/model'
import {
  createRelation as create,
  deleteRelation as remove,
  recreateRelation,
} from '../../api/relations'
import { editHistory } from '../../ui/edit-history'
import { t } from '../../ui/i18n'
import { relationPhrase } from '../../ui/model-labels'

/** "National Resistance Front operates in Panjshir". */
export function relationSentence(
  relation: Pick<Relation, 'type' | 'from' | 'to'>,
  names: ReadonlyMap<string, string>,
): string {
  return `${names.get(relation.from) ?? relation.from} ${relationPhrase(relation.type, RELATION_PHRASES[relation.type])} ${names.get(relation.to) ?? relation.to}`
}

export async function createRelation(
  draft: RelationDraft,
  names: ReadonlyMap<string, string>,
): Promise<Relation> {
  const relation = await create(draft)
  editHistory.push({
    label: t('graph.link', { relationSentence: relationSentence(relation, names) }),
    undo: async () => void (await remove(relation.id)),
    redo: async () => void (await recreateRelation(relation)),
  })
  return relation
}

export async function deleteRelation(
  id: string,
  names: ReadonlyMap<string, string>,
): Promise<Relation> {
  const removed = await remove(id)
  editHistory.push({
    label: t('graph.unlink', { relationSentence: relationSentence(removed, names) }),
    undo: async () => void (await recreateRelation(removed)),
    redo: async () => void (await remove(removed.id)),
  })
  return removed
}

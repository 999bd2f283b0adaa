import type { SyncConflict } from '../../../../shared/api/sync'
import { t } from '../../ui/i18n'

/**
 * The main process names records in the analyst's data (a group's name, a quote's text),
 * but a collection or a whole part of the project is ours to name, in the language in force.
 */
export function partName(collection: string): string {
  const key = `sync.part.${collection}`
  const name = t(key)
  return name === key ? collection : name
}

/** A whole part (project details, saved views) has no id of its own: name the part. */
export function conflictTitle(conflict: Pick<SyncConflict, 'collection' | 'id' | 'label'>): string {
  if (conflict.id === '') return partName(conflict.collection)
  return conflict.label || conflict.id
}

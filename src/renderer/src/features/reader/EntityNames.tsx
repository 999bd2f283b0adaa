import type { Entity } from '../../../../shared/model'
import { t } from '../../ui/i18n'

/** "About: …" the entities an annotation is tagged with, by name where known. */
export function EntityNames({ ids, byId }: { ids: string[]; byId: ReadonlyMap<string, Entity> }) {
  if (ids.length === 0) return null
  return (
    <div className="small annotation-entities">
      {t('reader.about', { join: ids.map((id) => byId.get(id)?.name ?? id).join(', ') })}
    </div>
  )
}

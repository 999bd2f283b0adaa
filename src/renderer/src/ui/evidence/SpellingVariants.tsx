import { useAddAlias, useSpellingVariants } from '../../api/search'
import type { Entity } from '../../../../shared/model'
import { t } from '../i18n'

/**
 * The spellings of an entity's names that the sources use and the entity does not list
 * ("Masood", "Mas'ud" for "Ahmad Massoud"), each with a button that makes it an alias.
 * Search already finds them; as aliases they also name the entity in exports and pickers.
 */
export function SpellingVariants({ entity }: { entity: Entity }) {
  const variants = useSpellingVariants(entity.id)
  const addAlias = useAddAlias()
  const spellings = variants.data?.spellings ?? []
  if (spellings.length === 0) return null
  const headingId = `spellings-${entity.id}`
  return (
    <section aria-labelledby={headingId} className="spelling-variants">
      <h4 id={headingId}>{t('ui.otherSpellingsInTheSources')}</h4>
      <ul>
        {spellings.map((s) => (
          <li key={s.text}>
            <bdi>{s.text}</bdi>{' '}
            <span className="muted">{t('ui.timesSeen', { count: s.count })}</span>{' '}
            <button
              type="button"
              aria-label={t('ui.addAsAlias2', { text: s.text })}
              disabled={addAlias.isPending}
              onClick={() => addAlias.mutate({ entity, alias: s.text })}
            >
              {t('ui.addAsAlias')}
            </button>
          </li>
        ))}
      </ul>
      {addAlias.isError && <p role="alert">{addAlias.error.message}</p>}
    </section>
  )
}

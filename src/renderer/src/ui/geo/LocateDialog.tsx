import { useState } from 'react'
import {
  searchGazetteer,
  suggestGazetteer,
  type GazetteerEntry,
  type GazetteerMatch,
} from '../../../../shared/geo/gazetteer'
import { gazetteerLinkPatch } from '../../../../shared/geo/place-geography'
import { provinceByIso } from '../../../../shared/geo/provinces'
import type { Entity } from '../../../../shared/model'
import { updateEntity } from '../../api/entities'
import { Dialog } from '../Dialog'
import { t } from '../i18n'

/** "Province", "Chief town of Panjshir", "District in Baghlan". */
export function entryDescription(entry: GazetteerEntry): string {
  if (entry.kind === 'province') return t('ui.province')
  const province = provinceByIso(entry.province)?.name ?? entry.province
  return entry.kind === 'city'
    ? t('ui.chiefTownOf', { province })
    : t('ui.districtIn', { province })
}

/**
 * Locate a place: the gazetteer entries that match its name and aliases (Latin or Dari
 * script, Natural Earth's spellings or common ones), or whatever the analyst types; choosing
 * one links the place to it, which puts it on the map.
 */
export function LocateDialog({ place, onClose }: { place: Entity; onClose(): void }) {
  const [query, setQuery] = useState('')
  const [linking, setLinking] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const matches: GazetteerMatch[] =
    query.trim() === '' ? suggestGazetteer([place.name, ...place.aliases]) : searchGazetteer(query)

  const link = async (entry: GazetteerEntry) => {
    setLinking(entry.id)
    setProblem(null)
    try {
      await updateEntity(place, { attributes: gazetteerLinkPatch(entry, place.attributes) })
      onClose()
    } catch (error) {
      setProblem(`${place.name} was not linked: ${(error as Error).message}`)
      setLinking(null)
    }
  }

  return (
    <Dialog title={t('ui.locate', { name: place.name })} onClose={onClose}>
      <label className="locate-search">
        {t('ui.searchTheGazetteerLatinOrDari')}
        <input
          type="search"
          value={query}
          data-autofocus
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('ui.andarabHilmand')}
        />
      </label>
      <p className="hint">
        {query.trim() === ''
          ? t('ui.matchesForThePlacesNameAnd')
          : t('ui.gazetteerMatchCount', { count: matches.length })}
      </p>
      {matches.length === 0 ? (
        <p className="muted">{t('ui.noEntryOfTheBundledGazetteer')}</p>
      ) : (
        <ul className="locate-matches" aria-label={t('ui.gazetteerMatches')}>
          {matches.map(({ entry, matched }) => (
            <li key={entry.id}>
              <button
                type="button"
                disabled={linking !== null}
                onClick={() => void link(entry)}
                aria-label={t('ui.linkTo', {
                  name: entry.name,
                  entryDescription: entryDescription(entry),
                })}
              >
                <strong>{entry.name}</strong>{' '}
                <span lang="fa" dir="rtl">
                  {entry.nameFa}
                </span>
              </button>{' '}
              <span className="muted">
                {entryDescription(entry)}
                {matched !== entry.name && matched !== entry.nameFa
                  ? t('ui.matched', { matched })
                  : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={onClose}>
          {t('ui.cancel')}
        </button>
      </div>
    </Dialog>
  )
}

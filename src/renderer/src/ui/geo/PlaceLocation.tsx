import { useState } from 'react'
import { gazetteerEntry } from '../../../../shared/geo/gazetteer'
import { placeGeography, UNLOCATE_PATCH } from '../../../../shared/geo/place-geography'
import { provinceByIso } from '../../../../shared/geo/provinces'
import type { Entity } from '../../../../shared/model'
import { updateEntity } from '../../api/entities'
import { mapHref } from '../../routes/links'
import { entryDescription, LocateDialog } from './LocateDialog'
import { t } from '../i18n'
import './geo.css'

/** "District in Baghlan" -> "district in Baghlan": the province keeps its capital. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** Where a place is on the map, and the way to put it there (Locate) or take it off. */
export function PlaceLocation({ place }: { place: Entity }) {
  const [locating, setLocating] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const geography = placeGeography(place.attributes)
  const entry =
    typeof place.attributes.gazetteerId === 'string'
      ? gazetteerEntry(place.attributes.gazetteerId)
      : undefined
  const province = geography?.province ? provinceByIso(geography.province) : undefined

  const unlocate = async () => {
    setProblem(null)
    try {
      await updateEntity(place, { attributes: { ...UNLOCATE_PATCH } })
    } catch (error) {
      setProblem(t('ui.theLocationWasNotRemoved', { message: (error as Error).message }))
    }
  }

  return (
    <section className="place-location" aria-label={t('ui.location')}>
      <p>
        {!geography
          ? t('ui.notOnTheMapNoGazetteer')
          : entry
            ? t('ui.onTheMapAsFromThe', {
                name: entry.name,
                lowerFirst: lowerFirst(entryDescription(entry)),
              })
            : geography.point
              ? t('ui.onTheMapAt', {
                  toFixed: geography.point.lat.toFixed(2),
                  toFixed2: geography.point.lon.toFixed(2),
                  value: province ? `, in ${province.name}` : '',
                })
              : t('ui.onTheMapAsTheProvince', { value: province?.name ?? geography.province })}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => setLocating(true)}>
          {t('ui.locate2')}
        </button>
        {geography && (
          <>
            <a className="button-like" href={mapHref({ placeId: place.id })}>
              {t('ui.showOnMap')}
            </a>
            <button type="button" onClick={() => void unlocate()}>
              {t('ui.removeFromTheMap')}
            </button>
          </>
        )}
      </div>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      {locating && <LocateDialog place={place} onClose={() => setLocating(false)} />}
    </section>
  )
}

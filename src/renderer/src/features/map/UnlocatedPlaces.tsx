import { useState } from 'react'
import type { MapView } from '../../../../shared/geo/map-layers'
import type { MapSelection } from './use-map-state'
import { t } from '../../ui/i18n'

/** The places the map cannot draw, so none is silently missing: each opens to be located. */
export function UnlocatedPlaces({
  unlocated,
  onSelect,
}: {
  unlocated: MapView['unlocated']
  onSelect(selection: MapSelection): void
}) {
  // Drawn only when opened: a large project may have thousands, re-listed on every layer.
  const [open, setOpen] = useState(false)
  if (unlocated.length === 0) return null
  return (
    <details className="unlocated-places" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('map.placesNotOnTheMap', { length: unlocated.length })}</summary>
      <p className="hint">{t('map.openOneAndChooseLocateTo')}</p>
      {open && (
        <ul>
          {unlocated.map(({ place, reason }) => (
            <li key={place.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => onSelect({ kind: 'entity', id: place.id })}
              >
                {place.name}
              </button>{' '}
              <span className="muted">{reason}</span>
            </li>
          ))}
        </ul>
      )}
    </details>
  )
}

import { useState } from 'react'
import type { MapPlace } from '../../../../shared/contract'
import type { MapView } from '../../../../shared/geo/map-layers'
import { provinceByIso } from '../../../../shared/geo/provinces'
import { CloseButton } from '../../ui/CloseButton'
import { EntityPanel } from '../../ui/evidence/EntityPanel'
import { provinceSummary } from './map-text'
import type { MapSelection } from './use-map-state'
import { t } from '../../ui/i18n'

interface MapSidePanelProps {
  selection: MapSelection
  view: MapView
  places: ReadonlyMap<string, MapPlace>
  groupNames: ReadonlyMap<string, string>
  onSelect(selection: MapSelection | null): void
}

/**
 * Beside the map: what a clicked province or point stands on. A province lists the places
 * the project has in it and opens the evidence panel of one (the province itself first):
 * its relations, each with the quotes behind it, and every quote about it.
 */
export function MapSidePanel({ selection, view, places, groupNames, onSelect }: MapSidePanelProps) {
  if (selection.kind === 'entity') {
    return (
      <div className="map-side">
        <EntityPanel
          entityId={selection.id}
          onClose={() => onSelect(null)}
          onOpenEntity={(id) => onSelect({ kind: 'entity', id })}
        />
      </div>
    )
  }
  const province = view.byIso.get(selection.iso)
  if (!province) return null
  return (
    <ProvincePanel
      key={selection.iso}
      iso={selection.iso}
      places={province.placeIds.flatMap((id) => places.get(id) ?? [])}
      summary={provinceSummary(view, province, groupNames)}
      onSelect={onSelect}
    />
  )
}

function ProvincePanel({
  iso,
  places,
  summary,
  onSelect,
}: {
  iso: string
  places: MapPlace[]
  summary: string
  onSelect(selection: MapSelection | null): void
}) {
  const info = provinceByIso(iso)
  // The place that is the province itself comes first: its panel opens at once.
  const ordered = [...places].sort((a, b) => Number(a.point !== null) - Number(b.point !== null))
  const [current, setCurrent] = useState<string | null>(ordered[0]?.id ?? null)
  const name = info?.name ?? iso
  return (
    <div className="map-side">
      <section className="province-panel" aria-labelledby="province-panel-title">
        <header className="evidence-header">
          <h3 id="province-panel-title">
            {name}{' '}
            <span lang="fa" dir="rtl">
              {info?.nameFa}
            </span>
          </h3>
          <span className="badge">{t('map.province')}</span>
          <CloseButton label={t('map.closeTheProvincePanel')} onClick={() => onSelect(null)} />
        </header>
        <p dir="auto">{summary}</p>
        {ordered.length === 0 ? (
          <p className="muted">{t('map.noPlaceInTheProjectLies', { name })}</p>
        ) : (
          <ul className="province-places" aria-label={t('map.placesIn', { name })}>
            {ordered.map((place) => (
              <li key={place.id}>
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={place.id === current}
                  onClick={() => setCurrent(place.id)}
                >
                  {place.name}
                </button>{' '}
                <span className="muted">
                  {place.point ? t('map.aPoint') : t('map.theProvince')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {current && (
        <EntityPanel
          key={current}
          entityId={current}
          onOpenEntity={(id) => onSelect({ kind: 'entity', id })}
        />
      )}
    </div>
  )
}

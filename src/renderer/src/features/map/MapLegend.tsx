import type { MapView } from '../../../../shared/geo/map-layers'
import { t } from '../../ui/i18n'

/** What the colours and line styles of the current layer mean. */
export function MapLegend({ view }: { view: MapView }) {
  return (
    <figure className="map-legend" aria-labelledby="map-legend-title">
      <figcaption id="map-legend-title">{view.title}</figcaption>
      {view.legend.length === 0 ? (
        <p className="hint">{t('map.chooseGroupsToCompareTheirAreas')}</p>
      ) : (
        <ul>
          {view.legend.map((entry) => (
            <li key={entry.label}>
              <svg className="swatch" width="22" height="14" aria-hidden="true">
                {entry.dashed ? (
                  <rect
                    x="1"
                    y="1"
                    width="20"
                    height="12"
                    fill="none"
                    stroke={entry.color}
                    strokeDasharray="5 3"
                    strokeWidth="1.6"
                  />
                ) : (
                  <rect
                    x="0.5"
                    y="0.5"
                    width="21"
                    height="13"
                    fill={entry.color}
                    stroke="#5a6572"
                    strokeWidth="0.8"
                  />
                )}
              </svg>
              <span dir="auto">{entry.label}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t('map.pointsArePlacesInsideAProvince')}</p>
    </figure>
  )
}

import {
  LAYER_VALUE_HEADINGS,
  type MapView,
  type ProvinceView,
} from '../../../../shared/geo/map-layers'
import { provinceByIso } from '../../../../shared/geo/provinces'
import { groupList } from './map-text'
import type { MapSelection } from './use-map-state'
import { t } from '../../ui/i18n'

/** The layer's figure first, then the name: what the map shows darkest comes first. */
function byValue(a: ProvinceView, b: ProvinceView): number {
  return (
    b.value - a.value ||
    (provinceByIso(a.iso)?.name ?? '').localeCompare(provinceByIso(b.iso)?.name ?? '')
  )
}

/**
 * The map as a table, for the keyboard and the screen reader (and for reading exact
 * figures): every province with the layer's figure and the groups operating there (at the
 * province itself or a place inside it). A province's name opens its panel, as clicking its
 * shape does.
 */
export function ProvinceTable({
  view,
  groupNames,
  onSelect,
}: {
  view: MapView
  groupNames: ReadonlyMap<string, string>
  onSelect(selection: MapSelection): void
}) {
  const rows = [...view.provinces].sort(byValue)
  return (
    <table className="province-table">
      <caption>{t('map.provinces', { toLowerCase: view.title.toLowerCase() })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('map.province2')}</th>
          <th scope="col" className="number">
            {LAYER_VALUE_HEADINGS[view.filter.layer]}
          </th>
          <th scope="col">{t('map.groupsOperatingThere')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((province) => {
          const info = provinceByIso(province.iso)
          return (
            <tr key={province.iso} className={province.value > 0 ? '' : 'quiet'}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onSelect({ kind: 'province', iso: province.iso })}
                >
                  {info?.name ?? province.iso}{' '}
                  <span lang="fa" dir="rtl">
                    {info?.nameFa}
                  </span>
                </button>
              </th>
              <td className="number">{province.value}</td>
              <td dir="auto">{groupList(province.groups, groupNames)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/**
 * The map in words: what each province and point carries on the current layer. The same
 * sentence names a shape for a screen reader, fills the hover line and the table, so what
 * is heard, seen and read agree.
 */
import {
  isUnsupported,
  type GroupPresence,
  type MapView,
  type PointView,
  type ProvinceView,
} from '../../../../shared/geo/map-layers'
import { provinceByIso } from '../../../../shared/geo/provinces'
import { t } from '../../ui/i18n'

export function groupList(
  presences: readonly GroupPresence[],
  names: ReadonlyMap<string, string>,
): string {
  return presences
    .map((p) => names.get(p.groupId) ?? t('map.aGroupNoLongerInTheProject'))
    .join(t('ui.listSeparator'))
}

/** "Panjshir (پنجشیر)". */
export function provinceTitle(iso: string): string {
  const province = provinceByIso(iso)
  if (!province) return iso
  return `${province.name} (${province.nameFa})`
}

/** What the province carries on this layer: "2 groups: NRF, NFF", "3 quotes", … */
export function provinceSummary(
  view: MapView,
  province: ProvinceView,
  names: ReadonlyMap<string, string>,
): string {
  const unsupported = isUnsupported(province.groups) ? t('map.noQuoteSupportsIt') : ''
  switch (view.filter.layer) {
    case 'groups':
      return province.groups.length === 0
        ? t('map.noGroups')
        : t('map.groupCountList', {
            count: province.groups.length,
            groups: groupList(province.groups, names),
          }) + unsupported
    case 'quotes':
      return t('map.quoteCount', { count: province.quoteIds.length })
    case 'claims':
      return t('map.claimCount', { count: province.claimIds.length })
    case 'areas': {
      if (province.groups.length === 0) return t('map.noneOfTheChosenGroups')
      const whole = province.areaGroups.length > 0
      const where = whole ? 'map.operatesHere' : 'map.operatesAtAPlaceHere'
      return (
        t(where, { count: province.groups.length, groups: groupList(province.groups, names) }) +
        unsupported
      )
    }
  }
}

/** "Andarab, a place in Baghlan: National Resistance Front operates here". */
export function pointSummary(point: PointView, names: ReadonlyMap<string, string>): string {
  const province = provinceByIso(point.place.province ?? '')?.name
  const groups =
    point.groups.length === 0
      ? t('map.noGroupOnThisLayer')
      : t('map.operatesHere', {
          count: point.groups.length,
          groups: groupList(point.groups, names),
        }) + (isUnsupported(point.groups) ? t('map.noQuoteSupportsIt') : '')
  return province
    ? t('map.placeInProvince', { place: point.place.name, province, groups })
    : t('map.placeAlone', { place: point.place.name, groups })
}

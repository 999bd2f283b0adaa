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

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}

export function groupList(
  presences: readonly GroupPresence[],
  names: ReadonlyMap<string, string>,
): string {
  return presences.map((p) => names.get(p.groupId) ?? 'a group no longer in the project').join(', ')
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
  const unsupported = isUnsupported(province.groups) ? ' (no quote supports it)' : ''
  switch (view.filter.layer) {
    case 'groups':
      return province.groups.length === 0
        ? 'no groups'
        : `${count(province.groups.length, 'group')}: ${groupList(province.groups, names)}${unsupported}`
    case 'quotes':
      return count(province.quoteIds.length, 'quote')
    case 'claims':
      return count(province.claimIds.length, 'claim')
    case 'areas': {
      if (province.groups.length === 0) return 'none of the chosen groups'
      const whole = province.areaGroups.length > 0
      const where = whole ? 'operates here' : 'operates at a place here'
      const verb = province.groups.length === 1 ? where : where.replace('operates', 'operate')
      return `${groupList(province.groups, names)} ${verb}${unsupported}`
    }
  }
}

/** "Andarab, a place in Baghlan: National Resistance Front operates here". */
export function pointSummary(point: PointView, names: ReadonlyMap<string, string>): string {
  const province = provinceByIso(point.place.province ?? '')?.name
  const where = province ? `, a place in ${province}` : ''
  const groups =
    point.groups.length === 0
      ? 'no group on this layer'
      : `${groupList(point.groups, names)} ${point.groups.length === 1 ? 'operates' : 'operate'} here${isUnsupported(point.groups) ? ' (no quote supports it)' : ''}`
  return `${point.place.name}${where}: ${groups}`
}

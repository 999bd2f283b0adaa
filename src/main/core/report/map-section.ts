/**
 * The table printed under a report's map: each province the layer marks, its figure, and
 * the groups operating there with the quotes behind each relation. HTML and Markdown print
 * the same rows, so both number the citations in the same order.
 */
import type { MapRelation } from '../../../shared/contract'
import { provinceByIso } from '../../../shared/geo/provinces'
import type { SectionView } from './document'

type MapSection = Extract<SectionView, { kind: 'map' }>

export interface MapTableEntry {
  /** "National Resistance Front", or "National Resistance Front at Andarab". */
  text: string
  /** The quotes behind the relations, in order: each gets its citation number. */
  annotationIds: string[]
  supported: boolean
}

export interface MapTableRow {
  province: string
  provinceFa: string
  value: number
  entries: MapTableEntry[]
}

export function mapTableRows(section: MapSection): MapTableRow[] {
  const { view, data } = section
  const groupNames = new Map(data.groups.map((g) => [g.id, g.name]))
  const places = new Map(data.places.map((p) => [p.id, p]))
  const relations = new Map<string, MapRelation>(view.relations.map((r) => [r.id, r]))
  const rows: MapTableRow[] = []
  for (const province of view.provinces) {
    if (province.value === 0) continue
    const info = provinceByIso(province.iso)
    const entries: MapTableEntry[] = []
    for (const presence of province.groups) {
      const byPlace = new Map<string, MapRelation[]>()
      for (const id of presence.relationIds) {
        const relation = relations.get(id)
        if (!relation) continue
        const list = byPlace.get(relation.placeId) ?? []
        list.push(relation)
        byPlace.set(relation.placeId, list)
      }
      for (const [placeId, list] of byPlace) {
        const place = places.get(placeId)
        const group = groupNames.get(presence.groupId) ?? presence.groupId
        const at = place && place.point ? ` at ${place.name}` : ''
        entries.push({
          text: `${group}${at}`,
          annotationIds: [...new Set(list.flatMap((r) => r.evidence))],
          supported: list.some((r) => r.evidence.length > 0),
        })
      }
    }
    rows.push({
      province: info?.name ?? province.iso,
      provinceFa: info?.nameFa ?? '',
      value: province.value,
      entries,
    })
  }
  return rows
}

/** Places the map could not draw, named under the table so nothing is silently left out. */
export function unlocatedNote(section: MapSection): string | null {
  const count = section.view.unlocated.length
  if (count === 0) return null
  const names = section.view.unlocated.slice(0, 10).map((u) => u.place.name)
  const more = count > names.length ? ` and ${count - names.length} more` : ''
  return `${count} place${count === 1 ? ' is' : 's are'} not on the map (no gazetteer link, ISO code or coordinates): ${names.join(', ')}${more}.`
}

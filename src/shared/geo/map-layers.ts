/**
 * What a map shows, computed from the map data once for every drawing of it: the live view,
 * its accessible table, the exported SVG and the report's map section. Pure: a layer, the
 * chosen groups and a period in, a value and the groups present per province and per point
 * out, with the colours and legend to draw them.
 */
import type { MapData, MapPlace, MapRelation } from '../api/map'
import { overlapsDateRange, type DateRange } from '../date-range'
import type { MapLayer } from '../model'
import { PROVINCES } from './provinces'

export interface MapFilter {
  layer: MapLayer
  /** The groups the "areas" layer compares, in colour order. */
  groupIds: readonly string[]
  /** Relations (and quotes, by their source's date) outside it are left out. */
  range: DateRange | null
}

/** One group's "operates in" relations to one province or point. */
export interface GroupPresence {
  groupId: string
  relationIds: string[]
  /** At least one of the relations cites a quote. */
  supported: boolean
}

export interface ProvinceView {
  iso: string
  /** The layer's figure: groups, quotes or claims, or chosen groups present. */
  value: number
  /** Groups operating in the province or at a point inside it (chosen ones only, for "areas"). */
  groups: GroupPresence[]
  /** Of those, the groups whose relation names the province itself (fills its shape). */
  areaGroups: GroupPresence[]
  /** Places in the province: the province itself and the points inside it. */
  placeIds: string[]
  quoteIds: string[]
  claimIds: string[]
}

export interface PointView {
  place: MapPlace & { point: NonNullable<MapPlace['point']> }
  groups: GroupPresence[]
}

export interface LegendEntry {
  label: string
  color: string
  /** Drawn as a dashed outline rather than a swatch (unsupported relations). */
  dashed?: boolean
}

export interface MapView {
  filter: MapFilter
  /** Every province, in name order. */
  provinces: ProvinceView[]
  byIso: ReadonlyMap<string, ProvinceView>
  points: PointView[]
  /** The relations the map draws (in the period; the chosen groups' only, for "areas"). */
  relations: MapRelation[]
  /** Places the map cannot draw, with the reason. */
  unlocated: { place: MapPlace; reason: string }[]
  max: number
  title: string
  legend: LegendEntry[]
  /** The colour of each chosen group, by id. */
  groupColors: ReadonlyMap<string, string>
}

export const LAYER_TITLES: Record<MapLayer, string> = {
  groups: 'Groups per province',
  quotes: 'Quotes per province',
  claims: 'Claims per province',
  areas: 'Areas of operation of chosen groups',
}

/** The heading of the layer's figure in a table of provinces (the view's and the report's). */
export const LAYER_VALUE_HEADINGS: Record<MapLayer, string> = {
  groups: 'Groups',
  quotes: 'Quotes',
  claims: 'Claims',
  areas: 'Chosen groups',
}

/** A light-to-dark sequential ramp for counts; zero stays neutral. */
const RAMP = ['#d6e6f4', '#9ec5e4', '#5f9dd0', '#2f6fae', '#123f73'] as const
export const ZERO_FILL = '#eef0f3'

/** Okabe and Ito's palette, told apart by most colour-blind readers; black last. */
const GROUP_COLORS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
  '#000000',
] as const

export interface CountClass {
  from: number
  to: number
  color: string
}

/**
 * Classes for counts 1..max: one per value up to five, else five of equal width. Colours
 * spread over the whole ramp, so two classes are light and dark rather than two lights.
 */
export function countClasses(max: number): CountClass[] {
  if (max <= 0) return []
  const n = Math.min(max, RAMP.length)
  const width = max / n
  return Array.from({ length: n }, (_, i) => {
    const from = i === 0 ? 1 : Math.floor(i * width) + 1
    const to = i === n - 1 ? max : Math.floor((i + 1) * width)
    const shade = n === 1 ? RAMP.length - 2 : Math.round((i * (RAMP.length - 1)) / (n - 1))
    return { from, to, color: RAMP[shade]! }
  })
}

export function countColor(value: number, classes: readonly CountClass[]): string {
  if (value <= 0) return ZERO_FILL
  return (
    (classes.find((c) => value >= c.from && value <= c.to) ?? classes[classes.length - 1])?.color ??
    ZERO_FILL
  )
}

/**
 * Adds a relation to the presence of its group in a list, found through an index by group
 * (a busy province has hundreds of groups, a project thousands of relations).
 */
function presenceIn(
  list: GroupPresence[],
  index: WeakMap<GroupPresence[], Map<string, GroupPresence>>,
  relation: MapRelation,
  supported: boolean,
): void {
  let byGroup = index.get(list)
  if (!byGroup) index.set(list, (byGroup = new Map()))
  const found = byGroup.get(relation.groupId)
  if (found) {
    found.relationIds.push(relation.id)
    found.supported ||= supported
  } else {
    const presence = { groupId: relation.groupId, relationIds: [relation.id], supported }
    list.push(presence)
    byGroup.set(relation.groupId, presence)
  }
}

function inPeriod(range: DateRange | null, date: string | undefined): boolean {
  return overlapsDateRange(range, date, date)
}

export function mapView(data: MapData, filter: MapFilter): MapView {
  const chosen = new Set(filter.groupIds)
  const comparing = filter.layer === 'areas'
  const provinces = PROVINCES.map((p): ProvinceView => ({
    iso: p.iso,
    value: 0,
    groups: [],
    areaGroups: [],
    placeIds: [],
    quoteIds: [],
    claimIds: [],
  }))
  const byIso = new Map(provinces.map((p) => [p.iso, p]))

  const located = new Map<string, MapPlace>()
  const points = new Map<string, PointView>()
  const unlocated: MapView['unlocated'] = []
  for (const place of data.places) {
    const province = place.province ? byIso.get(place.province) : undefined
    if (!province) {
      unlocated.push({
        place,
        reason: place.point
          ? 'its point lies outside the provinces on the map'
          : 'no gazetteer link, ISO code or coordinates',
      })
      continue
    }
    located.set(place.id, place)
    province.placeIds.push(place.id)
    if (place.point) points.set(place.id, { place: { ...place, point: place.point }, groups: [] })
  }

  const relations: MapRelation[] = []
  const presences = new WeakMap<GroupPresence[], Map<string, GroupPresence>>()
  for (const relation of data.relations) {
    const place = located.get(relation.placeId)
    if (!place) continue
    if (!overlapsDateRange(filter.range, relation.validFrom, relation.validTo)) continue
    if (comparing && !chosen.has(relation.groupId)) continue
    relations.push(relation)
    const supported = relation.evidence.length > 0
    const province = byIso.get(place.province!)!
    presenceIn(province.groups, presences, relation, supported)
    const point = points.get(place.id)
    if (point) presenceIn(point.groups, presences, relation, supported)
    else presenceIn(province.areaGroups, presences, relation, supported)
  }

  for (const quote of data.quotes) {
    if (filter.range && !inPeriod(filter.range, quote.date)) continue
    const seen = new Set<ProvinceView>()
    for (const placeId of quote.placeIds) {
      const place = located.get(placeId)
      const province = place && byIso.get(place.province!)
      if (!province || seen.has(province)) continue
      seen.add(province)
      province.quoteIds.push(quote.id)
      if (quote.kind === 'claim') province.claimIds.push(quote.id)
    }
  }

  let max = 0
  for (const province of provinces) {
    province.value =
      filter.layer === 'quotes'
        ? province.quoteIds.length
        : filter.layer === 'claims'
          ? province.claimIds.length
          : province.groups.length
    max = Math.max(max, province.value)
  }

  const groupNames = new Map(data.groups.map((g) => [g.id, g.name]))
  const groupColors = new Map(
    filter.groupIds.map((id, i) => [id, GROUP_COLORS[i % GROUP_COLORS.length]!] as const),
  )
  return {
    filter,
    provinces,
    byIso,
    points: [...points.values()],
    relations,
    unlocated,
    max,
    title: LAYER_TITLES[filter.layer],
    legend: legendFor(filter, max, groupNames, groupColors),
    groupColors,
  }
}

function legendFor(
  filter: MapFilter,
  max: number,
  groupNames: ReadonlyMap<string, string>,
  groupColors: ReadonlyMap<string, string>,
): LegendEntry[] {
  const unsupported: LegendEntry = {
    label: 'Dashed: no quote supports the relation',
    color: '#444444',
    dashed: true,
  }
  if (filter.layer === 'areas') {
    if (filter.groupIds.length === 0) return []
    return [
      ...filter.groupIds.map((id) => ({
        label: groupNames.get(id) ?? 'A group no longer in the project',
        color: groupColors.get(id)!,
      })),
      unsupported,
    ]
  }
  const what = filter.layer === 'groups' ? 'group' : filter.layer === 'quotes' ? 'quote' : 'claim'
  const plural = (n: number): string => `${n} ${what}${n === 1 ? '' : 's'}`
  return [
    { label: `No ${what}s`, color: ZERO_FILL },
    ...countClasses(max).map((c) => ({
      label: c.from === c.to ? plural(c.from) : `${c.from}–${plural(c.to)}`,
      color: c.color,
    })),
  ]
}

/** How a province is filled: a colour, or stripes of several groups' colours. */
export type ProvinceFill =
  { kind: 'color'; color: string } | { kind: 'stripes'; id: string; colors: string[] }

export function provinceFill(view: MapView, province: ProvinceView): ProvinceFill {
  if (view.filter.layer !== 'areas') {
    return { kind: 'color', color: countColor(province.value, countClasses(view.max)) }
  }
  const colors = province.areaGroups.map((g) => view.groupColors.get(g.groupId)!)
  if (colors.length === 0) return { kind: 'color', color: ZERO_FILL }
  if (colors.length === 1) return { kind: 'color', color: colors[0]! }
  const indexes = province.areaGroups.map((g) => view.filter.groupIds.indexOf(g.groupId))
  return { kind: 'stripes', id: `stripes-${indexes.join('-')}`, colors }
}

/** The stripe patterns a map needs, once each. */
export function stripePatterns(view: MapView): { id: string; colors: string[] }[] {
  const patterns = new Map<string, string[]>()
  for (const province of view.provinces) {
    const fill = provinceFill(view, province)
    if (fill.kind === 'stripes') patterns.set(fill.id, fill.colors)
  }
  return [...patterns].map(([id, colors]) => ({ id, colors }))
}

/**
 * Whether the province's shape carries something on this layer (a label and a strong
 * outline). On "areas" that is a group operating in the province itself: a group known only
 * at a point inside it lights the point, not the whole province.
 */
export function isProminent(view: MapView, province: ProvinceView): boolean {
  return view.filter.layer === 'areas' ? province.areaGroups.length > 0 : province.value > 0
}

/** Whether a point is labelled: on "areas", the points of the chosen groups. */
export function isLabelledPoint(view: MapView, point: PointView): boolean {
  return view.filter.layer === 'areas' && point.groups.length > 0
}

/** A province's relations are drawn dashed when none of those filling it cites a quote. */
export function isUnsupported(presences: readonly GroupPresence[]): boolean {
  return presences.length > 0 && presences.every((p) => !p.supported)
}

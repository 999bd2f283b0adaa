/**
 * Where a place entity is, from its attributes: its own coordinates and ISO 3166-2 code
 * first, then the gazetteer entry it is linked to, then the province its point falls in.
 * What "Locate" writes when the analyst links a gazetteer entry.
 */
import { gazetteerEntry, type GazetteerEntry } from './gazetteer'
import { provinceAt } from './map-geometry'
import { provinceByIso, type GeoPoint } from './provinces'

export interface PlaceGeography {
  /** ISO code of the province the place is or lies in; null when it lies in none we draw. */
  province: string | null
  /** Where to put a point; null for a place drawn as its province. */
  point: GeoPoint | null
  /** Drawn as the shape of its province: a province, or a place known only by its province. */
  area: boolean
  /** The linked gazetteer entry, when there is one the app knows. */
  entry: GazetteerEntry | null
}

const AREA_KINDS = new Set(['province', 'region', 'country'])

function pointOf(attributes: Readonly<Record<string, unknown>>): GeoPoint | null {
  const { latitude, longitude } = attributes
  return typeof latitude === 'number' && typeof longitude === 'number'
    ? { lat: latitude, lon: longitude }
    : null
}

/**
 * The place's geography, or null when nothing in its attributes says where it is. A place
 * whose kind is province (or whose gazetteer entry is one) is its province's shape, even
 * with coordinates; anything else with coordinates is a point.
 */
export function placeGeography(
  attributes: Readonly<Record<string, unknown>>,
): PlaceGeography | null {
  const linked =
    typeof attributes.gazetteerId === 'string' ? gazetteerEntry(attributes.gazetteerId) : undefined
  const entry = linked ?? null
  const ownIso =
    typeof attributes.iso3166Code === 'string' && provinceByIso(attributes.iso3166Code)
      ? attributes.iso3166Code.toUpperCase()
      : null
  const isArea =
    entry?.kind === 'province' ||
    (typeof attributes.placeKind === 'string' && AREA_KINDS.has(attributes.placeKind))
  const point = isArea ? null : (pointOf(attributes) ?? (entry ? entry.point : null))
  const province = ownIso ?? entry?.province ?? (point ? provinceAt(point) : null)
  if (!province && !point) return null
  return { province, point, area: point === null, entry }
}

/** The attribute patch that links a place to a gazetteer entry (Locate). */
export function gazetteerLinkPatch(
  entry: GazetteerEntry,
  attributes: Readonly<Record<string, unknown>>,
): Record<string, string | number | null> {
  const isPoint = entry.kind !== 'province'
  return {
    gazetteerId: entry.id,
    iso3166Code: entry.province,
    latitude: isPoint ? entry.point.lat : null,
    longitude: isPoint ? entry.point.lon : null,
    ...(typeof attributes.placeKind === 'string' ? {} : { placeKind: entry.kind }),
    ...(typeof attributes.country === 'string' ? {} : { country: 'Afghanistan' }),
  }
}

/** The patch that takes a place off the map: its link, code and coordinates go. */
export const UNLOCATE_PATCH = {
  gazetteerId: null,
  iso3166Code: null,
  latitude: null,
  longitude: null,
} as const

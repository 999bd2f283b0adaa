/**
 * The map's drawing geometry, shared by the live view (renderer) and the printed map
 * (core/report): one projection of the bundled provinces onto a fixed canvas, the SVG path
 * of each province, and which province a point falls in. Pure d3-geo: no DOM.
 */
import {
  geoBounds,
  geoConicEqualArea,
  geoContains,
  geoPath,
  type GeoPermissibleObjects,
  type GeoProjection,
} from 'd3-geo'
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { feature, mesh } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { PROVINCES_TOPOLOGY, type GeoPoint } from './provinces'

/** The canvas every map is drawn on (SVG user units); views scale it to fit. */
export const MAP_WIDTH = 1000
export const MAP_HEIGHT = 800
const MARGIN = 12

interface ProvinceProperties {
  iso_3166_2: string
}

type ProvinceFeature = Feature<Polygon | MultiPolygon, ProvinceProperties>

export interface ProvinceShape {
  iso: string
  /** SVG path data on the map canvas. */
  path: string
  /** The province's label point, projected. */
  label: [number, number]
  /** Its bounding box on the canvas: [[left, top], [right, bottom]]. */
  bounds: [[number, number], [number, number]]
}

export interface MapGeometry {
  provinces: readonly ProvinceShape[]
  /** Borders between provinces, as one path (drawn once, not twice per shared edge). */
  innerBorders: string
  /** The country's outline. */
  outline: string
  /** Projects longitude/latitude onto the canvas; null when the projection cannot. */
  project(point: GeoPoint): [number, number] | null
  /** Canvas coordinates back to a point (for the pointer). */
  invert(x: number, y: number): GeoPoint | null
}

function provinceFeatures(): FeatureCollection<Polygon | MultiPolygon, ProvinceProperties> {
  const topology = PROVINCES_TOPOLOGY as unknown as Topology<{
    'afg-adm1': GeometryCollection<ProvinceProperties>
  }>
  return feature(topology, topology.objects['afg-adm1']) as FeatureCollection<
    Polygon | MultiPolygon,
    ProvinceProperties
  >
}

/**
 * An equal-area conic centred on Afghanistan: a choropleth compares provinces by colour,
 * and an equal-area projection keeps big provinces from looking weightier than they are.
 */
function projectionFor(collection: GeoPermissibleObjects): GeoProjection {
  return geoConicEqualArea()
    .parallels([31, 37])
    .rotate([-67, 0])
    .fitExtent(
      [
        [MARGIN, MARGIN],
        [MAP_WIDTH - MARGIN, MAP_HEIGHT - MARGIN],
      ],
      collection,
    )
}

let geometry: MapGeometry | undefined

/** The geometry, computed once (about 20 ms) and kept. */
export function mapGeometry(): MapGeometry {
  geometry ??= buildGeometry()
  return geometry
}

function buildGeometry(): MapGeometry {
  const collection = provinceFeatures()
  const projection = projectionFor(collection)
  const path = geoPath(projection).digits(1)
  const topology = PROVINCES_TOPOLOGY as unknown as Topology<{
    'afg-adm1': GeometryCollection<ProvinceProperties>
  }>
  const object = topology.objects['afg-adm1']
  const labels = new Map(
    object.geometries.map((g) => {
      const p = g.properties as ProvinceProperties & { label_lat: number; label_lon: number }
      return [p.iso_3166_2, { lat: p.label_lat, lon: p.label_lon }] as const
    }),
  )
  const project = (point: GeoPoint): [number, number] | null => {
    const xy = projection([point.lon, point.lat])
    return xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1]) ? [xy[0], xy[1]] : null
  }
  return {
    provinces: collection.features.map((f) => ({
      iso: f.properties.iso_3166_2,
      path: path(f) ?? '',
      label: project(labels.get(f.properties.iso_3166_2)!) ?? [0, 0],
      bounds: path.bounds(f),
    })),
    innerBorders: path(mesh(topology, object, (a, b) => a !== b)) ?? '',
    outline: path(mesh(topology, object, (a, b) => a === b)) ?? '',
    project,
    invert(x, y) {
      const lonLat = projection.invert?.([x, y])
      return lonLat ? { lon: lonLat[0], lat: lonLat[1] } : null
    },
  }
}

// ---------------------------------------------------------------- point in province

interface Lookup {
  features: {
    iso: string
    feature: ProvinceFeature
    bounds: [[number, number], [number, number]]
  }[]
}

let lookup: Lookup | undefined

function provinceLookup(): Lookup {
  lookup ??= {
    features: provinceFeatures().features.map((f) => ({
      iso: f.properties.iso_3166_2,
      feature: f,
      bounds: geoBounds(f),
    })),
  }
  return lookup
}

/** Points already placed: the answer depends on the coordinates alone. */
const placed = new Map<string, string | null>()
const PLACED_LIMIT = 100_000

/**
 * The ISO code of the province a point lies in, or null outside every province. A bounding
 * box check first, so a point costs one or two polygon tests rather than 34.
 */
export function provinceAt(point: GeoPoint): string | null {
  const key = `${point.lat},${point.lon}`
  const known = placed.get(key)
  if (known !== undefined) return known
  let found: string | null = null
  for (const { iso, feature: f, bounds } of provinceLookup().features) {
    const [[west, south], [east, north]] = bounds
    if (point.lon < west || point.lon > east || point.lat < south || point.lat > north) continue
    if (geoContains(f, [point.lon, point.lat])) {
      found = iso
      break
    }
  }
  if (placed.size >= PLACED_LIMIT) placed.clear()
  placed.set(key, found)
  return found
}

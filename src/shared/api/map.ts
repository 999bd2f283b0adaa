import { z } from 'zod'
import { AnnotationKind, Id, IsoDate, MAP_LAYERS, MAX_MAP_GROUPS } from '../model'
import { method, NoInput } from './method'

const GeoPoint = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
})

/** A place entity as the map sees it: where it is, if anywhere. */
export const MapPlace = z.strictObject({
  id: Id,
  name: z.string(),
  /** Dari name (from the gazetteer, or an alias in Arabic script), for labels. */
  nameFa: z.string().optional(),
  /** ISO 3166-2 code of the province the place is or lies in; null when it is not on the map. */
  province: z.string().nullable(),
  /** The point drawn for it; null for a place drawn as its province's shape. */
  point: GeoPoint.nullable(),
  /** The linked gazetteer entry, if any. */
  gazetteerId: z.string().optional(),
})
export type MapPlace = z.infer<typeof MapPlace>

/** An "operates in" relation from a group to a place. */
export const MapRelation = z.strictObject({
  id: Id,
  groupId: Id,
  placeId: Id,
  validFrom: IsoDate.optional(),
  validTo: IsoDate.optional(),
  /** The annotations behind it that still exist; empty means unsupported. */
  evidence: z.array(Id),
})
export type MapRelation = z.infer<typeof MapRelation>

/** A quote about places: linked to them, or cited by one of their relations. */
export const MapQuote = z.strictObject({
  id: Id,
  kind: AnnotationKind,
  /** Its source's publication date, which a period filters by. */
  date: IsoDate.optional(),
  placeIds: z.array(Id),
})
export type MapQuote = z.infer<typeof MapQuote>

export const MapData = z.strictObject({
  places: z.array(MapPlace),
  groups: z.array(z.strictObject({ id: Id, name: z.string() })),
  relations: z.array(MapRelation),
  quotes: z.array(MapQuote),
})
export type MapData = z.infer<typeof MapData>

export const MAP_LABEL_SCRIPTS = ['latin', 'dari', 'both'] as const
export type MapLabelScript = (typeof MAP_LABEL_SCRIPTS)[number]

/** What a drawn map shows: the layer, the groups it compares, the period, the labels. */
export const MapQuery = z.strictObject({
  layer: z.enum(MAP_LAYERS),
  groupIds: z.array(Id).max(MAX_MAP_GROUPS),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  labels: z.enum(MAP_LABEL_SCRIPTS).optional(),
})
export type MapQuery = z.infer<typeof MapQuery>

export const mapMethods = {
  /** Every place with its geography, the groups, their "operates in" relations and quotes about places. */
  'map.data': method(NoInput, MapData),
  /** The map as a standalone SVG file (fonts embedded, legend drawn), for export. */
  'map.svg': method(
    MapQuery,
    z.strictObject({
      svg: z.string(),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
    }),
  ),
} as const

/**
 * The map's data: every place with its geography (shared/geo resolves it from the place's
 * attributes and the gazetteer), the groups, their "operates in" relations and the quotes
 * about places. Layers, periods and counts are computed from this by shared/geo/map-layers,
 * in the view and in reports alike.
 */
import type {
  MapData,
  MapPlace,
  MapQuery,
  MapQuote,
  MapRelation,
  ParsedInput,
} from '../../../shared/contract'
import { mapView, LAYER_TITLES, type MapView } from '../../../shared/geo/map-layers'
import { placeGeography } from '../../../shared/geo/place-geography'
import type { Entity } from '../../../shared/model'
import type { ProjectStore } from '../project-store'
import { embeddedFontFaces } from '../report/fonts'
import { drawMapSvg } from '../report/map-svg'

const ARABIC_SCRIPT = /\p{Script=Arabic}/u

function mapPlace(entity: Entity): MapPlace {
  const geography = placeGeography(entity.attributes)
  const nameFa = geography?.entry?.nameFa ?? entity.aliases.find((a) => ARABIC_SCRIPT.test(a))
  return {
    id: entity.id,
    name: entity.name,
    ...(nameFa ? { nameFa } : {}),
    province: geography?.province ?? null,
    point: geography?.point ?? null,
    ...(geography?.entry ? { gazetteerId: geography.entry.id } : {}),
  }
}

const cache = new WeakMap<ProjectStore, { revision: number; data: MapData }>()

/** Built once per revision of the project: switching layers or periods re-reads nothing. */
export function mapData(store: ProjectStore): MapData {
  const cached = cache.get(store)
  if (cached && cached.revision === store.revision) return cached.data
  const data = buildMapData(store)
  cache.set(store, { revision: store.revision, data })
  return data
}

function buildMapData(store: ProjectStore): MapData {
  const file = store.data
  const places: MapPlace[] = []
  const groups: MapData['groups'] = []
  for (const entity of file.entities) {
    if (entity.type === 'place') places.push(mapPlace(entity))
    else if (entity.type === 'group') groups.push({ id: entity.id, name: entity.name })
  }
  groups.sort((a, b) => a.name.localeCompare(b.name))
  const placeIds = new Set(places.map((p) => p.id))
  const groupIds = new Set(groups.map((g) => g.id))
  const annotations = new Map(file.annotations.map((a) => [a.id, a]))

  const relations: MapRelation[] = []
  const placesOfQuote = new Map<string, Set<string>>()
  const touch = (annotationId: string, placeId: string): void => {
    let set = placesOfQuote.get(annotationId)
    if (!set) placesOfQuote.set(annotationId, (set = new Set()))
    set.add(placeId)
  }
  for (const relation of file.relations) {
    const evidence = relation.evidence.filter((id) => annotations.has(id))
    for (const end of [relation.from, relation.to]) {
      if (placeIds.has(end)) for (const id of evidence) touch(id, end)
    }
    if (relation.type !== 'operates-in') continue
    if (!groupIds.has(relation.from) || !placeIds.has(relation.to)) continue
    relations.push({
      id: relation.id,
      groupId: relation.from,
      placeId: relation.to,
      ...(relation.validFrom ? { validFrom: relation.validFrom } : {}),
      ...(relation.validTo ? { validTo: relation.validTo } : {}),
      evidence,
    })
  }
  for (const annotation of file.annotations) {
    for (const id of annotation.entityIds) if (placeIds.has(id)) touch(annotation.id, id)
  }

  const sourceDates = new Map(file.sources.map((s) => [s.id, s.publishedAt]))
  const quotes: MapQuote[] = []
  for (const [id, placeSet] of placesOfQuote) {
    const annotation = annotations.get(id)!
    const date = sourceDates.get(annotation.sourceId)
    quotes.push({ id, kind: annotation.kind, ...(date ? { date } : {}), placeIds: [...placeSet] })
  }
  return { places, groups, relations, quotes }
}

/** The view a query asks for, on the project's data. */
export function mapViewFor(store: ProjectStore, query: Omit<MapQuery, 'labels'>): MapView {
  return mapView(mapData(store), {
    layer: query.layer,
    groupIds: query.groupIds,
    range: query.from || query.to ? { from: query.from ?? null, to: query.to ?? null } : null,
  })
}

/** "1 Jan 2022 – open", for a caption. */
export function periodText(from: string | undefined, to: string | undefined): string {
  if (!from && !to) return 'All dates'
  return `${from ?? 'any date'} – ${to ?? 'any date'}`
}

/** The map as a file of its own: fonts embedded so Dari labels read the same anywhere. */
export function mapSvg(
  store: ProjectStore,
  input: ParsedInput<'map.svg'>,
): ReturnType<typeof drawMapSvg> {
  const view = mapViewFor(store, input)
  const data = mapData(store)
  const names = new Map(data.groups.map((g) => [g.id, g.name]))
  const chosen = input.groupIds.map((id) => names.get(id)).filter(Boolean)
  const title =
    input.layer !== 'areas' || chosen.length === 0
      ? LAYER_TITLES[input.layer]
      : chosen.length === 1
        ? `Areas of operation: ${chosen[0]}`
        : `Areas of operation of ${chosen.length} groups`
  return drawMapSvg(view, data, {
    title: `Map of Afghanistan: ${title}`,
    labels: input.labels ?? 'latin',
    heading: {
      title,
      subtitle: `${store.data.project.name} · ${periodText(input.from, input.to)}`,
    },
    style: embeddedFontFaces(),
  })
}

/**
 * The hash routes views link to each other with. A feature never imports another feature;
 * it links to it through these: the reader at a quote or a search hit, a note, the grid that
 * shows an entity.
 */
import { ENTITY_GRIDS } from './entity-grids'

export const SOURCES_HREF = '#/sources'

/** `#/sources/<id>`, or with `?a=<annotationId>` to scroll to and highlight that annotation. */
export function readerHref(sourceId: string, annotationId?: string): string {
  const base = `${SOURCES_HREF}/${encodeURIComponent(sourceId)}`
  return annotationId ? `${base}?a=${encodeURIComponent(annotationId)}` : base
}

/** Opens a source at a range of its text (a search hit), shown highlighted. */
export function readerRangeHref(sourceId: string, start: number, end: number): string {
  return `${SOURCES_HREF}/${encodeURIComponent(sourceId)}?at=${start}-${end}`
}

/** Opens a source with its Suggestions panel beside the text (right after an import). */
export function readerSuggestionsHref(sourceId: string): string {
  return `${SOURCES_HREF}/${encodeURIComponent(sourceId)}?panel=suggestions`
}

export interface ReaderRoute {
  sourceId: string | null
  annotationId: string | null
  range: { start: number; end: number } | null
  /** The panel beside the text; the annotations unless the link asks for the suggestions. */
  panel?: 'suggestions'
}

/** Reads a `#/sources…` hash; anything else means the sources list. */
export function parseReaderHash(hash: string): ReaderRoute {
  const match = /^#\/?sources\/([^?]+)(?:\?(.*))?$/.exec(hash)
  if (!match?.[1]) return { sourceId: null, annotationId: null, range: null }
  const params = new URLSearchParams(match[2] ?? '')
  const at = /^(\d+)-(\d+)$/.exec(params.get('at') ?? '')
  return {
    sourceId: decodeURIComponent(match[1]),
    annotationId: params.get('a'),
    range: at ? { start: Number(at[1]), end: Number(at[2]) } : null,
    ...(params.get('panel') === 'suggestions' ? { panel: 'suggestions' as const } : {}),
  }
}

export const NOTES_HREF = '#/notes'

export function noteHref(noteId: string): string {
  return `${NOTES_HREF}/${encodeURIComponent(noteId)}`
}

/** The note id of a `#/notes/<id>` hash, or null for the list alone. */
export function noteIdFromHash(hash: string): string | null {
  return idInHash('notes', hash)
}

/** The record id after `#/<view>/`, decoded; null for the view alone or a broken escape. */
function idInHash(view: string, hash: string): string | null {
  const match = new RegExp(`^#/?${view}/([^/?#]+)`).exec(hash)
  if (!match?.[1]) return null
  try {
    return decodeURIComponent(match[1])
  } catch {
    return null
  }
}

/** The grid of the entity's type with the entity's panel open (types without a grid: groups). */
export function entityViewHref(entityId: string, type: string): string {
  const route = (ENTITY_GRIDS as Record<string, { route: string } | undefined>)[type]?.route
  return `#/${route ?? 'groups'}?e=${encodeURIComponent(entityId)}`
}

const MAP_HREF = '#/map'

/** What the Map view opens on: a layer, the groups it compares, a place's panel. */
export interface MapRoute {
  /** A layer name as written in the link; the view checks it. */
  layer: string | null
  groupIds: string[]
  placeId: string | null
}

/**
 * `#/map?g=<id>,<id>` compares those groups' areas, `&layer=quotes` picks a layer,
 * `&place=<id>` opens a place's panel.
 */
export function mapHref(route: Partial<MapRoute> = {}): string {
  const params = new URLSearchParams()
  if (route.layer) params.set('layer', route.layer)
  if (route.groupIds && route.groupIds.length > 0) params.set('g', route.groupIds.join(','))
  if (route.placeId) params.set('place', route.placeId)
  const query = params.toString()
  return query ? `${MAP_HREF}?${query}` : MAP_HREF
}

export function parseMapHash(hash: string): MapRoute {
  const match = /^#\/?map(?:\?(.*))?$/.exec(hash)
  const params = new URLSearchParams(match?.[1] ?? '')
  return {
    layer: params.get('layer') || null,
    groupIds: (params.get('g') ?? '').split(',').filter((id) => id !== ''),
    placeId: params.get('place') || null,
  }
}

const GRAPH_HREF = '#/graph'

/**
 * What the Graph view shows, as its URL keeps it: the whole graph, or an exploration that
 * starts from `focus` (the entities and what lies within `depth` relations of them) and grows
 * by the entities whose neighbours were added one by one (`expanded`).
 */
export type GraphRoute =
  | { kind: 'default' }
  | { kind: 'all' }
  | { kind: 'explore'; focus: readonly string[]; depth: number; expanded: readonly string[] }

export const GRAPH_DEPTHS = [1, 2, 3] as const
export const DEFAULT_GRAPH_DEPTH = 2

function idList(value: string | null): string[] {
  if (!value) return []
  return [...new Set(value.split(',').filter((id) => id.length > 0))]
}

/** `#/graph`, `#/graph?all`, or `#/graph?focus=<ids>&depth=<n>[&expand=<ids>]`. */
export function graphHref(route: GraphRoute): string {
  if (route.kind === 'default') return GRAPH_HREF
  if (route.kind === 'all') return `${GRAPH_HREF}?all`
  const ids = (list: readonly string[]): string => list.map(encodeURIComponent).join(',')
  const params: string[] = []
  if (route.focus.length > 0) params.push(`focus=${ids(route.focus)}`, `depth=${route.depth}`)
  if (route.expanded.length > 0) params.push(`expand=${ids(route.expanded)}`)
  return params.length > 0 ? `${GRAPH_HREF}?${params.join('&')}` : GRAPH_HREF
}

/** The Graph view centred on one entity and what lies within two relations of it. */
export function graphFocusHref(entityId: string): string {
  return graphHref({ kind: 'explore', focus: [entityId], depth: DEFAULT_GRAPH_DEPTH, expanded: [] })
}

/** Reads a `#/graph…` hash; a depth out of range falls back to the default one. */
export function parseGraphHash(hash: string): GraphRoute {
  const match = /^#\/?graph(?:\?(.*))?$/.exec(hash)
  const params = new URLSearchParams(match?.[1] ?? '')
  if (params.has('all')) return { kind: 'all' }
  const focus = idList(params.get('focus'))
  const expanded = idList(params.get('expand'))
  if (focus.length === 0 && expanded.length === 0) return { kind: 'default' }
  const depth = Number(params.get('depth'))
  return {
    kind: 'explore',
    focus,
    depth: (GRAPH_DEPTHS as readonly number[]).includes(depth) ? depth : DEFAULT_GRAPH_DEPTH,
    expanded,
  }
}

export const ANALYSES_HREF = '#/analyses'

export function analysisHref(analysisId: string): string {
  return `${ANALYSES_HREF}/${encodeURIComponent(analysisId)}`
}

/** The analysis id of a `#/analyses/<id>` hash, or null for the list alone. */
export function analysisIdFromHash(hash: string): string | null {
  return idInHash('analyses', hash)
}

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

export interface ReaderRoute {
  sourceId: string | null
  annotationId: string | null
  range: { start: number; end: number } | null
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
  }
}

export const NOTES_HREF = '#/notes'

export function noteHref(noteId: string): string {
  return `${NOTES_HREF}/${encodeURIComponent(noteId)}`
}

/** The note id of a `#/notes/<id>` hash, or null for the list alone. */
export function noteIdFromHash(hash: string): string | null {
  const match = /^#\/?notes\/([^/?#]+)/.exec(hash)
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

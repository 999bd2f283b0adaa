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

export const ANALYSES_HREF = '#/analyses'

export function analysisHref(analysisId: string): string {
  return `${ANALYSES_HREF}/${encodeURIComponent(analysisId)}`
}

/** The analysis id of a `#/analyses/<id>` hash, or null for the list alone. */
export function analysisIdFromHash(hash: string): string | null {
  return idInHash('analyses', hash)
}

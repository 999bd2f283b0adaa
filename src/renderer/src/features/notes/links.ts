/**
 * Routes the notes feature links to: its own (`#/notes/<id>`), the reader scrolled to a
 * quote, and the grid that shows an entity.
 */
import { ENTITY_GRIDS } from '../grid/entityTypes'
import { readerHref } from '../reader/links'

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

/** The reader on a source, scrolled to one highlighted annotation. */
export function quoteHref(sourceId: string, annotationId: string): string {
  return readerHref(sourceId, annotationId)
}

/** The grid of the entity's type with the entity's panel open. */
export function entityViewHref(entityId: string, type: string): string {
  const route = (ENTITY_GRIDS as Record<string, { route: string } | undefined>)[type]?.route
  return `#/${route ?? 'groups'}?e=${encodeURIComponent(entityId)}`
}

/**
 * Links into the reader. Other views (grid evidence, notes citations, search) open a
 * source scrolled to an annotation or to a range of its text with these.
 */

/** `#/sources/<id>`, or with `?a=<annotationId>` to scroll to and highlight that annotation. */
export function readerHref(sourceId: string, annotationId?: string): string {
  const base = `#/sources/${encodeURIComponent(sourceId)}`
  return annotationId ? `${base}?a=${encodeURIComponent(annotationId)}` : base
}

/** Opens a source at a range of its text (a search hit), shown highlighted. */
export function readerRangeHref(sourceId: string, start: number, end: number): string {
  return `#/sources/${encodeURIComponent(sourceId)}?at=${start}-${end}`
}

export const SOURCES_HREF = '#/sources'

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

import type { SearchHit } from '../../../../shared/contract'

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end
}

function rangeOf(hit: SearchHit): { start: number; end: number } | null {
  return hit.start !== undefined && hit.end !== undefined
    ? { start: hit.start, end: hit.end }
    : null
}

/**
 * One hit per passage: the index answers a quote, its comment and the text around it as
 * separate hits, and two quotes of the same sentence as two. The first hit of a passage
 * (the index ranks quotes before text) stands for it; a later hit whose range overlaps one
 * already listed in the same source is dropped, as is a second hit of the same annotation or
 * title.
 */
export function onePerPassage(hits: readonly SearchHit[]): SearchHit[] {
  const kept: SearchHit[] = []
  const seen = new Set<string>()
  const ranges = new Map<string, { start: number; end: number }[]>()
  for (const hit of hits) {
    const key = hit.annotationId
      ? `a:${hit.annotationId}`
      : hit.kind === 'title'
        ? `t:${hit.sourceId}`
        : null
    if (key && seen.has(key)) continue
    const range = hit.kind === 'title' ? null : rangeOf(hit)
    const listed = ranges.get(hit.sourceId) ?? []
    if (range && listed.some((r) => overlaps(r, range))) continue
    if (key) seen.add(key)
    if (range) ranges.set(hit.sourceId, [...listed, range])
    kept.push(hit)
  }
  return kept
}

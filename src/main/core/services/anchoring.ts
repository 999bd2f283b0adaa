import approxSearch from 'approx-string-match'
import type { ReanchorSummary } from '../../../shared/contract'
import { changedRegion, mapOffset, reanchorAll } from '../../../shared/anchoring'
import type { Annotation } from '../../../shared/model'

/** Re-anchors a source's annotations after its text changed from oldText to newText. */
export function reanchorAnnotations(
  oldText: string,
  newText: string,
  annotations: readonly Annotation[],
  now: string,
): { updated: Annotation[]; summary: ReanchorSummary } {
  const results = reanchorAll(
    oldText,
    newText,
    annotations.map((a) => a.target),
    { fuzzy: approxSearch },
  )
  const summary: ReanchorSummary = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 }
  const updated = annotations.map((annotation, i) => {
    const result = results[i]!
    summary[result.anchor.state]++
    return { ...annotation, target: result.target, anchor: result.anchor, updatedAt: now }
  })
  return { updated, summary }
}

/** Page start offsets carried through an edit of the text. */
export function mapPages(pages: readonly number[], oldText: string, newText: string): number[] {
  const change = changedRegion(oldText, newText)
  let previous = 0
  return pages.map((offset) => {
    previous = Math.max(previous, Math.min(newText.length, mapOffset(offset, change)))
    return previous
  })
}

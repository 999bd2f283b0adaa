/**
 * Three-way merge of one record, field by field: what both sides did to the common
 * ancestor. Different fields merge on their own; the same field changed two ways is a
 * conflict for the analyst, except text fields, which get a line-wise three-way merge
 * (node-diff3) first. A deletion against an edit is always a conflict: nothing is lost
 * without someone choosing it.
 */
import { isDeepStrictEqual } from 'node:util'
import { diff3Merge } from 'node-diff3'
import { WHOLE_RECORD } from '../../../shared/api/sync'

/** What node-diff3's merge answers (its own types say `any`). */
interface Diff3Region {
  ok?: string[]
  conflict?: { a: string[]; o: string[]; b: string[] }
}

export type PlainRecord = Record<string, unknown>

export interface FieldConflict {
  field: string
  mine: unknown
  theirs: unknown
  /** The common ancestor's value; undefined when the ancestor is not known. */
  base: unknown
  /** For text: the three-way merge with both sides of each clash marked, to edit. */
  textMerge?: string
}

export type RecordMerge =
  | { clean: true; value: PlainRecord | null }
  | { clean: false; conflicts: FieldConflict[]; value: PlainRecord | null }

/** Fields every edit touches: the later one wins without asking. */
const TIMESTAMP_FIELDS = new Set(['updatedAt'])

/** The fields of a record merged as text, line by line, when both sides changed them. */
const TEXT_FIELDS = new Set(['body', 'text', 'description', 'comment', 'question'])

export function sameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b)
}

/**
 * Merges `mine` and `theirs` (null: deleted) against `base` (null: the record did not
 * exist; undefined: the ancestor is not known, so every difference counts as a clash).
 * `value` is the merge with each conflicting field left as mine.
 */
export function mergeRecord(
  base: PlainRecord | null | undefined,
  mine: PlainRecord | null,
  theirs: PlainRecord | null,
): RecordMerge {
  if (sameValue(mine, theirs)) return { clean: true, value: mine }
  if (mine === null || theirs === null) {
    if (base !== undefined && sameValue(mine, base)) return { clean: true, value: theirs }
    if (base !== undefined && sameValue(theirs, base)) return { clean: true, value: mine }
    return {
      clean: false,
      value: mine,
      conflicts: [{ field: WHOLE_RECORD, mine, theirs, base: base ?? undefined }],
    }
  }
  const ancestor = base ?? undefined
  const merged: PlainRecord = {}
  const conflicts: FieldConflict[] = []
  const fields = new Set([...Object.keys(mine), ...Object.keys(theirs)])
  for (const field of fields) {
    const a = mine[field]
    const b = theirs[field]
    const o = ancestor?.[field]
    let value: unknown
    if (sameValue(a, b)) value = a
    else if (TIMESTAMP_FIELDS.has(field)) value = String(a ?? '') > String(b ?? '') ? a : b
    else if (ancestor && sameValue(a, o)) value = b
    else if (ancestor && sameValue(b, o)) value = a
    else if (typeof a === 'string' && typeof b === 'string' && TEXT_FIELDS.has(field)) {
      const text = mergeText(typeof o === 'string' ? o : '', a, b)
      if (text.clean) value = text.value
      else {
        conflicts.push({ field, mine: a, theirs: b, base: o, textMerge: text.value })
        value = a
      }
    } else {
      conflicts.push({ field, mine: a, theirs: b, base: o })
      value = a
    }
    if (value !== undefined) merged[field] = value
  }
  return conflicts.length
    ? { clean: false, conflicts, value: merged }
    : { clean: true, value: merged }
}

/**
 * A line-wise three-way merge. Unclean: the text with each clash between markers that
 * name whose lines they are, for the analyst to edit.
 */
export function mergeText(
  base: string,
  mine: string,
  theirs: string,
): { clean: boolean; value: string } {
  const regions = diff3Merge(
    mine.split('\n'),
    base.split('\n'),
    theirs.split('\n'),
    {},
  ) as Diff3Region[]
  let clean = true
  const lines: string[] = []
  for (const region of regions) {
    if (region.ok) lines.push(...region.ok)
    else if (region.conflict) {
      clean = false
      lines.push(
        '<<<<<<< yours',
        ...region.conflict.a,
        '=======',
        ...region.conflict.b,
        '>>>>>>> theirs',
      )
    }
  }
  return { clean, value: lines.join('\n') }
}

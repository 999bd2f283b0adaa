/**
 * The record a conflict is settled with: yours, with each clashing field taken from the
 * side the analyst picked (or the text they edited). For a deletion against an edit the
 * whole record is one choice.
 */
import { WHOLE_RECORD, type SyncConflict } from '../../../../shared/api/sync'

export type FieldChoice = { pick: 'mine' } | { pick: 'theirs' } | { pick: 'edited'; text: string }

export type Choices = Record<string, FieldChoice>

export function initialChoices(conflict: SyncConflict): Choices {
  return Object.fromEntries(
    conflict.fields.map((field) => [
      field.field,
      field.textMerge !== undefined
        ? ({ pick: 'edited', text: field.textMerge } as const)
        : ({ pick: 'mine' } as const),
    ]),
  )
}

export function resolvedRecord(
  conflict: SyncConflict,
  choices: Choices,
): Record<string, unknown> | null {
  const whole = choices[WHOLE_RECORD]
  if (whole) return whole.pick === 'theirs' ? conflict.theirs : conflict.mine
  const record: Record<string, unknown> = { ...(conflict.mine ?? conflict.theirs ?? {}) }
  for (const field of conflict.fields) {
    const choice = choices[field.field] ?? { pick: 'mine' }
    const value =
      choice.pick === 'edited' ? choice.text : choice.pick === 'theirs' ? field.theirs : field.mine
    if (value === undefined) delete record[field.field]
    else record[field.field] = value
  }
  return record
}

/** How a field's value reads in the comparison table. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(not set)'
  if (value === null) return '(deleted)'
  if (typeof value === 'string') return value
  return JSON.stringify(value, null, 1)
}

import type { LinkRef, Ref } from '../../../../shared/contract'
import { enumValueLabel } from '../../ui/model-labels'

// Enum values are few and asked for once per row on a search of 100k rows: remember them.
const labels = new Map<string, string>()

/** "guerrilla-warfare" -> "Guerrilla warfare". */
export function enumLabel(value: string | undefined): string {
  if (!value) return ''
  let label = labels.get(value)
  if (label === undefined) {
    const words = value.replace(/-/g, ' ')
    label = enumValueLabel(value, words.charAt(0).toUpperCase() + words.slice(1))
    if (labels.size < 1_000) labels.set(value, label)
  }
  return label
}

export function refNames(refs: readonly (Ref | LinkRef)[]): string {
  if (refs.length === 0) return ''
  if (refs.length === 1) return refs[0]!.name
  return refs.map((r) => r.name).join(', ')
}

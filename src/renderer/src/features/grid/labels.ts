import type { Ref } from '../../../../shared/contract'

/** "guerrilla-warfare" -> "Guerrilla warfare". */
export function enumLabel(value: string | undefined): string {
  if (!value) return ''
  const words = value.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function refNames(refs: readonly Ref[]): string {
  return refs.map((r) => r.name).join(', ')
}

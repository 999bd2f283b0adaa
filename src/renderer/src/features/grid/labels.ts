import type { LinkRef, Ref } from '../../../../shared/contract'

/** "guerrilla-warfare" -> "Guerrilla warfare". */
export function enumLabel(value: string | undefined): string {
  if (!value) return ''
  const words = value.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function refNames(refs: readonly (Ref | LinkRef)[]): string {
  return refs.map((r) => r.name).join(', ')
}

/** Admiralty credibility in words, for tooltips and the panel. */
export const CREDIBILITY_WORDS: Record<number, string> = {
  1: 'confirmed',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'cannot be judged',
}

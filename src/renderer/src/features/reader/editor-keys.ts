/**
 * The annotation editor's keys, decided from the key and where the focus is, so the journey
 * "select, 4, pick the group, Enter" needs no mouse and a text field keeps its own keys.
 */
import type { Annotation, Credibility } from '../../../../shared/model'
import { takesTypingKeys, type FocusedElement, type KeyPress } from '../../ui/shortcuts'

/** The kind of a quote by one letter. */
export const KIND_KEYS: Readonly<Record<string, Annotation['kind']>> = {
  c: 'claim',
  f: 'fact',
  a: 'assessment',
  q: 'quote',
}

export const KEY_OF_KIND: Readonly<Record<Annotation['kind'], string>> = {
  claim: 'C',
  fact: 'F',
  assessment: 'A',
  quote: 'Q',
}

export type EditorKeyAction =
  | { type: 'credibility'; grade: Credibility }
  | { type: 'kind'; kind: Annotation['kind'] }
  | { type: 'toggle-offer'; index: number }
  | { type: 'save' }
  | { type: 'cancel' }

export interface EditorFocus extends FocusedElement {
  /** The focus is on an offered entity chip (or their list): digits toggle chips there. */
  inOffers: boolean
}

/** The letter of a key: its own, or on a non-Latin layout its position (KeyC → c). */
function letterOf(press: Pick<KeyPress, 'key' | 'code'>): string | null {
  if (/^[a-z]$/i.test(press.key)) return press.key.toLowerCase()
  const position = /^Key([A-Z])$/.exec(press.code)
  return position ? position[1]!.toLowerCase() : null
}

/** The digit of a key, from the top row or the keypad. */
function digitOf(press: Pick<KeyPress, 'key' | 'code'>): number | null {
  if (/^[1-9]$/.test(press.key)) return Number(press.key)
  const position = /^(?:Digit|Numpad)([1-9])$/.exec(press.code)
  return position ? Number(position[1]) : null
}

export function editorKeyAction(press: KeyPress, focus: EditorFocus): EditorKeyAction | null {
  const command = press.ctrlKey || press.metaKey
  if (press.key === 'Enter' && command && !press.altKey) return { type: 'save' }
  if (press.key === 'Escape') return { type: 'cancel' }
  if (command || press.altKey) return null
  const tag = focus.tagName.toUpperCase()
  if (press.key === 'Enter') {
    if (press.shiftKey) return null
    // A text area takes Enter as a new line, a select opens; a one-line field submits.
    if (tag === 'TEXTAREA' || tag === 'SELECT' || focus.isContentEditable) return null
    // Other buttons (Cancel, remove a chosen entity) do what they say.
    if (tag === 'BUTTON' && !focus.inOffers) return null
    return { type: 'save' }
  }
  if (takesTypingKeys(focus)) return null
  const digit = digitOf(press)
  if (digit !== null) {
    if (focus.inOffers) return { type: 'toggle-offer', index: digit - 1 }
    return digit <= 6 ? { type: 'credibility', grade: digit } : null
  }
  const letter = letterOf(press)
  const kind = letter === null ? undefined : KIND_KEYS[letter]
  return kind && !press.shiftKey ? { type: 'kind', kind } : null
}

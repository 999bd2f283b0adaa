/**
 * Keys as the command registry reads them: chords written "Mod+Shift+Z", matched against a
 * key press on any layout, and when a key belongs to the field being typed in.
 */

/** The parts of a keydown the decision needs (a KeyboardEvent has them all). */
export interface KeyPress {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** The parts of the focused element the decision needs (an HTMLElement has them all). */
export interface FocusedElement {
  tagName: string
  type?: string
  isContentEditable?: boolean
}

/** Input types that take no typing: a shortcut pressed there means nothing to the field. */
const KEYLESS_INPUT_TYPES = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
])

/**
 * Whether the focused element takes typed keys itself (its own Ctrl+Z, a letter typed): a
 * text box, a text area, a select or anything editable. A checkbox or a button does not, so
 * there Ctrl+Z still undoes the session's last edit.
 */
export function takesTypingKeys(element: FocusedElement | null): boolean {
  if (!element) return false
  if (element.isContentEditable) return true
  switch (element.tagName.toUpperCase()) {
    case 'TEXTAREA':
    case 'SELECT':
      return true
    case 'INPUT':
      return !KEYLESS_INPUT_TYPES.has((element.type ?? 'text').toLowerCase())
    default:
      return false
  }
}

interface Chord {
  mod: boolean
  shift: boolean
  alt: boolean
  /** A lower-case letter, or the key itself ("?", "/", "Escape"). */
  key: string
}

function parseChord(text: string): Chord {
  const parts = text.split('+')
  // "Mod++" would end in two empty parts; no chord here uses "+" itself.
  const key = parts.pop() ?? ''
  const modifiers = new Set(parts.map((part) => part.toLowerCase()))
  return {
    mod: modifiers.has('mod'),
    shift: modifiers.has('shift'),
    alt: modifiers.has('alt'),
    key: key.length === 1 ? key.toLowerCase() : key,
  }
}

/** The letter a press means: the key's own, or on a non-Latin layout the key's position. */
function pressLetter(press: KeyPress): string | null {
  if (/^[a-z]$/i.test(press.key)) return press.key.toLowerCase()
  const position = /^Key([A-Z])$/.exec(press.code)
  return position ? position[1]!.toLowerCase() : null
}

/**
 * Whether a key press is the chord: Mod is Ctrl or Cmd; a letter matches by its place on a
 * Dari or Arabic layout too; a symbol ("?") matches whatever Shift it took to type it.
 */
export function chordMatches(chordText: string, press: KeyPress): boolean {
  const chord = parseChord(chordText)
  const mod = press.ctrlKey || press.metaKey
  if (chord.mod !== mod || chord.alt !== press.altKey) return false
  if (/^[a-z]$/.test(chord.key)) {
    return chord.shift === press.shiftKey && pressLetter(press) === chord.key
  }
  if (chord.key.length === 1) return press.key === chord.key
  return chord.shift === press.shiftKey && press.key === chord.key
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** A chord as the keyboard in front of the analyst names it: "Ctrl+K" or "⌘K". */
export function chordLabel(chordText: string): string {
  const chord = parseChord(chordText)
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key
  if (IS_MAC) {
    return `${chord.mod ? '⌘' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${key}`
  }
  return [chord.mod && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', key]
    .filter(Boolean)
    .join('+')
}

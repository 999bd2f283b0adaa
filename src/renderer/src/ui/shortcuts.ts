/**
 * Keyboard shortcuts of the views: when a key belongs to the field being typed in, and the
 * one undo/redo binding of the session's edit history.
 */
import { useEffect, useRef } from 'react'

export type HistoryCommand = 'undo' | 'redo'

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

/** The letter a shortcut means: the key's own, or on a non-Latin layout the key's position. */
function shortcutLetter(press: KeyPress): string | null {
  if (/^[a-z]$/i.test(press.key)) return press.key.toLowerCase()
  const position = /^Key([A-Z])$/.exec(press.code)
  return position ? position[1]!.toLowerCase() : null
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y redo; null when the key is not one of
 * them, or belongs to a text field (its own undo) or to an open modal dialog.
 */
export function undoRedoCommand(
  press: KeyPress,
  focused: FocusedElement | null,
  modalOpen: boolean,
): HistoryCommand | null {
  if (!(press.ctrlKey || press.metaKey) || press.altKey) return null
  const letter = shortcutLetter(press)
  if (letter !== 'z' && letter !== 'y') return null
  if (modalOpen || takesTypingKeys(focused)) return null
  return letter === 'y' || press.shiftKey ? 'redo' : 'undo'
}

/**
 * Binds the session's undo and redo keys while the calling view is mounted. `run` is
 * called with the command; the latest one is used, so it need not be memoised.
 */
export function useUndoRedoShortcuts(run: (command: HistoryCommand) => void): void {
  const latest = useRef(run)
  useEffect(() => {
    latest.current = run
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const focused = event.target instanceof HTMLElement ? event.target : null
      const modalOpen = document.querySelector('dialog[open]') !== null
      const command = undoRedoCommand(event, focused, modalOpen)
      if (!command) return
      event.preventDefault()
      latest.current(command)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

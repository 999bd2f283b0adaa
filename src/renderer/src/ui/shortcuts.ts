/**
 * The session's undo and redo keys, bound through the command registry so the `?` overlay
 * lists them. The key primitives live in keys.ts; they are re-exported here for the views
 * that decide about their own keys.
 */
import { useCommands } from './commands'
import { chordMatches, takesTypingKeys, type FocusedElement, type KeyPress } from './keys'
import { t } from './i18n'

export { takesTypingKeys, type FocusedElement, type KeyPress }

export type HistoryCommand = 'undo' | 'redo'

const UNDO_KEYS = ['Mod+Z'] as const
const REDO_KEYS = ['Mod+Shift+Z', 'Mod+Y'] as const

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y redo; null when the key is not one of
 * them, or belongs to a text field (its own undo) or to an open modal dialog. The registry's
 * key handler decides the same way (commandForKey); this names the outcome for one press.
 */
export function undoRedoCommand(
  press: KeyPress,
  focused: FocusedElement | null,
  modalOpen: boolean,
): HistoryCommand | null {
  if (modalOpen || takesTypingKeys(focused)) return null
  if (UNDO_KEYS.some((chord) => chordMatches(chord, press))) return 'undo'
  if (REDO_KEYS.some((chord) => chordMatches(chord, press))) return 'redo'
  return null
}

/**
 * Registers the session's Undo and Redo commands (palette, `?` overlay, keys) while the
 * calling view is mounted. `run` is called with the command; the latest one is used, so it
 * need not be memoised.
 */
export function useUndoRedoShortcuts(run: (command: HistoryCommand) => void): void {
  useCommands([
    {
      id: 'edit.undo',
      title: t('ui.undoTheLastEdit'),
      scope: t('ui.editing'),
      keys: UNDO_KEYS,
      run: () => run('undo'),
    },
    {
      id: 'edit.redo',
      title: t('ui.redo'),
      scope: t('ui.editing'),
      keys: REDO_KEYS,
      run: () => run('redo'),
    },
  ])
}

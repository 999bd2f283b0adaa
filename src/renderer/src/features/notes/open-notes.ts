/**
 * The notes being edited in this window, outliving the editor component: leaving a note
 * (another note, another view, closing the window) flushes its draft, and coming back
 * before the save finished picks up the same draft instead of an older copy.
 */
import type { Note } from '../../../../shared/model'
import { saveNote } from '../../api/notes'
import { forgetCaret, provideDraftStore } from '../../ui/notes/note-session'
import { DraftSaver } from './draft-saver'

const savers = new Map<string, DraftSaver>()

/** The saver of a note: the one still holding unsaved changes, else a fresh one from `note`. */
export function saverFor(note: Note): DraftSaver {
  const existing = savers.get(note.id)
  if (existing?.hasUnsavedChanges) return existing
  const saver = new DraftSaver(note, {
    save: (draft, baseUpdatedAt) => saveNote(note.id, draft, baseUpdatedAt),
  })
  savers.set(note.id, saver)
  return saver
}

/** A note with changes not yet stored, if the editor left it so. */
export function unsavedSaver(noteId: string): DraftSaver | undefined {
  const saver = savers.get(noteId)
  return saver?.hasUnsavedChanges ? saver : undefined
}

/** Stores what is pending for one note (before something else edits it on the server). */
async function flushNote(noteId: string): Promise<void> {
  await savers.get(noteId)?.flush()
}

// "Cite in note…" edits a note on the server: whatever is still being typed there goes first.
provideDraftStore(flushNote)

export function forgetNote(noteId: string): void {
  savers.get(noteId)?.discard()
  savers.delete(noteId)
  forgetCaret(noteId)
}

function hasUnsavedNotes(): boolean {
  return [...savers.values()].some((saver) => saver.hasUnsavedChanges)
}

function flushAllNotes(): Promise<void> {
  return Promise.all([...savers.values()].map((saver) => saver.flush())).then(() => undefined)
}

export type Layout = 'write' | 'split' | 'preview'

// The layout is a habit of the writer, not of a note: it stays when switching notes.
let layoutHabit: Layout = 'split'

export function preferredLayout(): Layout {
  return layoutHabit
}

export function rememberLayout(layout: Layout): void {
  layoutHabit = layout
}

let guarding = false

/**
 * Closing or reloading the window with unsaved notes: save at once, and in a browser ask
 * to stay (the prompt gives the save time to land). Electron sends the save over IPC before
 * the page goes, so it does not block closing.
 */
export function guardUnsavedNotesOnUnload(): void {
  if (guarding) return
  guarding = true
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsavedNotes()) return
    void flushAllNotes()
    if (!window.sightline) event.preventDefault()
  })
  const flushQuietly = (): void => void flushAllNotes().catch(() => undefined)
  window.addEventListener('pagehide', flushQuietly)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushQuietly()
  })
}

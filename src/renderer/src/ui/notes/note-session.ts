/**
 * What the notes editor tells other views about the writer, so that "Cite in note…" (shown
 * by the reader and the evidence panels) can work without importing the notes feature:
 * where the caret last was in each note, the note edited last, and how to store a note's
 * draft that is still being saved before the server edits that note.
 */

const carets = new Map<string, number>()
let lastEdited: string | null = null
let storeDraft: (noteId: string) => Promise<void> = () => Promise.resolve()

/** Where the caret is in a note, so "Cite in note…" can insert there. */
export function rememberCaret(noteId: string, offset: number): void {
  carets.set(noteId, offset)
  lastEdited = noteId
}

export function lastCaret(noteId: string): number | undefined {
  return carets.get(noteId)
}

/** The note the writer was last in: "Cite in note…" offers it first. */
export function lastEditedNote(): string | null {
  return lastEdited
}

/** A note is gone or reloaded: its caret no longer means anything. */
export function forgetCaret(noteId: string): void {
  carets.delete(noteId)
  if (lastEdited === noteId) lastEdited = null
}

/** The notes feature says how a note's pending draft is stored. */
export function provideDraftStore(store: (noteId: string) => Promise<void>): void {
  storeDraft = store
}

/** Stores what is pending for one note, so a server-side edit lands in the newest text. */
export function storePendingDraft(noteId: string): Promise<void> {
  return storeDraft(noteId)
}

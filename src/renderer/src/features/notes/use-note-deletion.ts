import { useState } from 'react'
import { useDeleteNote } from '../../api/notes'
import { NOTES_HREF } from '../../routes/links'
import { forgetNote } from './open-notes'

/**
 * Deleting the open note: whether the editor asks first, and the deletion itself. It lives
 * with the editor, not the dialog, so a deletion still lands on the list when the dialog
 * was closed while it ran.
 */
export function useNoteDeletion(noteId: string) {
  const [asking, setAsking] = useState(false)
  const deleteNote = useDeleteNote()
  return {
    asking,
    ask: (): void => setAsking(true),
    cancel: (): void => setAsking(false),
    confirm: (): void =>
      deleteNote.mutate(noteId, {
        onSuccess: () => {
          forgetNote(noteId)
          window.location.hash = NOTES_HREF
        },
      }),
    pending: deleteNote.isPending,
    error: deleteNote.error?.message,
  }
}

export type NoteDeletion = ReturnType<typeof useNoteDeletion>

import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import type { NoteDeletion } from './use-note-deletion'

/** Asks before deleting a note, and says why a deletion failed. */
export function DeleteNoteDialog({ title, deletion }: { title: string; deletion: NoteDeletion }) {
  return (
    <Dialog
      title={`Delete “${title.trim() || 'Untitled note'}”?`}
      onClose={deletion.cancel}
      size="narrow"
    >
      <p>The note and its citations go; the quotes and entities it cites stay as they are.</p>
      <ConfirmActions
        confirmLabel="Delete note"
        onConfirm={deletion.confirm}
        onCancel={deletion.cancel}
        disabled={deletion.pending}
        error={deletion.error}
      />
    </Dialog>
  )
}

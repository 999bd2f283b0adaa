import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import type { NoteDeletion } from './use-note-deletion'
import { t } from '../../ui/i18n'

/** Asks before deleting a note, and says why a deletion failed. */
export function DeleteNoteDialog({ title, deletion }: { title: string; deletion: NoteDeletion }) {
  return (
    <Dialog
      title={t('notes.delete', { value: title.trim() || t('notes.untitledNote') })}
      onClose={deletion.cancel}
      size="narrow"
    >
      <p>{t('notes.theNoteAndItsCitationsGo')}</p>
      <ConfirmActions
        confirmLabel={t('notes.deleteNote')}
        onConfirm={deletion.confirm}
        onCancel={deletion.cancel}
        disabled={deletion.pending}
        error={deletion.error}
      />
    </Dialog>
  )
}

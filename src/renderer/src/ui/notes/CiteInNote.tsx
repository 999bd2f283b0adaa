/**
 * "Cite in note…" for any view that shows a quote (the reader, the evidence panel, the
 * reader's selection adder): choose the open note or a recent one, or start one, and the
 * citation goes where the caret last was in that note, else at its end. A new note opens
 * once the quote is in it, so the analyst writes on from there.
 */
import { useState } from 'react'
import { useCiteInNote, useCreateNote, useNoteList } from '../../api/notes'
import { noteHref } from '../../routes/links'
import { ConfirmActions } from '../ConfirmActions'
import { Dialog } from '../Dialog'
import { ChoiceOrNew, NEW_CHOICE, QuoteActionButton, type QuoteActionTarget } from '../QuoteAction'
import { lastCaret, lastEditedNote, rememberCaret, storePendingDraft } from './note-session'
import { notesToOffer, RECENT_NOTES } from './notes-to-offer'
import { t } from '../i18n'
import './notes-kit.css'

export function CiteInNoteButton({ annotationId }: { annotationId: string }) {
  return (
    <QuoteActionButton
      label={t('ui.citeInNote')}
      doneText={t('ui.citedIn')}
      href={noteHref}
      dialog={(close, done) => (
        <CiteDialog annotationId={annotationId} onClose={close} onCited={done} />
      )}
    />
  )
}

/**
 * The dialog itself, for a quote that exists (`annotationId`) or one made only once the
 * analyst cites it (`annotationId` as a function: the reader's selection).
 */
export function CiteDialog({
  annotationId,
  onClose,
  onCited,
}: {
  annotationId: string | (() => Promise<string>)
  onClose: () => void
  onCited: (note: QuoteActionTarget) => void
}) {
  const notes = useNoteList('')
  const cite = useCiteInNote()
  const create = useCreateNote()
  const [choice, setChoice] = useState<string | null>(null)
  const [newTitle, setNewTitle] = useState('')
  const [filter, setFilter] = useState('')

  const list = notes.data ?? []
  const preferred = lastEditedNote()
  const shown = notesToOffer(list, preferred, filter)
  const selected = choice ?? shown[0]?.id ?? NEW_CHOICE
  const busy = cite.isPending || create.isPending
  const error = cite.error ?? create.error

  const submit = async (): Promise<void> => {
    let noteId = selected
    let title = list.find((n) => n.id === selected)?.title ?? ''
    if (selected === NEW_CHOICE) {
      const note = await create.mutateAsync({ title: newTitle })
      noteId = note.id
      title = note.title
    } else {
      // A draft still being saved goes first, so the citation lands in the newest text.
      await storePendingDraft(noteId)
    }
    const at = lastCaret(noteId)
    const { range } = await cite.mutateAsync({
      noteId,
      annotationId: typeof annotationId === 'string' ? annotationId : await annotationId(),
      ...(at !== undefined ? { at } : {}),
    })
    // The next citation goes after this one, keeping the order in which they were chosen.
    rememberCaret(noteId, range.end)
    onCited({ id: noteId, name: title })
    if (selected === NEW_CHOICE) window.location.hash = noteHref(noteId)
  }

  return (
    <Dialog title={t('ui.citeThisQuoteInANote')} onClose={onClose} size="narrow">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit().catch(() => undefined)
        }}
      >
        {list.length > RECENT_NOTES && (
          <input
            type="search"
            aria-label={t('ui.findANote')}
            placeholder={t('ui.findANote')}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        )}
        {notes.data ? (
          <ChoiceOrNew
            legend={t('ui.note')}
            name="note"
            options={shown.map((note) => ({ id: note.id, name: note.title }))}
            selected={selected}
            onSelect={setChoice}
            newLabel={t('ui.aNewNote')}
            newName={newTitle}
            onNewName={setNewTitle}
            newNameLabel={t('ui.titleOfTheNewNote')}
            newNamePlaceholder="Untitled note"
          />
        ) : (
          // Until the notes are known, no choice is shown that could change under the pointer.
          <p className="muted">{t('ui.loadingTheNotes')}</p>
        )}
        <ConfirmActions
          confirmLabel={t('ui.cite')}
          tone="primary"
          onCancel={onClose}
          disabled={busy || notes.isLoading}
          error={error?.message}
        />
      </form>
    </Dialog>
  )
}

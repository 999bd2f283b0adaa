/**
 * "Cite in note…" for any view that shows a quote (the reader, the evidence panel): choose a
 * note, or start one, and the citation goes where the caret last was in that note, else at
 * its end.
 */
import { useState } from 'react'
import { useCiteInNote, useCreateNote, useNoteList } from '../../api/notes'
import { noteHref } from '../../routes/links'
import { ConfirmActions } from '../ConfirmActions'
import { Dialog } from '../Dialog'
import { lastCaret, lastEditedNote, rememberCaret, storePendingDraft } from './note-session'
import './notes-kit.css'

const NEW_NOTE = '\u0000new'

export function CiteInNoteButton({ annotationId }: { annotationId: string }) {
  const [open, setOpen] = useState(false)
  const [cited, setCited] = useState<{ id: string; title: string } | null>(null)
  return (
    <span className="cite-in-note">
      <button
        type="button"
        onClick={() => {
          setCited(null)
          setOpen(true)
        }}
      >
        Cite in note…
      </button>
      {cited && (
        <span role="status" className="cite-done">
          Cited in <a href={noteHref(cited.id)}>{cited.title}</a>
        </span>
      )}
      {open && (
        <CiteDialog
          annotationId={annotationId}
          onClose={() => setOpen(false)}
          onCited={(note) => {
            setOpen(false)
            setCited(note)
          }}
        />
      )}
    </span>
  )
}

function CiteDialog({
  annotationId,
  onClose,
  onCited,
}: {
  annotationId: string
  onClose: () => void
  onCited: (note: { id: string; title: string }) => void
}) {
  const notes = useNoteList('')
  const cite = useCiteInNote()
  const create = useCreateNote()
  const [choice, setChoice] = useState<string | null>(null)
  const [newTitle, setNewTitle] = useState('')
  const [filter, setFilter] = useState('')

  const list = notes.data ?? []
  const preferred = lastEditedNote()
  const selected =
    choice ?? (list.some((n) => n.id === preferred) ? preferred : list[0]?.id) ?? NEW_NOTE
  const shown = filter.trim()
    ? list.filter((n) => n.title.toLocaleLowerCase().includes(filter.trim().toLocaleLowerCase()))
    : list
  const busy = cite.isPending || create.isPending
  const error = cite.error ?? create.error

  const submit = async (): Promise<void> => {
    let noteId = selected
    let title = list.find((n) => n.id === selected)?.title ?? ''
    if (selected === NEW_NOTE) {
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
      annotationId,
      ...(at !== undefined ? { at } : {}),
    })
    // The next citation goes after this one, keeping the order in which they were chosen.
    rememberCaret(noteId, range.end)
    onCited({ id: noteId, title })
  }

  return (
    <Dialog
      title="Cite this quote in a note"
      onClose={onClose}
      size="narrow"
      className="cite-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit().catch(() => undefined)
        }}
      >
        {list.length > 6 && (
          <input
            type="search"
            aria-label="Find a note"
            placeholder="Find a note"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        )}
        <fieldset>
          <legend className="muted">Note</legend>
          <ul>
            {shown.map((note) => (
              <li key={note.id}>
                <label>
                  <input
                    type="radio"
                    name="note"
                    checked={selected === note.id}
                    onChange={() => setChoice(note.id)}
                  />
                  {note.title}
                </label>
              </li>
            ))}
            <li>
              <label>
                <input
                  type="radio"
                  name="note"
                  checked={selected === NEW_NOTE}
                  onChange={() => setChoice(NEW_NOTE)}
                />
                A new note
              </label>
              {selected === NEW_NOTE && (
                <input
                  aria-label="Title of the new note"
                  placeholder="Untitled note"
                  value={newTitle}
                  onChange={(event) => setNewTitle(event.target.value)}
                />
              )}
            </li>
          </ul>
        </fieldset>
        <ConfirmActions
          confirmLabel="Cite"
          tone="primary"
          onCancel={onClose}
          disabled={busy || notes.isLoading}
          error={error?.message}
        />
      </form>
    </Dialog>
  )
}

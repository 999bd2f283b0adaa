import { useEffect, useState } from 'react'
import { NoteEditor } from './NoteEditor'
import { NoteList } from './NoteList'
import { noteIdFromHash } from '../../routes/links'
import { guardUnsavedNotesOnUnload } from './open-notes'
import { t } from '../../ui/i18n'
import { tWith } from '../../ui/rich-text'
import './notes.css'

function useNoteIdFromHash(): string | null {
  const [noteId, setNoteId] = useState(() => noteIdFromHash(window.location.hash))
  useEffect(() => {
    const onChange = (): void => setNoteId(noteIdFromHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return noteId
}

/** Notes: the list on the left, the open note (Markdown with citations) on the right. */
export function NotesView() {
  const noteId = useNoteIdFromHash()
  useEffect(guardUnsavedNotesOnUnload, [])
  return (
    <section className="notes-view" aria-labelledby="notes-title">
      <NoteList selectedId={noteId} />
      <div className="note-pane">
        {noteId ? (
          <NoteEditor key={noteId} noteId={noteId} />
        ) : (
          <div className="note-empty">
            <p>{t('notes.chooseANoteOrStartA')}</p>
            <p className="muted">
              {tWith('notes.inANoteCiteAndMention', { cite: <kbd>[[</kbd>, mention: <kbd>@</kbd> })}
            </p>
          </div>
        )}
      </div>
    </section>
  )
}

import { useEffect, useState } from 'react'
import { NoteEditor } from './NoteEditor'
import { NoteList } from './NoteList'
import { noteIdFromHash } from '../../routes/links'
import { guardUnsavedNotesOnUnload } from './open-notes'
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
            <p>Choose a note, or start a new one.</p>
            <p className="muted">
              In a note, <kbd>[[</kbd> cites a quote and <kbd>@</kbd> mentions an entity; every
              citation opens the passage it rests on.
            </p>
          </div>
        )}
      </div>
    </section>
  )
}

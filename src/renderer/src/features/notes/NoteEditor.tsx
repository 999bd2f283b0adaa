import { lazy, Suspense, useRef, useState } from 'react'
import type { EditorView } from '@codemirror/view'
import type { Note } from '../../../../shared/model'
import { useNote } from '../../api/notes'
import { NOTES_HREF } from '../../routes/links'
import { DeleteNoteDialog } from './DeleteNoteDialog'
import { EditorToolbar } from './EditorToolbar'
import { NotePreview } from './NotePreview'
import { forgetNote, unsavedSaver } from './open-notes'
import { SaveIndicator } from './SaveIndicator'
import { useNoteDeletion } from './use-note-deletion'
import { useNoteDraft } from './use-note-draft'
import { useNoteLinks } from './use-note-links'
import { usePreviewPane } from './use-preview-pane'
import { t } from '../../ui/i18n'
import './note-editor.css'

// The editor (CodeMirror, about 250 KB minified) loads with the first note opened, not with the app.
const NoteSource = lazy(() =>
  import('./NoteSource').then((module) => ({ default: module.NoteSource })),
)

/** Loads a note fresh from the store (or the draft still being saved) and edits it. */
export function NoteEditor({ noteId }: { noteId: string }) {
  const pending = unsavedSaver(noteId)
  const note = useNote(noteId)
  const [generation, setGeneration] = useState(0)
  if (note.isError) {
    return (
      <div role="alert" className="error-panel">
        {t('notes.couldNotOpenThisNote', { message: note.error.message })}{' '}
        <a href={NOTES_HREF}>{t('notes.backToTheNotes')}</a>
      </div>
    )
  }
  // A note is edited from what the store holds now, unless this window still saves a draft of it.
  if (!note.data || (!pending && !note.isFetchedAfterMount)) {
    return <p className="muted">{t('notes.openingTheNote')}</p>
  }
  const loadStoredVersion = async (): Promise<void> => {
    forgetNote(noteId)
    await note.refetch()
    setGeneration((g) => g + 1)
  }
  return (
    <LoadedEditor
      key={generation}
      note={note.data}
      onLoadStoredVersion={() => void loadStoredVersion()}
    />
  )
}

function LoadedEditor({
  note,
  onLoadStoredVersion,
}: {
  note: Note
  onLoadStoredVersion: () => void
}) {
  const editor = useRef<EditorView>(null)
  const readBody = (): string | undefined => editor.current?.state.doc.toString()
  const draft = useNoteDraft(note, readBody)
  const pane = usePreviewPane(draft.initial.body, readBody)
  // The chips in the source are named from the same answer the preview shows (one request).
  const { resolved } = useNoteLinks(pane.shownBody)
  const deletion = useNoteDeletion(note.id)
  const { initial, title } = draft

  return (
    <section className={`note-editor layout-${pane.layout}`} aria-label={t('notes.noteEditor')}>
      <EditorToolbar
        title={title}
        selectTitle={initial.body === '' && initial.title === t('notes.untitledNote')}
        onTitleChange={draft.changeTitle}
        onTitleDone={() => editor.current?.focus()}
        layout={pane.layout}
        onLayout={pane.chooseLayout}
        saveState={
          <SaveIndicator
            status={draft.status}
            saver={draft.saver}
            onLoadStoredVersion={onLoadStoredVersion}
          />
        }
        onDelete={deletion.ask}
      />
      <div className="note-editor-panes">
        <Suspense
          fallback={
            <p className="muted note-source" hidden={pane.layout === 'preview'}>
              {t('notes.openingTheNote')}
            </p>
          }
        >
          <NoteSource
            ref={editor}
            noteId={note.id}
            initialBody={initial.body}
            resolved={resolved}
            hidden={pane.layout === 'preview'}
            onBodyChange={(body) => {
              draft.changeBody(body)
              pane.bodyChanged(body)
            }}
          />
        </Suspense>
        {pane.layout !== 'write' && (
          <section className="note-preview-pane" aria-label={t('notes.preview')}>
            <NotePreview body={pane.shownBody} />
          </section>
        )}
      </div>
      {deletion.asking && <DeleteNoteDialog title={title} deletion={deletion} />}
    </section>
  )
}

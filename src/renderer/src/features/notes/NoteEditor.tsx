import {
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type KeyboardEvent,
} from 'react'
import type { Note } from '../../../../shared/model'
import { useDeleteNote, useNote } from '../../api/notes'
import { NOTES_HREF } from '../../routes/links'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { rememberCaret } from '../../ui/notes/note-session'
import { caretOffset } from './caret'
import type { DraftSaver, SaveStatus } from './draft-saver'
import { NotePreview } from './NotePreview'
import {
  forgetNote,
  preferredLayout,
  rememberLayout,
  saverFor,
  unsavedSaver,
  type Layout,
} from './open-notes'
import { Suggestions, type SuggestionsHandle } from './Suggestions'
import type { AnchoredTrigger } from './Suggestions'
import { findTrigger } from './typeahead'

const LAYOUTS: { id: Layout; label: string }[] = [
  { id: 'write', label: 'Write' },
  { id: 'split', label: 'Split' },
  { id: 'preview', label: 'Preview' },
]

const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'])

/** Loads a note fresh from the store (or the draft still being saved) and edits it. */
export function NoteEditor({ noteId }: { noteId: string }) {
  const pending = unsavedSaver(noteId)
  const note = useNote(noteId)
  const [generation, setGeneration] = useState(0)
  if (note.isError) {
    return (
      <div role="alert" className="error-panel">
        Could not open this note: {note.error.message} <a href={NOTES_HREF}>Back to the notes</a>
      </div>
    )
  }
  // A note is edited from what the store holds now, unless this window still saves a draft of it.
  if (!note.data || (!pending && !note.isFetchedAfterMount)) {
    return <p className="muted">Opening the note…</p>
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
  const [saver] = useState(() => saverFor(note))
  const status = useSyncExternalStore(
    useCallback((notify: () => void) => saver.subscribe(notify), [saver]),
    () => saver.currentStatus,
  )
  const [initial] = useState(() => saver.latest)
  const [title, setTitle] = useState(initial.title)
  const [previewBody, setPreviewBody] = useState(initial.body)
  // The preview renders in the background (first empty, then each update), in blocks React
  // can pause between, so the editor is ready at once and keystrokes go before it.
  const shownBody = useDeferredValue(previewBody, '')
  const [activeOption, setActiveOption] = useState<string | undefined>()
  const [layout, setLayout] = useState<Layout>(preferredLayout)
  const [trigger, setTrigger] = useState<AnchoredTrigger | null>(null)
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const suggestions = useRef<SuggestionsHandle>(null)
  const titleRef = useRef(initial.title)
  const titleInput = useRef<HTMLInputElement>(null)
  const previewTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const dismissedAt = useRef<number | null>(null)
  const deleteNote = useDeleteNote()
  const editorId = useId()

  useEffect(() => rememberLayout(layout), [layout])

  // A new, empty note starts with its title selected, ready to be named.
  useEffect(() => {
    if (initial.body === '' && initial.title === 'Untitled note') titleInput.current?.select()
  }, [initial])

  // The text is set once, not through `defaultValue`: React compares that prop with the
  // textarea's content after every input event, a copy of the whole note per keystroke.
  useLayoutEffect(() => {
    if (textarea.current) textarea.current.value = initial.body
  }, [initial.body])

  // Leaving the note (another note, another view, unmount) saves what is pending.
  useEffect(
    () => () => {
      if (previewTimer.current) clearTimeout(previewTimer.current)
      const area = textarea.current
      if (area) rememberCaret(note.id, area.selectionStart)
      void saver.flush().catch(() => undefined)
    },
    [note.id, saver],
  )

  const schedulePreview = (body: string): void => {
    if (previewTimer.current) clearTimeout(previewTimer.current)
    // Re-rendering Markdown costs in proportion to the note: wait longer in long notes.
    const delay = Math.min(400, Math.max(150, body.length / 500))
    previewTimer.current = setTimeout(() => setPreviewBody(body), delay)
  }

  const updateTrigger = (area: HTMLTextAreaElement): void => {
    const next =
      area.selectionStart === area.selectionEnd
        ? findTrigger(area.value, area.selectionStart)
        : null
    if (!next) dismissedAt.current = null
    if (!next || next.start === dismissedAt.current) {
      if (trigger) setTrigger(null)
      return
    }
    if (trigger?.kind === next.kind && trigger.start === next.start) {
      if (trigger.query !== next.query) setTrigger({ ...trigger, query: next.query })
      return
    }
    // The list opens under the trigger and stays there while the query grows.
    const caret = caretOffset(area, next.start)
    setTrigger({
      ...next,
      top: caret.top + caret.lineHeight,
      left: Math.max(0, Math.min(caret.left, area.clientWidth - 380)),
    })
  }

  const onBodyInput = (event: FormEvent<HTMLTextAreaElement>): void => {
    const area = event.currentTarget
    const body = area.value
    saver.change({ title: titleRef.current, body })
    schedulePreview(body)
    updateTrigger(area)
  }

  const onTitleChange = (value: string): void => {
    titleRef.current = value
    setTitle(value)
    saver.change({ title: value, body: textarea.current?.value ?? saver.latest.body })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (trigger && suggestions.current?.handleKey(event.key)) {
      event.preventDefault()
      return
    }
    if (trigger && event.key === 'Escape') {
      dismissedAt.current = trigger.start
      setTrigger(null)
      event.preventDefault()
    }
  }

  /** Replaces the trigger and what was typed after it with a link, undoably. */
  const insertLink = (markdown: string): void => {
    const area = textarea.current
    if (!area || !trigger) return
    const end = area.selectionStart
    area.focus()
    area.setSelectionRange(trigger.start, end)
    // execCommand keeps the browser's undo history; setRangeText is the fallback.
    if (!document.execCommand('insertText', false, markdown)) {
      area.setRangeText(markdown, trigger.start, end, 'end')
      area.dispatchEvent(new Event('input', { bubbles: true }))
    }
    setTrigger(null)
  }

  const chooseLayout = (next: Layout): void => {
    setLayout(next)
    if (next === 'preview') {
      // The preview shows the text as it is now, not as it was at the last pause.
      const body = textarea.current?.value
      if (body !== undefined) setPreviewBody(body)
    }
  }

  const confirmDelete = (): void => {
    deleteNote.mutate(note.id, {
      onSuccess: () => {
        forgetNote(note.id)
        window.location.hash = NOTES_HREF
      },
    })
  }

  return (
    <section className={`note-editor layout-${layout}`} aria-label="Note editor">
      <div className="note-editor-toolbar">
        <label className="note-title-field">
          <span className="visually-hidden">Title</span>
          <input
            ref={titleInput}
            value={title}
            onChange={(event) => onTitleChange(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault()
                textarea.current?.focus()
              }
            }}
            maxLength={500}
            placeholder="Untitled note"
            aria-label="Title"
          />
        </label>
        <div role="group" aria-label="Layout" className="segmented">
          {LAYOUTS.map((option) => (
            <button
              key={option.id}
              type="button"
              aria-pressed={layout === option.id}
              onClick={() => chooseLayout(option.id)}
            >
              {option.label}
            </button>
          ))}
        </div>
        <SaveIndicator status={status} saver={saver} onLoadStoredVersion={onLoadStoredVersion} />
        <button type="button" onClick={() => setConfirmingDelete(true)}>
          Delete note
        </button>
      </div>
      <div className="note-editor-panes">
        <div className="note-source" hidden={layout === 'preview'}>
          <textarea
            ref={textarea}
            id={`${editorId}-text`}
            className="note-text"
            aria-label="Note text (Markdown)"
            aria-describedby={`${editorId}-hint`}
            aria-autocomplete="list"
            aria-controls={trigger ? `${editorId}-suggestions` : undefined}
            aria-activedescendant={trigger ? activeOption : undefined}
            onInput={onBodyInput}
            onKeyDown={onKeyDown}
            onClick={(event) => updateTrigger(event.currentTarget)}
            onKeyUp={(event) => {
              rememberCaret(note.id, event.currentTarget.selectionStart)
              if (CARET_KEYS.has(event.key)) updateTrigger(event.currentTarget)
            }}
            onBlur={(event) => {
              rememberCaret(note.id, event.currentTarget.selectionStart)
              setTrigger(null)
            }}
            spellCheck
          />
          <p id={`${editorId}-hint`} className="muted note-hint">
            Type <kbd>[[</kbd> to cite a quote, <kbd>@</kbd> to mention an entity.
          </p>
          {trigger && (
            <Suggestions
              ref={suggestions}
              id={`${editorId}-suggestions`}
              trigger={trigger}
              onActiveChange={setActiveOption}
              onChoose={insertLink}
            />
          )}
        </div>
        {layout !== 'write' && (
          <section className="note-preview-pane" aria-label="Preview">
            <NotePreview body={shownBody} />
          </section>
        )}
      </div>
      {confirmingDelete && (
        <Dialog
          title={`Delete “${title.trim() || 'Untitled note'}”?`}
          onClose={() => setConfirmingDelete(false)}
          size="narrow"
        >
          <p>The note and its citations go; the quotes and entities it cites stay as they are.</p>
          <ConfirmActions
            confirmLabel="Delete note"
            onConfirm={confirmDelete}
            onCancel={() => setConfirmingDelete(false)}
            disabled={deleteNote.isPending}
            error={deleteNote.error?.message}
          />
        </Dialog>
      )}
    </section>
  )
}

function SaveIndicator({
  status,
  saver,
  onLoadStoredVersion,
}: {
  status: SaveStatus
  saver: DraftSaver
  onLoadStoredVersion: () => void
}) {
  const text =
    status.state === 'saved'
      ? 'Saved'
      : status.state === 'saving'
        ? 'Saving…'
        : status.state === 'unsaved'
          ? 'Unsaved changes'
          : status.conflict
            ? 'Not saved: changed elsewhere'
            : 'Not saved'
  return (
    <div className={`save-state save-${status.state}`}>
      <span role="status">{text}</span>
      {status.state === 'failed' && (
        <span className="save-problem">
          <span className="muted">{status.message}</span>
          {status.conflict ? (
            <>
              <button type="button" onClick={() => void saver.overwrite()}>
                Keep my version
              </button>
              <button type="button" onClick={onLoadStoredVersion}>
                Load the other version
              </button>
            </>
          ) : (
            <button type="button" onClick={() => void saver.flush()}>
              Retry
            </button>
          )}
        </span>
      )}
    </div>
  )
}

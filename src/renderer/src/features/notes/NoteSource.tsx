import { useEffect, useId, useLayoutEffect, useRef, type RefObject } from 'react'
import type { EditorView } from '@codemirror/view'
import { rememberCaret } from '../../ui/notes/note-session'
import { setLinkTargets } from './link-chips'
import type { ResolvedLinks } from './link-targets'
import { createNoteEditor, typeaheadAria, typeaheadAttributes } from './note-codemirror'
import { Suggestions, type SuggestionsHandle } from './Suggestions'
import { useTypeahead } from './use-typeahead'
import { t } from '../../ui/i18n'
import { tWith } from '../../ui/rich-text'

/**
 * The Markdown source of a note: the editor, its hint and the type-ahead under it. The
 * editor owns the text (the body is read from it, `ref`), shows citations and mentions as
 * chips named by what `resolved` says they point to, and keeps where its caret was for
 * "Cite in note…".
 */
export function NoteSource({
  ref: editor,
  noteId,
  initialBody,
  resolved,
  hidden,
  onBodyChange,
}: {
  ref: RefObject<EditorView | null>
  noteId: string
  initialBody: string
  resolved: ResolvedLinks
  hidden: boolean
  onBodyChange: (body: string) => void
}) {
  const id = useId()
  const listId = `${id}-suggestions`
  const host = useRef<HTMLDivElement>(null)
  const suggestions = useRef<SuggestionsHandle>(null)
  const typeahead = useTypeahead(editor, host, suggestions)
  const { trigger, activeOption } = typeahead
  // The editor's handlers are made once; they reach this render's callbacks through here.
  const latest = useRef({ typeahead, onBodyChange })
  useLayoutEffect(() => {
    latest.current = { typeahead, onBodyChange }
  })

  useLayoutEffect(() => {
    const parent = host.current
    if (!parent) return
    const view = createNoteEditor(parent, initialBody, {
      label: t('notes.noteTextMarkdown'),
      describedBy: `${id}-hint`,
      onUpdate: (update) => {
        if (update.docChanged) latest.current.onBodyChange(update.state.doc.toString())
        if (update.view.hasFocus) rememberCaret(noteId, update.state.selection.main.from)
        latest.current.typeahead.follow(update.view)
      },
      onKeyDown: (event) => latest.current.typeahead.handleKey(event),
      onBlur: () => {
        rememberCaret(noteId, view.state.selection.main.from)
        latest.current.typeahead.close()
      },
    })
    editor.current = view
    return () => {
      // Leaving the note remembers where the caret was.
      rememberCaret(noteId, view.state.selection.main.from)
      editor.current = null
      view.destroy()
    }
  }, [editor, id, initialBody, noteId])

  useEffect(() => {
    editor.current?.dispatch({ effects: setLinkTargets.of(resolved) })
  }, [editor, resolved])

  useEffect(() => {
    editor.current?.dispatch({
      effects: typeaheadAria.reconfigure(
        typeaheadAttributes(trigger ? listId : undefined, activeOption),
      ),
    })
  }, [editor, trigger, listId, activeOption])

  return (
    <div className="note-source" hidden={hidden}>
      <div ref={host} className="note-text" />
      <p id={`${id}-hint`} className="muted note-hint">
        {tWith('notes.typeToCiteOrMention', { cite: <kbd>[[</kbd>, mention: <kbd>@</kbd> })}
      </p>
      {trigger && (
        <Suggestions
          ref={suggestions}
          id={listId}
          trigger={trigger}
          onActiveChange={typeahead.setActiveOption}
          onChoose={typeahead.insert}
        />
      )}
    </div>
  )
}

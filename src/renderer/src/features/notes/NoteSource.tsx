import { useEffect, useId, useLayoutEffect, useRef, type RefObject } from 'react'
import { rememberCaret } from '../../ui/notes/note-session'
import { Suggestions, type SuggestionsHandle } from './Suggestions'
import { useTypeahead } from './use-typeahead'
import { t } from '../../ui/i18n'
import { tWith } from '../../ui/rich-text'

const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'])

/**
 * The Markdown source of a note: the textarea, its hint and the type-ahead under it. The
 * textarea is uncontrolled (the body is read from it), and where its caret was is kept for
 * "Cite in note…".
 */
export function NoteSource({
  ref: textarea,
  noteId,
  initialBody,
  hidden,
  onBodyChange,
}: {
  ref: RefObject<HTMLTextAreaElement | null>
  noteId: string
  initialBody: string
  hidden: boolean
  onBodyChange: (body: string) => void
}) {
  const id = useId()
  const suggestions = useRef<SuggestionsHandle>(null)
  const { trigger, activeOption, setActiveOption, follow, onKeyDown, insert, close } = useTypeahead(
    textarea,
    suggestions,
  )

  // The text is set once, not through `defaultValue`: React compares that prop with the
  // textarea's content after every input event, a copy of the whole note per keystroke.
  useLayoutEffect(() => {
    const area = textarea.current
    if (area) area.value = initialBody
  }, [textarea, initialBody])

  // Leaving the note remembers where the caret was.
  useEffect(
    () => () => {
      const area = textarea.current
      if (area) rememberCaret(noteId, area.selectionStart)
    },
    [noteId, textarea],
  )

  return (
    <div className="note-source" hidden={hidden}>
      <textarea
        ref={textarea}
        id={`${id}-text`}
        className="note-text"
        aria-label={t('notes.noteTextMarkdown')}
        aria-describedby={`${id}-hint`}
        aria-autocomplete="list"
        aria-controls={trigger ? `${id}-suggestions` : undefined}
        aria-activedescendant={trigger ? activeOption : undefined}
        onInput={(event) => {
          onBodyChange(event.currentTarget.value)
          follow(event.currentTarget)
        }}
        onKeyDown={onKeyDown}
        onClick={(event) => follow(event.currentTarget)}
        onKeyUp={(event) => {
          rememberCaret(noteId, event.currentTarget.selectionStart)
          if (CARET_KEYS.has(event.key)) follow(event.currentTarget)
        }}
        onBlur={(event) => {
          rememberCaret(noteId, event.currentTarget.selectionStart)
          close()
        }}
        spellCheck
      />
      <p id={`${id}-hint`} className="muted note-hint">
        {tWith('notes.typeToCiteOrMention', { cite: <kbd>[[</kbd>, mention: <kbd>@</kbd> })}
      </p>
      {trigger && (
        <Suggestions
          ref={suggestions}
          id={`${id}-suggestions`}
          trigger={trigger}
          onActiveChange={setActiveOption}
          onChoose={insert}
        />
      )}
    </div>
  )
}

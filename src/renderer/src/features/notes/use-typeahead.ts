import { useRef, useState, type RefObject } from 'react'
import type { EditorView } from '@codemirror/view'
import type { AnchoredTrigger, SuggestionsHandle } from './Suggestions'
import { followTrigger, TRIGGER_LOOK_BACK, triggerBefore } from './typeahead'

/** Width of the suggestions list, kept inside the editor's box. */
const LIST_WIDTH = 380

/**
 * The type-ahead of the note editor: which trigger is open and where its list sits, which
 * option is active (for aria-activedescendant), and the keys the list (`suggestions`) takes
 * from the editor. The editor calls `follow` and `handleKey` from its own handlers, which
 * outlive a render, so they read the open trigger from a ref.
 */
export function useTypeahead(
  editor: RefObject<EditorView | null>,
  host: RefObject<HTMLElement | null>,
  suggestions: RefObject<SuggestionsHandle | null>,
) {
  const [trigger, setShownTrigger] = useState<AnchoredTrigger | null>(null)
  const open = useRef<AnchoredTrigger | null>(null)
  const [activeOption, setActiveOption] = useState<string | undefined>()
  const dismissedAt = useRef<number | null>(null)

  const setTrigger = (next: AnchoredTrigger | null): void => {
    open.current = next
    setShownTrigger(next)
  }

  /** Opens, follows or closes the list for where the caret now is. */
  const follow = (view: EditorView): void => {
    const { main } = view.state.selection
    let found = null
    if (main.empty && view.hasFocus) {
      const from = Math.max(0, main.head - TRIGGER_LOOK_BACK)
      found = triggerBefore(view.state.sliceDoc(from, main.head), from)
    }
    if (!found) dismissedAt.current = null
    const step = followTrigger(open.current, found, dismissedAt.current)
    if (step.type === 'close') setTrigger(null)
    else if (step.type === 'query') setTrigger(step.trigger)
    else if (step.type === 'open') {
      // The list opens under the trigger and stays there while the query grows.
      const opened = step.trigger
      view.requestMeasure({
        key: 'note-typeahead',
        read: () => ({
          caret: view.coordsAtPos(opened.start),
          box: host.current?.getBoundingClientRect(),
          query: latestQuery(view, opened.start),
        }),
        write: ({ caret, box, query }) => {
          // By the time the editor measures, the caret may have left the trigger again.
          if (!caret || !box || query === undefined || open.current) return
          setTrigger({
            ...opened,
            query,
            top: caret.bottom - box.top,
            left: Math.max(0, Math.min(caret.left - box.left, box.width - LIST_WIDTH)),
          })
        },
      })
    }
  }

  /** A key pressed in the editor: the open list takes arrows, Enter, Tab and Escape. */
  const handleKey = (event: KeyboardEvent): boolean => {
    if (!open.current) return false
    if (suggestions.current?.handleKey(event.key)) {
      event.preventDefault()
      return true
    }
    if (event.key === 'Escape') {
      dismissedAt.current = open.current.start
      setTrigger(null)
      event.preventDefault()
      return true
    }
    return false
  }

  /** Replaces the trigger and what was typed after it with a link, as one undoable step. */
  const insert = (markdown: string): void => {
    const view = editor.current
    const opened = open.current
    if (!view || !opened) return
    const end = view.state.selection.main.head
    view.dispatch({
      changes: { from: opened.start, to: end, insert: markdown },
      selection: { anchor: opened.start + markdown.length },
      userEvent: 'input.complete',
      scrollIntoView: true,
    })
    view.focus()
    setTrigger(null)
  }

  const close = (): void => setTrigger(null)

  return { trigger, activeOption, setActiveOption, follow, handleKey, insert, close }
}

/** What is typed after the trigger at `start` now, if the caret is still in it. */
function latestQuery(view: EditorView, start: number): string | undefined {
  const { main } = view.state.selection
  if (!main.empty || main.head < start) return undefined
  const from = Math.max(0, main.head - TRIGGER_LOOK_BACK)
  const found = triggerBefore(view.state.sliceDoc(from, main.head), from)
  return found?.start === start ? found.query : undefined
}

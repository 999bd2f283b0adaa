import { useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { caretOffset } from './caret'
import type { AnchoredTrigger, SuggestionsHandle } from './Suggestions'
import { findTrigger, followTrigger } from './typeahead'

/** Width of the suggestions list, kept inside the textarea's box. */
const LIST_WIDTH = 380

/**
 * The type-ahead of one textarea: which trigger is open and where its list sits, which
 * option is active (for aria-activedescendant), and the keys the list (`suggestions`) takes
 * from the editor.
 */
export function useTypeahead(
  textarea: RefObject<HTMLTextAreaElement | null>,
  suggestions: RefObject<SuggestionsHandle | null>,
) {
  const [trigger, setTrigger] = useState<AnchoredTrigger | null>(null)
  const [activeOption, setActiveOption] = useState<string | undefined>()
  const dismissedAt = useRef<number | null>(null)

  /** Opens, follows or closes the list for where the caret now is. */
  const follow = (area: HTMLTextAreaElement): void => {
    const found =
      area.selectionStart === area.selectionEnd
        ? findTrigger(area.value, area.selectionStart)
        : null
    if (!found) dismissedAt.current = null
    const step = followTrigger(trigger, found, dismissedAt.current)
    if (step.type === 'close') setTrigger(null)
    else if (step.type === 'query') setTrigger(step.trigger)
    else if (step.type === 'open') {
      // The list opens under the trigger and stays there while the query grows.
      const caret = caretOffset(area, step.trigger.start)
      setTrigger({
        ...step.trigger,
        top: caret.top + caret.lineHeight,
        left: Math.max(0, Math.min(caret.left, area.clientWidth - LIST_WIDTH)),
      })
    }
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
  const insert = (markdown: string): void => {
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

  const close = (): void => setTrigger(null)

  return { trigger, activeOption, setActiveOption, follow, onKeyDown, insert, close }
}

/**
 * Keyboard access to the underlined names of the text without making them tab stops: a
 * name takes the focus (tabindex -1) only while the analyst moves through the names by
 * key, and gives it back when the focus leaves. A name that is always focusable takes the
 * focus on mouse down, which breaks selecting a passage by dragging across it.
 */
const MENTION = '.entity-mention[data-entity-id]'

function mentionsIn(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(MENTION)]
}

function focusMention(mention: HTMLElement): void {
  mention.tabIndex = -1
  mention.focus()
  mention.scrollIntoView({ block: 'nearest' })
}

/** Whether an element is one of the underlined names. */
export function isMention(element: EventTarget | null): element is HTMLElement {
  return element instanceof HTMLElement && element.matches(MENTION)
}

/**
 * Focuses the first name in view (the first of the text when none is in view). Returns
 * whether there was a name to focus.
 */
export function focusFirstMention(root: HTMLElement): boolean {
  const mentions = mentionsIn(root)
  if (mentions.length === 0) return false
  const view = root.getBoundingClientRect()
  const inView = mentions.find((m) => {
    const box = m.getBoundingClientRect()
    return box.bottom > view.top && box.top < view.bottom
  })
  focusMention(inView ?? mentions[0]!)
  return true
}

/** Moves the focus to the next (step 1) or previous (-1) name, stopping at either end. */
export function moveMentionFocus(root: HTMLElement, from: HTMLElement, step: 1 | -1): void {
  const mentions = mentionsIn(root)
  const next = mentions[mentions.indexOf(from) + step]
  if (next) focusMention(next)
}

/**
 * Marks a name whose evidence panel it opened: it stays focusable while the focus is in the
 * panel, so closing the panel can hand the focus back to it.
 */
export function holdMention(mention: HTMLElement): void {
  mention.dataset.holdFocus = 'true'
}

/** The name is a plain piece of text again once the focus has left it (unless held). */
export function releaseMention(mention: HTMLElement): void {
  if (mention.dataset.holdFocus) {
    delete mention.dataset.holdFocus
    return
  }
  mention.removeAttribute('tabindex')
}

import { useEffect, useState, type RefObject } from 'react'
import type { PendingSelection } from './AnnotationEditor'
import { selectedPassage } from './reader-model'

/** A passage selected in the reader's text, and where it is on screen. */
export interface LiveSelection extends PendingSelection {
  rect: DOMRect
}

/**
 * Follows the document's selection: the passage when it lies inside the reader's text
 * (`rootRef`), else null.
 */
export function useTextSelection(
  rootRef: RefObject<HTMLElement | null>,
  text: string,
): LiveSelection | null {
  const [selection, setSelection] = useState<LiveSelection | null>(null)
  useEffect(() => {
    const onChange = (): void => {
      const root = rootRef.current
      const current = document.getSelection()
      if (!root || !current || current.isCollapsed || current.rangeCount === 0) {
        setSelection(null)
        return
      }
      const range = current.getRangeAt(0)
      if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) {
        setSelection(null)
        return
      }
      const passage = selectedPassage(
        text,
        offsetOfPoint(root, range.startContainer, range.startOffset, text.length),
        offsetOfPoint(root, range.endContainer, range.endOffset, text.length),
      )
      setSelection(passage && { ...passage, rect: range.getBoundingClientRect() })
    }
    document.addEventListener('selectionchange', onChange)
    return () => document.removeEventListener('selectionchange', onChange)
  }, [rootRef, text])
  return selection
}

/** The offset in the source text of a DOM point inside the reader. */
function offsetOfPoint(root: HTMLElement, node: Node, offset: number, textLength: number): number {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement
  const block = element?.closest('[data-block-start]')
  if (block && root.contains(block)) {
    const range = document.createRange()
    range.setStart(block, 0)
    range.setEnd(node, offset)
    return Number(block.getAttribute('data-block-start')) + range.toString().length
  }
  // A point between paragraphs belongs to the next one.
  const probe = document.createRange()
  probe.setStart(node, offset)
  for (const candidate of root.querySelectorAll('[data-block-start]')) {
    if (probe.comparePoint(candidate, 0) >= 0)
      return Number(candidate.getAttribute('data-block-start'))
  }
  return textLength
}

import { useDeferredValue, useEffect, useRef, useState } from 'react'
import { preferredLayout, rememberLayout, type Layout } from './open-notes'

/** Re-rendering Markdown costs in proportion to the note: the preview waits longer in long notes. */
export function previewDelay(bodyLength: number): number {
  return Math.min(400, Math.max(150, bodyLength / 500))
}

/**
 * Whether the editor shows its source, its preview or both, and the body the preview shows:
 * updated after a pause in typing, and at once when the preview is chosen alone.
 */
export function usePreviewPane(initialBody: string, readBody: () => string | undefined) {
  const [layout, setLayout] = useState<Layout>(preferredLayout)
  const [previewBody, setPreviewBody] = useState(initialBody)
  // The preview renders in the background (first empty, then each update), in blocks React
  // can pause between, so the editor is ready at once and keystrokes go before it.
  const shownBody = useDeferredValue(previewBody, '')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => rememberLayout(layout), [layout])

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )

  const bodyChanged = (body: string): void => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => setPreviewBody(body), previewDelay(body.length))
  }

  const chooseLayout = (next: Layout): void => {
    setLayout(next)
    if (next === 'preview') {
      // The preview shows the text as it is now, not as it was at the last pause.
      const body = readBody()
      if (body !== undefined) setPreviewBody(body)
    }
  }

  return { layout, chooseLayout, shownBody, bodyChanged }
}

import { useEffect, useState } from 'react'
import type { HoverTarget } from './TextView'

/** The card that describes the highlight under the pointer or focus. */
export const HIGHLIGHT_CARD_ID = 'highlight-card'

/**
 * The highlight under the pointer or focus. While there is one, it is described by the
 * highlight card, for screen readers too.
 */
export function useHighlightHover(): [HoverTarget | null, (target: HoverTarget | null) => void] {
  const [hover, setHover] = useState<HoverTarget | null>(null)
  useEffect(() => {
    const element = hover?.element
    element?.setAttribute('aria-describedby', HIGHLIGHT_CARD_ID)
    return () => element?.removeAttribute('aria-describedby')
  }, [hover])
  return [hover, setHover]
}

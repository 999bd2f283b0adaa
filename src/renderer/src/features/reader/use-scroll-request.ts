import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { ReaderRoute } from '../../routes/links'
import { initialScroll, nextScroll, type ScrollRequest } from './reader-model'

/**
 * Which highlight the reader was last asked to show (first the link's own target), and
 * `show` to ask again. Each request scrolls the highlight into view once it is mounted.
 */
export function useScrollRequest(
  rootRef: RefObject<HTMLElement | null>,
  route: Pick<ReaderRoute, 'annotationId' | 'range'>,
): { scroll: ScrollRequest | null; show: (id: string) => void } {
  const [scroll, setScroll] = useState<ScrollRequest | null>(() => initialScroll(route))
  useScrollToHighlight(rootRef, scroll)
  const show = useCallback((id: string) => setScroll((current) => nextScroll(current, id)), [])
  return { scroll, show }
}

/**
 * Scrolls to the first highlight of a request and focuses it. Runs after every render: the
 * highlight may mount frames after the request, as the text mounts group by group.
 */
function useScrollToHighlight(
  rootRef: RefObject<HTMLElement | null>,
  request: ScrollRequest | null,
): void {
  const done = useRef<number | null>(null)
  useLayoutEffect(() => {
    if (!request || done.current === request.nonce) return
    const mark = rootRef.current?.querySelector<HTMLElement>(
      `mark[data-ids~="${CSS.escape(request.id)}"]`,
    )
    if (!mark) return
    done.current = request.nonce
    mark.scrollIntoView({ block: 'center' })
    mark.classList.add('flash')
    if (mark.tabIndex >= 0) mark.focus({ preventScroll: true })
    window.setTimeout(() => mark.classList.remove('flash'), 1600)
  })
}

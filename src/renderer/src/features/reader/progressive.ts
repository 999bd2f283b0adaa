import { useEffect, useState } from 'react'

/**
 * How many of `total` items to mount now: `first` at once, then `step` more per
 * animation frame, so a long list never blocks the page in one commit. `atLeast`
 * forces items up to that count to mount at once (something is about to scroll there).
 */
export function useProgressiveCount(
  total: number,
  first: number,
  step: number,
  atLeast = 0,
): number {
  const [mounted, setMounted] = useState(Math.min(total, first))
  const shown = Math.min(total, Math.max(mounted, atLeast))
  useEffect(() => {
    if (shown >= total) return
    const frame = requestAnimationFrame(() => setMounted(Math.min(total, shown + step)))
    return () => cancelAnimationFrame(frame)
  }, [shown, total, step])
  return shown
}

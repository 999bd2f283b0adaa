import { useEffect, useState } from 'react'

/**
 * The text once the analyst has paused typing for `delayMs`: keystrokes that come faster
 * than that ask the main process once, for the last of them. An emptied box is settled at
 * once (nothing to ask).
 */
export function useSettledText(text: string, delayMs: number): string {
  const [settled, setSettled] = useState(text)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text), delayMs)
    return () => window.clearTimeout(timer)
  }, [text, delayMs])
  return text.trim() === '' ? text : settled
}

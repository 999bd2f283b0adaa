import { useEffect, useState, type RefObject } from 'react'

export interface ElementSize {
  width: number
  height: number
}

/** An element's content box in whole pixels, following it as it resizes. */
export function useElementSize(
  ref: RefObject<HTMLElement | null>,
  initial: ElementSize,
): ElementSize {
  const [size, setSize] = useState(initial)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return
      setSize({
        width: Math.floor(entry.contentRect.width),
        height: Math.floor(entry.contentRect.height),
      })
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return size
}

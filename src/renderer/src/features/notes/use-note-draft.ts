import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { Note } from '../../../../shared/model'
import { saverFor } from './open-notes'

/**
 * A note as the editor changes it: the saver that stores it (which outlives the editor, see
 * open-notes), its save status, and the title. The body lives in the textarea and is read
 * from there with `readBody`. Leaving the note saves what is pending.
 */
export function useNoteDraft(note: Note, readBody: () => string | undefined) {
  const [saver] = useState(() => saverFor(note))
  const status = useSyncExternalStore(
    useCallback((notify: () => void) => saver.subscribe(notify), [saver]),
    () => saver.currentStatus,
  )
  const [initial] = useState(() => saver.latest)
  const [title, setTitle] = useState(initial.title)
  const titleRef = useRef(initial.title)

  useEffect(() => () => void saver.flush().catch(() => undefined), [saver])

  const changeBody = (body: string): void => saver.change({ title: titleRef.current, body })

  const changeTitle = (value: string): void => {
    titleRef.current = value
    setTitle(value)
    saver.change({ title: value, body: readBody() ?? saver.latest.body })
  }

  return { saver, status, initial, title, changeTitle, changeBody }
}

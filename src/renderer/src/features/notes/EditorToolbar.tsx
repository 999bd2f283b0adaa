import { useEffect, useRef, type ReactNode } from 'react'
import type { Layout } from './open-notes'

const LAYOUTS: { id: Layout; label: string }[] = [
  { id: 'write', label: 'Write' },
  { id: 'split', label: 'Split' },
  { id: 'preview', label: 'Preview' },
]

/** Above the note: its title, the layout switch, the save state and the delete button. */
export function EditorToolbar({
  title,
  selectTitle,
  onTitleChange,
  onTitleDone,
  layout,
  onLayout,
  saveState,
  onDelete,
}: {
  title: string
  /** A new note starts with its title selected, ready to be named. */
  selectTitle: boolean
  onTitleChange: (title: string) => void
  /** Enter in the title: the writer goes on to the text. */
  onTitleDone: () => void
  layout: Layout
  onLayout: (layout: Layout) => void
  saveState: ReactNode
  onDelete: () => void
}) {
  const titleInput = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (selectTitle) titleInput.current?.select()
  }, [selectTitle])

  return (
    <div className="note-editor-toolbar">
      <label className="note-title-field">
        <span className="visually-hidden">Title</span>
        <input
          ref={titleInput}
          value={title}
          onChange={(event) => onTitleChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              onTitleDone()
            }
          }}
          maxLength={500}
          placeholder="Untitled note"
          aria-label="Title"
        />
      </label>
      <div role="group" aria-label="Layout" className="segmented">
        {LAYOUTS.map((option) => (
          <button
            key={option.id}
            type="button"
            aria-pressed={layout === option.id}
            onClick={() => onLayout(option.id)}
          >
            {option.label}
          </button>
        ))}
      </div>
      {saveState}
      <button type="button" onClick={onDelete}>
        Delete note
      </button>
    </div>
  )
}

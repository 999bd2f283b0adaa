import { useEffect, useRef, type ReactNode } from 'react'
import type { Layout } from './open-notes'
import { t } from '../../ui/i18n'

const LAYOUTS: { id: Layout; label: string }[] = [
  { id: 'write', label: t('notes.write') },
  { id: 'split', label: t('notes.split') },
  { id: 'preview', label: t('notes.preview') },
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
        <span className="visually-hidden">{t('notes.title')}</span>
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
          placeholder={t('notes.untitledNote')}
          aria-label={t('notes.title')}
        />
      </label>
      <div role="group" aria-label={t('notes.layout')} className="segmented">
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
        {t('notes.deleteNote')}
      </button>
    </div>
  )
}

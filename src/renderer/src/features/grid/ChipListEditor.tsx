import type { CustomCellEditorProps } from 'ag-grid-react'
import { useState } from 'react'
import type { EntityRow } from '../../../../shared/contract'
import { columnContext } from './column-context'
import { t } from '../../ui/i18n'

/**
 * Edits a list (aliases, tags) as chips: Enter adds what is typed, each chip has a remove
 * button, and "Done" (or Enter on an empty box) saves the list in one call.
 */
export function ChipListEditor(props: CustomCellEditorProps<EntityRow, string[]>) {
  const context = columnContext(props.colDef)
  const label = context?.label ?? t('grid.items')
  const singular = label.replace(/es$|s$/, '').toLowerCase()
  const items = props.value ?? []
  const [draft, setDraft] = useState('')

  const add = (): void => {
    const text = draft.trim()
    if (text && !items.includes(text)) props.onValueChange([...items, text])
    setDraft('')
  }

  return (
    <div
      className="chip-editor"
      role="group"
      aria-label={t('grid.of', { label, value: props.data?.entity.name ?? 'this row' })}
    >
      <ul className="chips">
        {items.map((item) => (
          <li key={item} className="chip">
            <span dir="auto">{item}</span>
            <button
              type="button"
              aria-label={t('grid.remove', { singular, item })}
              onClick={() => props.onValueChange(items.filter((x) => x !== item))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="chip-input">
        <input
          aria-label={t('grid.add', { singular })}
          value={draft}
          dir="auto"
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft.trim()) {
              e.preventDefault()
              add()
            }
          }}
        />
        <button type="button" onClick={add}>
          {t('grid.add2')}
        </button>
        <button type="button" onClick={() => props.stopEditing()}>
          {t('grid.done')}
        </button>
      </div>
    </div>
  )
}

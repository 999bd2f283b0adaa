import { useId, useMemo, useState } from 'react'
import { chordLabel } from '../../ui/keys'
import { Dialog } from '../../ui/Dialog'
import { groupResults, paletteMatcher, type PaletteItem } from './palette-items'
import { useCommandAndViewItems, useRecordItems } from './use-palette-items'
import { t } from '../../ui/i18n'

/**
 * The command palette (Ctrl+K / ⌘K): one box that finds a command of any view, a view, or a
 * record by name (commands and views matched here, records by the main process's index). Arrow keys move, Enter runs, Escape closes. A combobox over a listbox, so a
 * screen reader hears the active option as the arrows move.
 */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('')
  const commandsAndViews = useCommandAndViewItems()
  const records = useRecordItems(query)
  const [activeIndex, setActiveIndex] = useState(0)
  const listId = useId()
  const optionId = (index: number): string => `${listId}-option-${index}`

  const match = useMemo(() => paletteMatcher(commandsAndViews), [commandsAndViews])
  const groups = useMemo(
    () => groupResults([...match(query), ...records.items]),
    [match, query, records.items],
  )
  const flat = useMemo(() => groups.flatMap((group) => group.items), [groups])
  /** Where each group's first option falls in `flat`, for the options' ids. */
  const offsets = useMemo(
    () =>
      groups.map((_, g) => groups.slice(0, g).reduce((sum, group) => sum + group.items.length, 0)),
    [groups],
  )
  const active = Math.min(activeIndex, Math.max(flat.length - 1, 0))

  const choose = (item: PaletteItem | undefined): void => {
    if (!item || item.disabled) return
    onClose()
    // After the palette has closed and handed focus back, so what the command opens keeps it.
    window.setTimeout(item.run, 0)
  }

  return (
    <Dialog title={t('palette.commandPalette')} onClose={onClose} className="command-palette">
      <input
        data-autofocus
        type="text"
        role="combobox"
        aria-label={t('palette.findACommandViewOrRecord')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={flat.length > 0 ? optionId(active) : undefined}
        placeholder={t('palette.typeACommandAViewOr')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActiveIndex(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault()
            const step = event.key === 'ArrowDown' ? 1 : -1
            setActiveIndex((active + step + flat.length) % Math.max(flat.length, 1))
          } else if (event.key === 'Home' && event.ctrlKey) {
            setActiveIndex(0)
          } else if (event.key === 'Enter') {
            event.preventDefault()
            choose(flat[active])
          }
        }}
      />
      <div id={listId} role="listbox" aria-label={t('palette.results')} className="palette-results">
        {groups.map((group, g) => (
          <div key={group.group} role="group" aria-label={group.group}>
            <div className="palette-group" aria-hidden="true">
              {group.group}
            </div>
            {group.items.map((item, i) => {
              const position = (offsets[g] ?? 0) + i
              return (
                <div
                  key={item.key}
                  id={optionId(position)}
                  role="option"
                  aria-selected={position === active}
                  aria-disabled={item.disabled || undefined}
                  className="palette-option"
                  onMouseMove={() => position !== active && setActiveIndex(position)}
                  onClick={() => choose(item)}
                >
                  <span className="palette-title" dir="auto">
                    {item.title}
                  </span>
                  {item.detail && (
                    <span className="palette-detail" dir="auto">
                      {item.detail}
                    </span>
                  )}
                  {item.keys && (
                    <span className="palette-keys">
                      {item.keys.slice(0, 1).map((chord) => (
                        <kbd key={chord}>{chordLabel(chord)}</kbd>
                      ))}
                    </span>
                  )}
                </div>
              )
            })}
          </div>
        ))}
        {flat.length === 0 && (
          <p className="palette-empty muted">
            {records.loading
              ? t('palette.lookingUpNames')
              : t('palette.nothingMatches', { trim: query.trim() })}
          </p>
        )}
      </div>
    </Dialog>
  )
}

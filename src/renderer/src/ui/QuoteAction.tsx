/**
 * The parts the quote actions share ("Cite in note…", "Add to analysis…"): a button that
 * opens the action's dialog and then links to where the quote went, and the dialog's choice
 * of an existing record or a new one named on the spot.
 */
import { useState, type ReactNode } from 'react'
import './quote-action.css'

/** Where an action put the quote: the record and what it is called. */
export interface QuoteActionTarget {
  id: string
  name: string
}

export function QuoteActionButton({
  label,
  doneText,
  href,
  dialog,
}: {
  label: string
  /** Before the link once done, e.g. "Cited in". */
  doneText: string
  href: (id: string) => string
  dialog: (close: () => void, done: (target: QuoteActionTarget) => void) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState<QuoteActionTarget | null>(null)
  return (
    <span className="quote-action">
      <button
        type="button"
        onClick={() => {
          setDone(null)
          setOpen(true)
        }}
      >
        {label}
      </button>
      {done && (
        <span role="status" className="quote-action-done">
          {doneText} <a href={href(done.id)}>{done.name}</a>
        </span>
      )}
      {open &&
        dialog(
          () => setOpen(false),
          (target) => {
            setOpen(false)
            setDone(target)
          },
        )}
    </span>
  )
}

/** The value of the "new" choice; no record id can be it. */
export const NEW_CHOICE = '\u0000new'

/** A radio list of records, and last "A new …" with a field for its name when chosen. */
export function ChoiceOrNew({
  legend,
  name,
  options,
  selected,
  onSelect,
  newLabel,
  newName,
  onNewName,
  newNameLabel,
  newNamePlaceholder,
}: {
  legend: string
  /** The radio group's name. */
  name: string
  options: readonly QuoteActionTarget[]
  /** An option's id, or NEW_CHOICE. */
  selected: string
  onSelect: (id: string) => void
  newLabel: string
  newName: string
  onNewName: (value: string) => void
  newNameLabel: string
  newNamePlaceholder: string
}) {
  return (
    <fieldset className="choice-or-new">
      <legend className="muted">{legend}</legend>
      <ul>
        {options.map((option) => (
          <li key={option.id}>
            <label>
              <input
                type="radio"
                name={name}
                checked={selected === option.id}
                onChange={() => onSelect(option.id)}
              />
              {option.name}
            </label>
          </li>
        ))}
        <li>
          <label>
            <input
              type="radio"
              name={name}
              checked={selected === NEW_CHOICE}
              onChange={() => onSelect(NEW_CHOICE)}
            />
            {newLabel}
          </label>
          {selected === NEW_CHOICE && (
            <input
              aria-label={newNameLabel}
              placeholder={newNamePlaceholder}
              value={newName}
              onChange={(event) => onNewName(event.target.value)}
            />
          )}
        </li>
      </ul>
    </fieldset>
  )
}

import type { ReactNode } from 'react'

/** One choice of a radio group, its words as its label. */
export function RadioOption({
  name,
  checked,
  onSelect,
  children,
}: {
  /** The group's name, shared by its options. */
  name: string
  checked: boolean
  onSelect: () => void
  children: ReactNode
}) {
  return (
    <label>
      <input type="radio" name={name} checked={checked} onChange={onSelect} />
      {children}
    </label>
  )
}

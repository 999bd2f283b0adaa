/** The small "×" that closes a panel or dismisses a message; `label` names what it does. */
export function CloseButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="icon-button" aria-label={label} onClick={onClick}>
      ×
    </button>
  )
}

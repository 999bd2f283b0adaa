/** The button that floats above a selection: "Annotate", or "Anchor here" while re-selecting. */
export function AnnotateButton({
  rect,
  reselecting,
  disabled,
  onClick,
}: {
  rect: DOMRect
  reselecting: boolean
  disabled: boolean
  onClick: () => void
}) {
  return (
    <button
      type="button"
      className="annotate-button"
      aria-keyshortcuts="A"
      style={{
        top: Math.max(8, rect.top - 40),
        left: Math.min(window.innerWidth - 140, Math.max(8, rect.left)),
      }}
      // Keeps the selection: a press would otherwise collapse it before the click.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      disabled={disabled}
    >
      {reselecting ? 'Anchor here' : 'Annotate'}
    </button>
  )
}

interface SelectionControlsProps {
  selected: readonly string[]
  names: ReadonlyMap<string, string>
  /** "Expand" has narrowed the view to a focus. */
  focused: boolean
  hiddenCount: number
  onExpand(): void
  onHide(): void
  onOpenRecord(): void
  onShowWholeGraph(): void
  onShowHidden(): void
}

/** What is selected on the chart, and what can be done with it. */
export function SelectionControls({
  selected,
  names,
  focused,
  hiddenCount,
  onExpand,
  onHide,
  onOpenRecord,
  onShowWholeGraph,
  onShowHidden,
}: SelectionControlsProps) {
  const one = selected.length === 1
  return (
    <fieldset>
      <legend>Selection</legend>
      <p className="muted selection-summary">
        {selected.length === 0
          ? 'Click a node; Shift-click adds more.'
          : selected.map((id) => names.get(id) ?? id).join(', ')}
      </p>
      <div className="button-row">
        <button type="button" onClick={onExpand} disabled={!one}>
          Expand
        </button>
        <button type="button" onClick={onHide} disabled={selected.length === 0}>
          Hide
        </button>
        <button type="button" onClick={onOpenRecord} disabled={!one}>
          Open record
        </button>
      </div>
      <div className="button-row">
        {focused && (
          <button type="button" onClick={onShowWholeGraph}>
            Show whole graph
          </button>
        )}
        {hiddenCount > 0 && (
          <button type="button" onClick={onShowHidden}>
            Show hidden ({hiddenCount})
          </button>
        )}
      </div>
    </fieldset>
  )
}

import { t } from '../../ui/i18n'
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
      <legend>{t('graph.selection')}</legend>
      <p className="muted selection-summary">
        {selected.length === 0
          ? t('graph.clickANodeShiftClickAdds')
          : selected.map((id) => names.get(id) ?? id).join(', ')}
      </p>
      <div className="button-row">
        <button type="button" onClick={onExpand} disabled={!one}>
          {t('graph.expand')}
        </button>
        <button type="button" onClick={onHide} disabled={selected.length === 0}>
          {t('graph.hide')}
        </button>
        <button type="button" onClick={onOpenRecord} disabled={!one}>
          {t('graph.openRecord')}
        </button>
      </div>
      <div className="button-row">
        {focused && (
          <button type="button" onClick={onShowWholeGraph}>
            {t('graph.showWholeGraph')}
          </button>
        )}
        {hiddenCount > 0 && (
          <button type="button" onClick={onShowHidden}>
            {t('graph.showHidden', { hiddenCount })}
          </button>
        )}
      </div>
    </fieldset>
  )
}

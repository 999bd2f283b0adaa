import { t } from '../../ui/i18n'
/**
 * The small bar that floats beside a selection: "Annotate" (or "A", or a credibility digit)
 * and "Cite in note…"; while an annotation is being re-selected, "Anchor here" only.
 */
export function SelectionAdder({
  rect,
  reselecting,
  disabled,
  onAnnotate,
  onCite,
}: {
  rect: DOMRect
  reselecting: boolean
  disabled: boolean
  onAnnotate: () => void
  onCite: () => void
}) {
  return (
    <div
      role="toolbar"
      aria-label={t('reader.selection')}
      className="selection-adder"
      style={{
        top: Math.max(8, rect.top - 40),
        left: Math.min(window.innerWidth - 240, Math.max(8, rect.left)),
      }}
      // Keeps the selection: a press would otherwise collapse it before the click.
      onMouseDown={(e) => e.preventDefault()}
    >
      <button
        type="button"
        className="annotate-button"
        aria-keyshortcuts="A 1 2 3 4 5 6"
        onClick={onAnnotate}
        disabled={disabled}
      >
        {reselecting ? t('reader.anchorHere') : t('reader.annotate')}
      </button>
      {!reselecting && (
        <button type="button" onClick={onCite} disabled={disabled}>
          {t('reader.citeInNote')}
        </button>
      )}
    </div>
  )
}

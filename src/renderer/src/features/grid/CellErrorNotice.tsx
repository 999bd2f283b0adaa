import type { CellError } from './use-cell-edits'
import { CloseButton } from '../../ui/CloseButton'
import { t } from '../../ui/i18n'

/** Where the reason goes when its cell is scrolled out of view: the top of the grid. */
const FALLBACK_POSITION = { top: 40, left: 8 }

/** Why an edit was refused: an outline on the cell and the reason just under it. */
export function CellErrorNotice({ error, onDismiss }: { error: CellError; onDismiss: () => void }) {
  const { box } = error
  return (
    <>
      {box && (
        <div
          className="cell-error-outline"
          aria-hidden="true"
          style={{ top: box.top, left: box.left, width: box.width, height: box.height }}
        />
      )}
      <div
        className="cell-error"
        role="alert"
        style={box ? { top: box.top + box.height + 2, left: box.left } : FALLBACK_POSITION}
      >
        <strong>{t('grid.notSaved', { label: error.label })}</strong> {error.message}
        <CloseButton label={t('grid.dismissTheMessage')} onClick={onDismiss} />
      </div>
    </>
  )
}

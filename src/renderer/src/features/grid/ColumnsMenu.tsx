import type { GridApi } from 'ag-grid-community'
import type { EntityRow } from '../../../../shared/contract'
import { SELECTION_COLUMN_ID } from './column-state'
import { t } from '../../ui/i18n'

/**
 * Show, hide, pin and reorder columns from a list (the grid's own column chooser is an
 * enterprise feature); drag and resize in the header work as well. Every change is saved.
 */
export function ColumnsMenu({
  api,
  onChanged,
  onReset,
}: {
  api: GridApi<EntityRow>
  onChanged: () => void
  onReset: () => void
}) {
  const columns = api
    .getColumnState()
    .filter((c) => c.colId !== SELECTION_COLUMN_ID)
    .map((c) => {
      const def = api.getColumn(c.colId)?.getColDef()
      return { ...c, label: def?.headerName ?? c.colId, locked: def?.lockVisible === true }
    })
  const move = (colId: string, by: number): void => {
    const all = api.getColumnState().map((c) => c.colId)
    const target = all.indexOf(colId) + by
    if (target < 0 || target >= all.length || all[target] === SELECTION_COLUMN_ID) return
    api.moveColumns([colId], target)
    onChanged()
  }
  return (
    <div className="columns-menu" role="group" aria-label={t('grid.columns')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('grid.column')}</th>
            <th scope="col">{t('grid.shown')}</th>
            <th scope="col">{t('grid.pinned')}</th>
            <th scope="col">{t('grid.order')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c, i) => (
            <tr key={c.colId}>
              <th scope="row">{c.label}</th>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('grid.show', { label: c.label })}
                  checked={!c.hide}
                  disabled={c.locked}
                  onChange={(e) => {
                    api.setColumnsVisible([c.colId], e.target.checked)
                    onChanged()
                  }}
                />
              </td>
              <td>
                <select
                  aria-label={t('grid.pin', { label: c.label })}
                  value={c.pinned === 'right' ? 'right' : c.pinned ? 'left' : ''}
                  onChange={(e) => {
                    const value = e.target.value
                    api.setColumnsPinned(
                      [c.colId],
                      value === 'left' || value === 'right' ? value : null,
                    )
                    onChanged()
                  }}
                >
                  <option value="">{t('grid.notPinned')}</option>
                  <option value="left">{t('grid.left')}</option>
                  <option value="right">{t('grid.right')}</option>
                </select>
              </td>
              <td>
                <button
                  type="button"
                  aria-label={t('grid.moveLeft', { label: c.label })}
                  disabled={i === 0}
                  onClick={() => move(c.colId, -1)}
                >
                  ←
                </button>
                <button
                  type="button"
                  aria-label={t('grid.moveRight', { label: c.label })}
                  disabled={i === columns.length - 1}
                  onClick={() => move(c.colId, 1)}
                >
                  →
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onReset}>
        {t('grid.resetColumns')}
      </button>
    </div>
  )
}

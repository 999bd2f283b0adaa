/** What the toolbar and the add form do to the grid itself once the app has done its part. */
import type { GridApi, ProcessCellForExportParams } from 'ag-grid-community'
import type { EntityRow } from '../../../../shared/contract'
import type { Entity } from '../../../../shared/model'
import type { EntityGridSpec } from '../../routes/entity-grids'
import { csvFileName, neutralizeFormula, withBom } from '../../ui/csv'
import { downloadFile } from '../../ui/download'
import type { ExchangeRequest } from '../../ui/exchange-request'
import { SELECTION_COLUMN_ID } from './column-state'
import { t } from '../../ui/i18n'

/** Downloads the rows and columns on screen as CSV; returns what to announce. */
export function exportShownAsCsv(api: GridApi<EntityRow>, label: string): string {
  const columnKeys = api
    .getAllDisplayedColumns()
    .map((c) => c.getColId())
    .filter((id) => id !== SELECTION_COLUMN_ID)
  const csv =
    api.getDataAsCsv({
      columnKeys,
      processCellCallback: (p: ProcessCellForExportParams<EntityRow>) =>
        neutralizeFormula(p.formatValue(p.value) ?? ''),
    }) ?? ''
  downloadFile(csvFileName(label), new Blob([withBom(csv)], { type: 'text/csv;charset=utf-8' }))
  return t('grid.exportedRowsAndColumns', {
    getDisplayedRowCount: api.getDisplayedRowCount(),
    length: columnKeys.length,
  })
}

/**
 * Brings a new entity's row into view, selected and flashed, or says the filters hide it;
 * returns what to announce, or null when the grid has no such row.
 */
export function revealNewRow(api: GridApi<EntityRow> | null, entity: Entity): string | null {
  const node = api?.getRowNode(entity.id)
  if (!api || !node) return null
  if (!node.displayed) return t('grid.addedTheCurrentFiltersHideIt', { name: entity.name })
  api.ensureNodeVisible(node, 'middle')
  api.deselectAll()
  node.setSelected(true)
  api.flashCells({ rowNodes: [node] })
  return t('grid.added', { name: entity.name })
}

/** What the Exchange dialog exports from a grid: the selected rows if any, else the project. */
export function exchangeRequest(
  selectedIds: readonly string[],
  spec: EntityGridSpec,
): ExchangeRequest {
  if (selectedIds.length === 0) return { scope: { kind: 'project' } }
  const noun = selectedIds.length === 1 ? spec.singular : spec.label.toLowerCase()
  return {
    scope: { kind: 'entities', entityIds: [...selectedIds] },
    scopeLabel: t('grid.theSelectedTheirRelationsAndWhat', { length: selectedIds.length, noun }),
  }
}

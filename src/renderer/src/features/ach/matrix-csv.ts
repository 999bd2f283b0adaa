/** The matrix as CSV: every row and column on screen, the comments, and the score rows. */
import type { GridApi, ProcessCellForExportParams } from 'ag-grid-community'
import { csvFileName, neutralizeFormula, withBom } from '../../ui/csv'
import { downloadFile } from '../../ui/download'
import type { MatrixGridRow } from './matrix-model'
import { t } from '../../ui/i18n'

/** Downloads the matrix; returns what to announce. */
export function exportMatrixCsv(api: GridApi<MatrixGridRow>, question: string): string {
  // "Counts" is a what-if switch, not data; the hidden comments column is.
  const columnKeys = api
    .getColumns()!
    .map((c) => c.getColId())
    .filter((id) => id !== 'include')
  const csv =
    api.getDataAsCsv({
      columnKeys,
      processCellCallback: (p: ProcessCellForExportParams<MatrixGridRow>) =>
        neutralizeFormula(p.formatValue(p.value) ?? ''),
    }) ?? ''
  const name = `analysis ${question}`.slice(0, 60)
  downloadFile(csvFileName(name), new Blob([withBom(csv)], { type: 'text/csv;charset=utf-8' }))
  return t('ach.exportedRowsAndTheirScoresAs', { getDisplayedRowCount: api.getDisplayedRowCount() })
}

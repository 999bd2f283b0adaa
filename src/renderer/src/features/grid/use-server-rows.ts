import type { GridApi } from 'ag-grid-community'
import { useEffect, useRef } from 'react'
import type { EntityRow } from '../../../../shared/contract'
import { registerTableSink } from '../../api/row-sync'
import { nextPage } from './row-pages'

/**
 * Keeps the grid's rows in step with the server's. Rows from a load (the first, or a reload
 * after another view changed entities) go in through the grid's delta update keyed by id;
 * our own edits arrive from the data layer as transactions.
 */
export function useServerRows(
  api: GridApi<EntityRow> | null,
  type: string,
  rows: EntityRow[] | undefined,
): void {
  // The rows the grid holds now, so a load that brings nothing new is not applied twice.
  const appliedRef = useRef<readonly EntityRow[] | null>(null)

  useEffect(() => {
    if (!api || !rows || rows === appliedRef.current) return
    const page = nextPage(appliedRef.current, rows)
    appliedRef.current = rows
    if (page) api.applyTransaction({ add: page })
    else api.setGridOption('rowData', rows)
  }, [api, rows])

  useEffect(() => {
    if (!api) return
    return registerTableSink(type, {
      apply(transaction, next) {
        appliedRef.current = next
        api.applyTransaction(transaction)
      },
    })
  }, [api, type])
}

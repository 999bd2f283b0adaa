import type { CellEditRequestEvent } from 'ag-grid-community'
import { useCallback, useState, type RefObject } from 'react'
import type { EntityRow } from '../../../../shared/contract'
import { columnContext } from './column-context'
import { updateEntity } from './editing'
import { patchFor, sameValue } from './fields'
import { t } from '../../ui/i18n'

/** Where a cell is, relative to the grid host; null when it is scrolled out of view. */
export type CellBox = { top: number; left: number; width: number; height: number } | null

/** An edit the app refused, shown next to its cell until the cell is saved or it is dismissed. */
export interface CellError {
  rowId: string
  colId: string
  label: string
  message: string
  box: CellBox
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function locateCell(host: HTMLElement | null, rowId: string, colId: string): CellBox {
  if (!host) return null
  const cell = host.querySelector(`[row-id="${CSS.escape(rowId)}"] [col-id="${CSS.escape(colId)}"]`)
  if (!cell) return null
  const cellBox = cell.getBoundingClientRect()
  const hostBox = host.getBoundingClientRect()
  return {
    top: cellBox.top - hostBox.top,
    left: cellBox.left - hostBox.left,
    width: cellBox.width,
    height: cellBox.height,
  }
}

/**
 * Edit in place: the grid asks (readOnlyEdit), the app saves through the edit history, and a
 * refused value leaves the cell as it was with the reason beside it. `hostRef` is the
 * element that holds the grid, where the reason is placed next to its cell.
 */
export function useCellEdits(
  hostRef: RefObject<HTMLElement | null>,
  announce: (message: string) => void,
) {
  const [cellError, setCellError] = useState<CellError | null>(null)

  const onCellEditRequest = useCallback(
    async (event: CellEditRequestEvent<EntityRow>) => {
      const field = columnContext(event.colDef)?.field
      const row = event.data
      if (!field || !row) return
      if (sameValue(event.oldValue, event.newValue)) return
      const { entity } = row
      const what = `${field.label.toLowerCase()} of ${entity.name}`
      try {
        await updateEntity(entity, patchFor(field, event.newValue), what)
        setCellError((current) =>
          current?.rowId === entity.id && current.colId === field.colId ? null : current,
        )
        announce(t('grid.savedThe', { what }))
      } catch (error) {
        const message = messageOf(error)
        setCellError({
          rowId: entity.id,
          colId: field.colId,
          label: field.label,
          message,
          box: locateCell(hostRef.current, entity.id, field.colId),
        })
        announce(t('grid.notSaved2', { message }))
      }
    },
    [hostRef, announce],
  )

  // The reason follows its cell as the grid scrolls.
  const onBodyScroll = useCallback(
    () =>
      setCellError((e) => (e ? { ...e, box: locateCell(hostRef.current, e.rowId, e.colId) } : e)),
    [hostRef],
  )

  const dismissError = useCallback(() => setCellError(null), [])

  return { cellError, dismissError, gridProps: { onCellEditRequest, onBodyScroll } }
}

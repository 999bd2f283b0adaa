import type { ColDef, GridApi } from 'ag-grid-community'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { EntityRow, SavedColumn } from '../../../../shared/contract'
import { saveGridColumns } from '../../api/grid'
import { isUserColumnChange, toColumnState, toSavedColumns } from './column-state'
import { gridKey } from './entity-types'
import { t } from '../../ui/i18n'

/** A person drags and resizes in bursts: the layout is saved once they pause. */
const SAVE_DELAY_MS = 400

/**
 * The column layout of a grid, kept in the project: restored when the grid is ready, saved
 * a moment after a person changes it (in the header or the Columns menu), reset on request.
 */
export function useColumnLayout({
  api,
  type,
  columnDefs,
  saved,
  announce,
}: {
  api: GridApi<EntityRow> | null
  type: string
  columnDefs: readonly ColDef<EntityRow>[]
  saved: readonly SavedColumn[] | undefined
  announce: (message: string) => void
}) {
  // The Columns menu reads the grid's column state as it renders: each change renders it again.
  const [, setVersion] = useState(0)
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const saveSoon = useCallback(() => {
    if (!api) return
    setVersion((v) => v + 1)
    if (saveTimer.current) clearTimeout(saveTimer.current)
    saveTimer.current = setTimeout(() => {
      saveTimer.current = null
      void saveGridColumns(gridKey(type), toSavedColumns(api.getColumnState())).catch(
        (error: unknown) =>
          announce(
            t('grid.theColumnLayoutWasNotSaved', {
              value: error instanceof Error ? error.message : String(error),
            }),
          ),
      )
    }, SAVE_DELAY_MS)
  }, [api, type, announce])

  useEffect(
    () => () => {
      if (saveTimer.current) clearTimeout(saveTimer.current)
    },
    [],
  )

  const onColumnChanged = useCallback(
    (event: { source: string; finished?: boolean }) => {
      if (isUserColumnChange(event)) saveSoon()
    },
    [saveSoon],
  )

  /** Puts the saved layout on a grid that has just become ready. */
  const restore = useCallback(
    (gridApi: GridApi<EntityRow>) => {
      const layout = saved ?? []
      if (layout.length === 0) return
      const known = new Set(columnDefs.map((c) => c.colId ?? ''))
      gridApi.applyColumnState({ state: toColumnState(layout, known), applyOrder: true })
    },
    [columnDefs, saved],
  )

  const reset = useCallback(() => {
    if (!api) return
    api.resetColumnState()
    setVersion((v) => v + 1)
    void saveGridColumns(gridKey(type), [])
  }, [api, type])

  return {
    restore,
    saveSoon,
    reset,
    gridProps: { onColumnMoved: onColumnChanged, onColumnResized: onColumnChanged },
  }
}

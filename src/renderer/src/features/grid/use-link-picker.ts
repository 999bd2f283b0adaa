import type { CellDoubleClickedEvent, CellKeyDownEvent, ColDef, IRowNode } from 'ag-grid-community'
import { useCallback, useState } from 'react'
import type { EntityRow, LinkColumnKey } from '../../../../shared/contract'
import { columnContext } from './column-context'

/**
 * The picker of a relation-backed cell (Leaders, Allies…): a double-click or Enter on the
 * cell opens it for that row. The row is looked up in `rows` on each render, so the picker
 * shows the links as they are after each add or remove.
 */
export function useLinkPicker(rows: readonly EntityRow[] | undefined) {
  const [target, setTarget] = useState<{ rowId: string; column: LinkColumnKey } | null>(null)

  const open = useCallback((colDef: ColDef<EntityRow> | null, node: IRowNode<EntityRow>) => {
    const column = columnContext(colDef)?.link
    if (column && node.id) setTarget({ rowId: node.id, column })
  }, [])

  const onCellDoubleClicked = useCallback(
    (event: CellDoubleClickedEvent<EntityRow>) => open(event.colDef, event.node),
    [open],
  )

  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<EntityRow>) => {
      const key = (event.event as KeyboardEvent | null | undefined)?.key
      if (key === 'Enter') open(event.colDef, event.node)
    },
    [open],
  )

  const close = useCallback(() => setTarget(null), [])

  const row = target && rows ? rows.find((r) => r.entity.id === target.rowId) : undefined
  return {
    picking: target && row ? { row, column: target.column } : null,
    close,
    gridProps: { onCellDoubleClicked, onCellKeyDown },
  }
}

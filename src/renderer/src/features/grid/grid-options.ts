/** The grid options every entity grid shares and never changes while it is shown. */
import type { GetRowIdParams, RowSelectionOptions, SelectionColumnDef } from 'ag-grid-community'
import type { EntityRow } from '../../../../shared/contract'

export const rowSelection: RowSelectionOptions<EntityRow> = {
  mode: 'multiRow',
  checkboxes: true,
  headerCheckbox: true,
  // A click opens the row's panel; only the checkbox (or Space) ticks a row for deletion,
  // so looking at a row never arms "Delete selected".
  enableClickSelection: false,
  selectAll: 'filtered',
}

export const selectionColumnDef: SelectionColumnDef = { pinned: 'left', width: 48 }

/** Rows are matched by entity id, so reloads and edits update rows instead of re-creating them. */
export const getRowId = (params: GetRowIdParams<EntityRow>): string => params.data.entity.id

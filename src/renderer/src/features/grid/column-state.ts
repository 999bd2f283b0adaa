import type { ColumnState } from 'ag-grid-community'
import type { SavedColumn } from '../../../../shared/contract'

/** The grid's own checkbox column: never saved, never listed. */
export const SELECTION_COLUMN_ID = 'ag-Grid-SelectionColumn'

/**
 * The grid's column state reduced to what the project keeps: order, width, visibility and
 * pinning. Sorting is left out: it is a way of looking, not a layout, and saving it would
 * rewrite the project file on every header click.
 */
export function toSavedColumns(state: readonly ColumnState[]): SavedColumn[] {
  return state
    .filter((c) => c.colId !== SELECTION_COLUMN_ID)
    .map((c) => ({
      colId: c.colId,
      ...(typeof c.width === 'number'
        ? { width: Math.min(4000, Math.max(20, Math.round(c.width))) }
        : {}),
      ...(c.hide ? { hide: true } : {}),
      ...(c.pinned === 'left' || c.pinned === 'right' ? { pinned: c.pinned } : {}),
    }))
}

/** A saved layout as the grid's column state; what was not saved goes back to the default. */
export function toColumnState(
  saved: readonly SavedColumn[],
  knownIds: ReadonlySet<string>,
): ColumnState[] {
  return saved
    .filter((c) => knownIds.has(c.colId))
    .map((c) => ({
      colId: c.colId,
      ...(c.width !== undefined ? { width: c.width } : {}),
      hide: c.hide ?? false,
      pinned: c.pinned ?? null,
    }))
}

/** Column changes a person made (not the grid sizing itself, or our own restore). */
const USER_SOURCES = new Set([
  'uiColumnMoved',
  'uiColumnDragged',
  'uiColumnResized',
  'autosizeColumns',
  'columnMenu',
  'contextMenu',
])

/** Whether a column event is a finished change of the layout by a person: one to save. */
export function isUserColumnChange(event: { source: string; finished?: boolean }): boolean {
  return event.finished !== false && USER_SOURCES.has(event.source)
}

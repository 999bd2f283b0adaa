/**
 * Which rows are ticked and whose evidence the side panel shows. The two move together: one
 * selected row opens its panel, none closes it, and a click or a link opens any entity's.
 */
export interface RowSelection {
  selectedIds: readonly string[]
  panelId: string | null
}

export type RowSelectionAction =
  /** A row was clicked, an entity was chosen in the panel, or a link named one. */
  | { type: 'showEntity'; id: string }
  | { type: 'selectionChanged'; ids: readonly string[] }
  | { type: 'closePanel' }
  | { type: 'deleted'; ids: readonly string[] }

export function rowSelectionReducer(state: RowSelection, action: RowSelectionAction): RowSelection {
  switch (action.type) {
    case 'showEntity':
      return { ...state, panelId: action.id }
    case 'selectionChanged': {
      const { ids } = action
      // Several selected rows keep the panel on whichever entity it shows.
      const panelId = ids.length === 0 ? null : ids.length === 1 ? ids[0]! : state.panelId
      return { selectedIds: ids, panelId }
    }
    case 'closePanel':
      return { ...state, panelId: null }
    case 'deleted':
      return state.panelId !== null && action.ids.includes(state.panelId)
        ? { ...state, panelId: null }
        : state
  }
}

/** The entity a link into a grid names (`#/<grid>?e=<id>`, as mentions in notes are), if any. */
export function entityInHash(hash: string): string | null {
  return new URLSearchParams(hash.split('?')[1] ?? '').get('e')
}

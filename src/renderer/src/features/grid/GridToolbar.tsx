import type { HistoryState } from '../../ui/edit-history'
import { useCommands } from '../../ui/commands'
import { HistoryButtons } from '../../ui/HistoryButtons'
import type { HistoryCommand } from '../../ui/shortcuts'
import { GOOD_GRADE } from './grid-filters'

/**
 * The grid's tools: the search box and the evidence filter, undo and redo, delete, the
 * Columns menu and the all/compact switch, the CSV export and the Exchange dialog (STIX, W3C, CSV). The buttons that act on the grid wait until it is ready.
 */
export function GridToolbar({
  label,
  search,
  onSearch,
  gradedOnly,
  onGradedOnly,
  history,
  onHistory,
  selectedCount,
  onDeleteSelected,
  columnsOpen,
  onToggleColumns,
  hiddenColumns,
  onAllColumns,
  onExport,
  onExchange,
  gridReady,
}: {
  /** The grid's name, plural: "Groups". */
  label: string
  search: string
  onSearch: (text: string) => void
  gradedOnly: boolean
  onGradedOnly: (on: boolean) => void
  history: HistoryState
  onHistory: (command: HistoryCommand) => void
  selectedCount: number
  onDeleteSelected: () => void
  columnsOpen: boolean
  onToggleColumns: () => void
  /** Columns of the full set now hidden: "All columns" shows them, "Fewer columns" hides them. */
  hiddenColumns: number
  onAllColumns: (all: boolean) => void
  onExport: () => void
  /** Opens the Exchange dialog (STIX, W3C, CSV) for the selected rows or the project. */
  onExchange: () => void
  gridReady: boolean
}) {
  useCommands([
    {
      id: 'grid.export-csv',
      title: `Export CSV (${label})`,
      scope: label,
      keywords: ['spreadsheet', 'download'],
      disabled: !gridReady,
      run: onExport,
    },
  ])
  return (
    <div className="grid-toolbar" role="toolbar" aria-label={`${label} tools`}>
      <input
        type="search"
        className="quick-filter"
        aria-label={`Search the ${label.toLowerCase()}`}
        placeholder="Search all columns"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
      />
      <label className="toggle">
        <input
          type="checkbox"
          checked={gradedOnly}
          onChange={(e) => onGradedOnly(e.target.checked)}
        />
        Only rows with evidence graded ≤ {GOOD_GRADE}
      </label>
      <span className="toolbar-gap" />
      <HistoryButtons history={history} onHistory={onHistory} />
      <button type="button" disabled={selectedCount === 0} onClick={onDeleteSelected}>
        Delete selected{selectedCount > 0 ? ` (${selectedCount})` : ''}
      </button>
      <button
        type="button"
        aria-expanded={columnsOpen}
        aria-controls="columns-menu"
        onClick={onToggleColumns}
        disabled={!gridReady}
      >
        Columns
      </button>
      <button
        type="button"
        onClick={() => onAllColumns(hiddenColumns > 0)}
        disabled={!gridReady}
        title={
          hiddenColumns > 0
            ? `Show the ${hiddenColumns} hidden columns`
            : 'Back to the compact set of columns'
        }
      >
        {hiddenColumns > 0 ? `All columns (+${hiddenColumns})` : 'Fewer columns'}
      </button>
      <button type="button" onClick={onExport} disabled={!gridReady}>
        Export CSV
      </button>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={onExchange}
        title={
          selectedCount > 0
            ? `Export the ${selectedCount} selected as STIX, or import STIX, W3C or CSV`
            : 'Export the project as STIX, or import STIX, W3C or CSV'
        }
      >
        Exchange…
      </button>
    </div>
  )
}

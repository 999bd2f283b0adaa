import type { HistoryState } from '../../ui/edit-history'
import { useCommands } from '../../ui/commands'
import { HistoryButtons } from '../../ui/HistoryButtons'
import type { HistoryCommand } from '../../ui/shortcuts'
import { GOOD_GRADE } from './grid-filters'
import { t } from '../../ui/i18n'

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
      title: t('grid.exportCsv', { label }),
      scope: label,
      keywords: ['spreadsheet', 'download'],
      disabled: !gridReady,
      run: onExport,
    },
  ])
  return (
    <div className="grid-toolbar" role="toolbar" aria-label={t('grid.tools', { label })}>
      <input
        type="search"
        className="quick-filter"
        aria-label={t('grid.searchThe', { toLowerCase: label.toLowerCase() })}
        placeholder={t('grid.searchAllColumns')}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
      />
      <label className="toggle">
        <input
          type="checkbox"
          checked={gradedOnly}
          onChange={(e) => onGradedOnly(e.target.checked)}
        />
        {t('grid.onlyRowsWithEvidenceGraded', { GOOD_GRADE })}
      </label>
      <span className="toolbar-gap" />
      <HistoryButtons history={history} onHistory={onHistory} />
      <button type="button" disabled={selectedCount === 0} onClick={onDeleteSelected}>
        {t('grid.deleteSelected')}
        {selectedCount > 0 ? ` (${selectedCount})` : ''}
      </button>
      <button
        type="button"
        aria-expanded={columnsOpen}
        aria-controls="columns-menu"
        onClick={onToggleColumns}
        disabled={!gridReady}
      >
        {t('grid.columns')}
      </button>
      <button
        type="button"
        onClick={() => onAllColumns(hiddenColumns > 0)}
        disabled={!gridReady}
        title={
          hiddenColumns > 0
            ? t('grid.showTheHiddenColumns', { hiddenColumns })
            : t('grid.backToTheCompactSetOf')
        }
      >
        {hiddenColumns > 0 ? t('grid.allColumns', { hiddenColumns }) : t('grid.fewerColumns')}
      </button>
      <button type="button" onClick={onExport} disabled={!gridReady}>
        {t('grid.exportCsv2')}
      </button>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={onExchange}
        title={
          selectedCount > 0
            ? t('grid.exportTheSelectedAsStixOr', { selectedCount })
            : t('grid.exportTheProjectAsStixOr')
        }
      >
        {t('grid.exchange')}
      </button>
    </div>
  )
}

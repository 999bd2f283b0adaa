import type { GridApi, GridReadyEvent } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { EntityRow } from '../../../../shared/contract'
import type { Entity, KnownEntityType } from '../../../../shared/model'
import { useEntityTable } from '../../api/entities'
import { useGridColumns } from '../../api/grid'
import { ENTITY_GRIDS } from '../../routes/entity-grids'
import { EntityPanel } from '../../ui/evidence/EntityPanel'
import { openExchange } from '../../ui/exchange-request'
import { gridTheme } from '../../ui/data-grid'
import { gridLocaleText } from '../../ui/grid-locale'
import { styleNonce } from '../../ui/style-nonce'
import { useUndoRedo } from '../../ui/use-undo-redo'
import { AddEntityForm } from './AddEntityForm'
import { CellErrorNotice } from './CellErrorNotice'
import { defaultColDef, entityColumns, extraColumnIds } from './columns'
import { SELECTION_COLUMN_ID } from './column-state'
import { ColumnsMenu } from './ColumnsMenu'
import { DeleteDialog } from './DeleteDialog'
import { countLabel, gridKey } from './entity-types'
import { FilterBar } from './FilterBar'
import { exchangeRequest, exportShownAsCsv, revealNewRow } from './grid-actions'
import { getRowId, rowSelection, selectionColumnDef } from './grid-options'
import { GridErrorBoundary } from './GridErrorBoundary'
import { GridToolbar } from './GridToolbar'
import { LinkPicker } from './LinkPicker'
import { useCellEdits } from './use-cell-edits'
import { useColumnLayout } from './use-column-layout'
import { useGridFilters } from './use-grid-filters'
import { useLinkPicker } from './use-link-picker'
import { useRowSelection } from './use-row-selection'
import { useServerRows } from './use-server-rows'
import { currentDirection, t } from '../../ui/i18n'
import './grid.css'

/** Filter menus open over the page, not inside the grid, so a short grid does not cut them off. */
const popupParent = document.body

/** Where the evidence panel opens, saying so while no row is open. */
function PanelPlaceholder({ singular }: { singular: string }) {
  return (
    <div className="evidence-panel evidence-placeholder">
      <p>{t('grid.clickARowToSeeIts', { singular })}</p>
      <p className="muted">{t('grid.tickRowsCheckboxOrSpaceTo')}</p>
    </div>
  )
}

/** One entity type's grid: edit in place, filter, export, and see the evidence of a row. */
export function EntityGridView({ type }: { type: KnownEntityType }) {
  return (
    <GridErrorBoundary label={ENTITY_GRIDS[type].label}>
      <EntityGrid type={type} />
    </GridErrorBoundary>
  )
}

/**
 * The view composes: each hook owns one concern's state and the grid events that change it
 * (rows, column layout, filters, selection and panel, cell edits, link picker, undo), and
 * hands the grid its part of the options as `gridProps`.
 */
function EntityGrid({ type }: { type: KnownEntityType }) {
  const spec = ENTITY_GRIDS[type]
  const table = useEntityTable(type)
  const saved = useGridColumns(gridKey(type))
  const columnDefs = useMemo(() => entityColumns(type), [type])
  const [api, setApi] = useState<GridApi<EntityRow> | null>(null)
  const hostRef = useRef<HTMLDivElement>(null)
  const [status, announce] = useState('')
  const [columnsOpen, setColumnsOpen] = useState(false)
  const [deleting, setDeleting] = useState<string[] | null>(null)

  useServerRows(api, type, table.data)
  const layout = useColumnLayout({ api, type, columnDefs, saved: saved.data, announce })
  const filters = useGridFilters(api)
  const selection = useRowSelection(api)
  const edits = useCellEdits(hostRef, announce)
  const picker = useLinkPicker(table.data)
  const undoRedo = useUndoRedo(announce)

  const { restore } = layout
  const onGridReady = useCallback(
    (event: GridReadyEvent<EntityRow>) => {
      restore(event.api)
      setApi(event.api)
    },
    [restore],
  )

  const onAdded = (entity: Entity): void => {
    const message = revealNewRow(api, entity)
    if (message) announce(message)
  }

  const total = table.data?.length ?? 0
  // Read on each render: the layout hook renders again whenever a column is shown or hidden.
  const hiddenColumns = api
    ? api.getColumnState().filter((c) => c.hide && c.colId !== SELECTION_COLUMN_ID)
    : []
  const showAllColumns = (all: boolean): void => {
    if (!api) return
    if (all)
      api.setColumnsVisible(
        hiddenColumns.map((c) => c.colId),
        true,
      )
    else api.setColumnsVisible(extraColumnIds(columnDefs), false)
    layout.saveSoon()
  }

  if (table.isError) {
    return (
      <div role="alert" className="error-panel">
        {t('grid.couldNotLoadThe', {
          toLowerCase: spec.label.toLowerCase(),
          message: table.error.message,
        })}
      </div>
    )
  }
  return (
    <section className="grid-view" aria-labelledby="grid-title">
      <div className="view-toolbar">
        <h2 id="grid-title">{spec.label}</h2>
        <span className="muted" aria-live="polite">
          {table.data ? countLabel(total, spec) : t('grid.loading')}
          {table.data && table.isFetching ? t('grid.loading2') : ''}
        </span>
      </div>

      <GridToolbar
        label={spec.label}
        search={filters.search}
        onSearch={filters.setSearch}
        gradedOnly={filters.gradedOnly}
        onGradedOnly={filters.setGradedOnly}
        history={undoRedo.history}
        onHistory={(command) => void undoRedo.run(command)}
        selectedCount={selection.selectedIds.length}
        onDeleteSelected={() => setDeleting([...selection.selectedIds])}
        columnsOpen={columnsOpen}
        onToggleColumns={() => setColumnsOpen((open) => !open)}
        hiddenColumns={hiddenColumns.length}
        onAllColumns={showAllColumns}
        onExport={() => {
          if (api) announce(exportShownAsCsv(api, spec.label))
        }}
        onExchange={() => openExchange(exchangeRequest(selection.selectedIds, spec))}
        gridReady={api !== null}
      />

      <AddEntityForm spec={spec} onAdded={onAdded} />

      {columnsOpen && api && (
        <div id="columns-menu">
          <ColumnsMenu api={api} onChanged={layout.saveSoon} onReset={layout.reset} />
        </div>
      )}

      <FilterBar
        chips={filters.chips}
        shown={filters.shown}
        total={total}
        noun={spec.label.toLowerCase()}
        onClearAll={filters.clearAll}
      />

      <div className="grid-body">
        <div
          className="grid-host"
          role="region"
          aria-label={t('grid.table', { label: spec.label })}
          ref={hostRef}
        >
          {saved.isSuccess && (
            <AgGridReact<EntityRow>
              enableRtl={currentDirection() === 'rtl'}
              theme={gridTheme}
              styleNonce={styleNonce()}
              columnDefs={columnDefs}
              defaultColDef={defaultColDef}
              getRowId={getRowId}
              loading={table.isPending}
              readOnlyEdit
              enableFilterHandlers
              rowSelection={rowSelection}
              selectionColumnDef={selectionColumnDef}
              cacheQuickFilter
              includeHiddenColumnsInQuickFilter
              onGridReady={onGridReady}
              {...layout.gridProps}
              {...filters.gridProps}
              {...selection.gridProps}
              {...edits.gridProps}
              {...picker.gridProps}
              stopEditingWhenCellsLoseFocus
              tooltipShowDelay={400}
              localeText={gridLocaleText({
                noRowsToShow: t('grid.noYetAddOneByName', {
                  toLowerCase: spec.label.toLowerCase(),
                }),
              })}
              enableCellTextSelection
              ensureDomOrder
              suppressColumnVirtualisation
              rowBuffer={5}
              popupParent={popupParent}
            />
          )}
          {edits.cellError && (
            <CellErrorNotice error={edits.cellError} onDismiss={edits.dismissError} />
          )}
        </div>
        {/* The panel's place is kept while it is closed: opening it must not narrow the grid,
            or the second click of a double-click on a right-hand cell lands on the panel. */}
        {selection.panelId ? (
          <EntityPanel
            key={selection.panelId}
            entityId={selection.panelId}
            onClose={selection.closePanel}
            onOpenEntity={selection.showEntity}
          />
        ) : (
          <PanelPlaceholder singular={spec.singular} />
        )}
      </div>

      <p className="grid-status" role="status">
        {status}
      </p>

      {picker.picking && (
        <LinkPicker
          row={picker.picking.row}
          column={picker.picking.column}
          onClose={picker.close}
        />
      )}
      {deleting && (
        <DeleteDialog
          ids={deleting}
          spec={spec}
          onClose={() => setDeleting(null)}
          onDeleted={(message) => {
            announce(message)
            selection.forgetDeleted(deleting)
          }}
        />
      )}
    </section>
  )
}

import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellDoubleClickedEvent,
  type CellEditRequestEvent,
  type CellKeyDownEvent,
  type FilterModel,
  type GridApi,
  type GetRowIdParams,
  type GridReadyEvent,
  type IRowNode,
  type ProcessCellForExportParams,
  type RowClickedEvent,
  type RowSelectionOptions,
  type SelectionColumnDef,
} from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
} from 'react'
import type { EntityRow, LinkColumnKey } from '../../../../shared/contract'
import type { KnownEntityType } from '../../../../shared/model'
import { useEntityTable } from '../../api/entities'
import { saveGridColumns, useGridColumns } from '../../api/grid'
import { registerTableSink } from '../../api/row-sync'
import { ENTITY_GRIDS } from '../../routes/entity-grids'
import { downloadFile } from '../../ui/download'
import { editHistory } from '../../ui/edit-history'
import { EntityPanel } from '../../ui/evidence/EntityPanel'
import { useUndoRedoShortcuts } from '../../ui/shortcuts'
import { styleNonce } from '../../ui/style-nonce'
import { columnContext } from './column-context'
import { defaultColDef, entityColumns } from './columns'
import { ColumnsMenu } from './ColumnsMenu'
import { SELECTION_COLUMN_ID, toColumnState, toSavedColumns } from './column-state'
import { csvFileName, neutralizeFormula, withBom } from './csv'
import { DeleteDialog } from './DeleteDialog'
import { createEntity, updateEntity } from './editing'
import { countLabel, gridKey } from './entity-types'
import { patchFor, sameValue } from './fields'
import { FilterBar, type FilterChip } from './FilterBar'
import { GridErrorBoundary } from './GridErrorBoundary'
import { describeFilter } from './filters'
import { LinkPicker } from './LinkPicker'
import './grid.css'

ModuleRegistry.registerModules([AllCommunityModule])

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  headerFontWeight: 600,
  spacing: 6,
})

/** Admiralty credibility 1–3: confirmed, probably true, possibly true. */
const GOOD_GRADE = 3

const rowSelection: RowSelectionOptions<EntityRow> = {
  mode: 'multiRow',
  checkboxes: true,
  headerCheckbox: true,
  enableClickSelection: true,
  selectAll: 'filtered',
}
const selectionColumnDef: SelectionColumnDef = { pinned: 'left', width: 48 }

/** Column changes a person made (not the grid sizing itself or our own restore). */
const USER_SOURCES = new Set([
  'uiColumnMoved',
  'uiColumnDragged',
  'uiColumnResized',
  'autosizeColumns',
  'columnMenu',
  'contextMenu',
])

interface CellError {
  rowId: string
  colId: string
  label: string
  message: string
  box: { top: number; left: number; width: number; height: number } | null
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Where a cell is, relative to the grid host, or null when it is scrolled out of view. */
function locateCell(host: HTMLElement | null, rowId: string, colId: string): CellError['box'] {
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

/** One entity type's grid: edit in place, filter, export, and see the evidence of a row. */
export function EntityGridView({ type }: { type: KnownEntityType }) {
  return (
    <GridErrorBoundary label={ENTITY_GRIDS[type].label}>
      <EntityGrid type={type} />
    </GridErrorBoundary>
  )
}

function entityFromHash(): string | null {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('e')
}

function EntityGrid({ type }: { type: KnownEntityType }) {
  const spec = ENTITY_GRIDS[type]
  const table = useEntityTable(type)
  const saved = useGridColumns(gridKey(type))
  const columnDefs = useMemo(() => entityColumns(type), [type])
  const [api, setApi] = useState<GridApi<EntityRow> | null>(null)
  const hostRef = useRef<HTMLDivElement>(null)
  const appliedRef = useRef<readonly EntityRow[] | null>(null)
  const gradedOnlyRef = useRef(false)
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

  // Other views link to an entity as `#/<grid>?e=<id>` (mentions in notes): its panel opens.
  const [panelId, setPanelId] = useState<string | null>(entityFromHash)
  useEffect(() => {
    const onHashChange = (): void => {
      const id = entityFromHash()
      if (id) setPanelId(id)
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])
  const [selectedIds, setSelectedIds] = useState<string[]>([])
  const [quickFilter, setQuickFilter] = useState('')
  const [gradedOnly, setGradedOnly] = useState(false)
  const [filterModel, setFilterModel] = useState<FilterModel>({})
  const [shown, setShown] = useState(0)
  const [cellError, setCellError] = useState<CellError | null>(null)
  const [status, setStatus] = useState('')
  const [picker, setPicker] = useState<{ rowId: string; column: LinkColumnKey } | null>(null)
  const [deleting, setDeleting] = useState<string[] | null>(null)
  const [columnsOpen, setColumnsOpen] = useState(false)
  const [, setColumnsVersion] = useState(0)
  const [newName, setNewName] = useState('')
  const [addError, setAddError] = useState<string | null>(null)
  const history = useSyncExternalStore(editHistory.subscribe, editHistory.getState)

  // Rows from the server (first load, or a reload after another view changed entities) go
  // in through the grid's delta update keyed by id; our own edits arrive as transactions.
  useEffect(() => {
    const data = table.data
    if (!api || !data || data === appliedRef.current) return
    const shown = appliedRef.current
    appliedRef.current = data
    // The next page of a first load extends what is shown: add just those rows.
    const extends_ =
      shown !== null &&
      shown.length > 0 &&
      data.length > shown.length &&
      data[0] === shown[0] &&
      data[shown.length - 1] === shown[shown.length - 1]
    if (extends_) api.applyTransaction({ add: data.slice(shown.length) })
    else api.setGridOption('rowData', data)
  }, [api, table.data])

  useEffect(() => {
    if (!api) return
    return registerTableSink(type, {
      apply(transaction, next) {
        appliedRef.current = next
        api.applyTransaction(transaction)
      },
    })
  }, [api, type])

  const saveColumnsSoon = useCallback(() => {
    if (!api) return
    setColumnsVersion((v) => v + 1)
    if (saveTimer.current) clearTimeout(saveTimer.current)
    saveTimer.current = setTimeout(() => {
      saveTimer.current = null
      void saveGridColumns(gridKey(type), toSavedColumns(api.getColumnState())).catch(
        (error: unknown) => setStatus(`The column layout was not saved: ${messageOf(error)}`),
      )
    }, 400)
  }, [api, type])

  useEffect(
    () => () => {
      if (saveTimer.current) clearTimeout(saveTimer.current)
    },
    [],
  )

  const onColumnEvent = useCallback(
    (event: { source: string; finished?: boolean }) => {
      if (event.finished === false) return
      if (USER_SOURCES.has(event.source)) saveColumnsSoon()
    },
    [saveColumnsSoon],
  )

  const onGridReady = useCallback(
    (event: GridReadyEvent<EntityRow>) => {
      const layout = saved.data ?? []
      if (layout.length > 0) {
        const known = new Set(columnDefs.map((c) => c.colId ?? ''))
        event.api.applyColumnState({ state: toColumnState(layout, known), applyOrder: true })
      }
      setApi(event.api)
    },
    [columnDefs, saved.data],
  )

  const announce = useCallback((message: string) => setStatus(message), [])

  const getRowId = useCallback((p: GetRowIdParams<EntityRow>) => p.data.entity.id, [])
  const onRowClicked = useCallback((e: RowClickedEvent<EntityRow>) => {
    if (e.node.id) setPanelId(e.node.id)
  }, [])
  const onBodyScroll = useCallback(
    () =>
      setCellError((e) => (e ? { ...e, box: locateCell(hostRef.current, e.rowId, e.colId) } : e)),
    [],
  )

  const showCellError = useCallback(
    (rowId: string, colId: string, label: string, message: string) => {
      setCellError({ rowId, colId, label, message, box: locateCell(hostRef.current, rowId, colId) })
    },
    [],
  )

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
        announce(`Saved the ${what}.`)
      } catch (error) {
        showCellError(entity.id, field.colId, field.label, messageOf(error))
        announce(`Not saved: ${messageOf(error)}`)
      }
    },
    [announce, showCellError],
  )

  const openPicker = useCallback(
    (colDef: CellDoubleClickedEvent<EntityRow>['colDef'], node: IRowNode<EntityRow>) => {
      const column = columnContext(colDef)?.link
      if (column && node.id) setPicker({ rowId: node.id, column })
    },
    [],
  )

  const onCellDoubleClicked = useCallback(
    (event: CellDoubleClickedEvent<EntityRow>) => openPicker(event.colDef, event.node),
    [openPicker],
  )

  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<EntityRow>) => {
      const key = (event.event as KeyboardEvent | null | undefined)?.key
      if (key === 'Enter') openPicker(event.colDef, event.node)
    },
    [openPicker],
  )

  const onSelectionChanged = useCallback(() => {
    if (!api) return
    const nodes = api.getSelectedNodes()
    setSelectedIds(nodes.map((n) => n.id ?? '').filter(Boolean))
    if (nodes.length === 0) setPanelId(null)
    else if (nodes.length === 1) setPanelId(nodes[0]!.id ?? null)
  }, [api])

  const onFilterChanged = useCallback(() => {
    if (api) setFilterModel(api.getFilterModel())
  }, [api])

  const onModelUpdated = useCallback(() => {
    if (api) setShown(api.getDisplayedRowCount())
  }, [api])

  const undoOrRedo = useCallback(
    async (which: 'undo' | 'redo') => {
      try {
        const label = await (which === 'undo' ? editHistory.undo() : editHistory.redo())
        if (label) announce(`${which === 'undo' ? 'Undone' : 'Redone'}: ${label}.`)
      } catch (error) {
        announce(`Could not ${which}: ${messageOf(error)}`)
      }
    },
    [announce],
  )

  useUndoRedoShortcuts((command) => void undoOrRedo(command))

  const isExternalFilterPresent = useCallback(() => gradedOnlyRef.current, [])
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<EntityRow>) =>
      node.data?.bestCredibility !== undefined && node.data.bestCredibility <= GOOD_GRADE,
    [],
  )

  const setGraded = (on: boolean): void => {
    gradedOnlyRef.current = on
    setGradedOnly(on)
    api?.onFilterChanged()
  }

  const clearColumnFilter = (colId: string): void => {
    if (!api) return
    void Promise.resolve(api.setColumnFilterModel(colId, null)).then(() => api.onFilterChanged())
  }

  const filterChips: FilterChip[] = [
    ...(quickFilter.trim()
      ? [{ key: 'quick', text: `Text “${quickFilter.trim()}”`, remove: () => setQuickFilter('') }]
      : []),
    ...(gradedOnly
      ? [
          {
            key: 'graded',
            text: `Evidence graded ${GOOD_GRADE} or better`,
            remove: () => setGraded(false),
          },
        ]
      : []),
    ...Object.entries(filterModel).map(([colId, model]) => {
      const label = api?.getColumn(colId)?.getColDef().headerName ?? colId
      return {
        key: colId,
        text: describeFilter(label, model) ?? `${label} filtered`,
        remove: () => clearColumnFilter(colId),
      }
    }),
  ]

  const clearAllFilters = (): void => {
    setQuickFilter('')
    gradedOnlyRef.current = false
    setGradedOnly(false)
    api?.setFilterModel(null)
    api?.onFilterChanged()
  }

  const exportCsv = (): void => {
    if (!api) return
    const columnKeys = api
      .getAllDisplayedColumns()
      .map((c) => c.getColId())
      .filter((id) => id !== SELECTION_COLUMN_ID)
    const csv =
      api.getDataAsCsv({
        columnKeys,
        processCellCallback: (p: ProcessCellForExportParams<EntityRow>) =>
          neutralizeFormula(p.formatValue(p.value) ?? ''),
      }) ?? ''
    downloadFile(
      csvFileName(spec.label),
      new Blob([withBom(csv)], { type: 'text/csv;charset=utf-8' }),
    )
    announce(`Exported ${api.getDisplayedRowCount()} rows and ${columnKeys.length} columns.`)
  }

  const addRow = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setAddError(null)
    try {
      const entity = await createEntity(type, newName)
      setNewName('')
      const node = api?.getRowNode(entity.id)
      if (api && node) {
        if (node.displayed) {
          api.ensureNodeVisible(node, 'middle')
          api.deselectAll()
          node.setSelected(true)
          api.flashCells({ rowNodes: [node] })
          announce(`Added ${entity.name}.`)
        } else {
          announce(`Added ${entity.name}; the current filters hide it.`)
        }
      }
    } catch (error) {
      setAddError(messageOf(error))
    }
  }

  const resetColumns = (): void => {
    if (!api) return
    api.resetColumnState()
    setColumnsVersion((v) => v + 1)
    void saveGridColumns(gridKey(type), [])
  }

  const pickerRow =
    picker && table.data ? table.data.find((r) => r.entity.id === picker.rowId) : undefined
  const total = table.data?.length ?? 0

  if (table.isError) {
    return (
      <div role="alert" className="error-panel">
        Could not load the {spec.label.toLowerCase()}: {table.error.message}
      </div>
    )
  }
  return (
    <section className="grid-view" aria-labelledby="grid-title">
      <div className="view-toolbar">
        <h2 id="grid-title">{spec.label}</h2>
        <span className="muted" aria-live="polite">
          {table.data ? countLabel(total, spec) : 'Loading…'}
          {table.data && table.isFetching ? ' (loading…)' : ''}
        </span>
      </div>

      <div className="grid-toolbar" role="toolbar" aria-label={`${spec.label} tools`}>
        <input
          type="search"
          className="quick-filter"
          aria-label={`Search the ${spec.label.toLowerCase()}`}
          placeholder="Search all columns"
          value={quickFilter}
          onChange={(e) => setQuickFilter(e.target.value)}
        />
        <label className="toggle">
          <input
            type="checkbox"
            checked={gradedOnly}
            onChange={(e) => setGraded(e.target.checked)}
          />
          Only rows with evidence graded ≤ {GOOD_GRADE}
        </label>
        <span className="toolbar-gap" />
        <button
          type="button"
          onClick={() => void undoOrRedo('undo')}
          disabled={!history.undoLabel || history.busy}
          title={history.undoLabel ? `Undo ${history.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => void undoOrRedo('redo')}
          disabled={!history.redoLabel || history.busy}
          title={history.redoLabel ? `Redo ${history.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        >
          Redo
        </button>
        <button
          type="button"
          disabled={selectedIds.length === 0}
          onClick={() => setDeleting(selectedIds)}
        >
          Delete selected{selectedIds.length > 0 ? ` (${selectedIds.length})` : ''}
        </button>
        <button
          type="button"
          aria-expanded={columnsOpen}
          aria-controls="columns-menu"
          onClick={() => setColumnsOpen((open) => !open)}
          disabled={!api}
        >
          Columns
        </button>
        <button type="button" onClick={exportCsv} disabled={!api}>
          Export CSV
        </button>
      </div>

      <form
        className="add-row"
        onSubmit={(e) => void addRow(e)}
        aria-label={`Add a ${spec.singular}`}
      >
        <input
          aria-label={`Name of the new ${spec.singular}`}
          placeholder={`New ${spec.singular} name`}
          value={newName}
          dir="auto"
          onChange={(e) => setNewName(e.target.value)}
        />
        <button type="submit">Add {spec.singular}</button>
        {addError && (
          <span role="alert" className="error-text">
            {addError}
          </span>
        )}
      </form>

      {columnsOpen && api && (
        <div id="columns-menu">
          <ColumnsMenu api={api} onChanged={saveColumnsSoon} onReset={resetColumns} />
        </div>
      )}

      <FilterBar
        chips={filterChips}
        shown={shown}
        total={total}
        noun={spec.label.toLowerCase()}
        onClearAll={clearAllFilters}
      />

      <div className="grid-body">
        <div className="grid-host" role="region" aria-label={`${spec.label} table`} ref={hostRef}>
          {saved.isSuccess && (
            <AgGridReact<EntityRow>
              theme={theme}
              styleNonce={styleNonce()}
              columnDefs={columnDefs}
              defaultColDef={defaultColDef}
              getRowId={getRowId}
              loading={table.isPending}
              readOnlyEdit
              onCellEditRequest={onCellEditRequest}
              enableFilterHandlers
              rowSelection={rowSelection}
              selectionColumnDef={selectionColumnDef}
              quickFilterText={quickFilter}
              cacheQuickFilter
              isExternalFilterPresent={isExternalFilterPresent}
              doesExternalFilterPass={doesExternalFilterPass}
              onGridReady={onGridReady}
              onFilterChanged={onFilterChanged}
              onModelUpdated={onModelUpdated}
              onSelectionChanged={onSelectionChanged}
              onRowClicked={onRowClicked}
              onCellDoubleClicked={onCellDoubleClicked}
              onCellKeyDown={onCellKeyDown}
              onColumnMoved={onColumnEvent}
              onColumnResized={onColumnEvent}
              onBodyScroll={onBodyScroll}
              stopEditingWhenCellsLoseFocus
              tooltipShowDelay={400}
              enableCellTextSelection
              ensureDomOrder
              suppressColumnVirtualisation
              rowBuffer={5}
            />
          )}
          {cellError && (
            <>
              {cellError.box && (
                <div
                  className="cell-error-outline"
                  aria-hidden="true"
                  style={{
                    top: cellError.box.top,
                    left: cellError.box.left,
                    width: cellError.box.width,
                    height: cellError.box.height,
                  }}
                />
              )}
              <div
                className="cell-error"
                role="alert"
                style={
                  cellError.box
                    ? {
                        top: cellError.box.top + cellError.box.height + 2,
                        left: cellError.box.left,
                      }
                    : { top: 40, left: 8 }
                }
              >
                <strong>{cellError.label} not saved.</strong> {cellError.message}
                <button
                  type="button"
                  className="icon-button"
                  aria-label="Dismiss the message"
                  onClick={() => setCellError(null)}
                >
                  ×
                </button>
              </div>
            </>
          )}
        </div>
        {panelId && (
          <EntityPanel
            key={panelId}
            entityId={panelId}
            onClose={() => {
              setPanelId(null)
              api?.deselectAll()
            }}
            onOpenEntity={setPanelId}
          />
        )}
      </div>

      <p className="grid-status" role="status">
        {status}
      </p>

      {picker && pickerRow && (
        <LinkPicker row={pickerRow} column={picker.column} onClose={() => setPicker(null)} />
      )}
      {deleting && (
        <DeleteDialog
          ids={deleting}
          spec={spec}
          onClose={() => setDeleting(null)}
          onDeleted={(message) => {
            announce(message)
            setPanelId((id) => (id && deleting.includes(id) ? null : id))
          }}
        />
      )}
    </section>
  )
}

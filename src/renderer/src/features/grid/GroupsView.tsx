import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import type { EntityRow } from '../../../../shared/contract'
import { useEntityTable } from '../../api/queries'
import { styleNonce } from '../../app/nonce'
import { enumLabel, refNames } from './labels'

ModuleRegistry.registerModules([AllCommunityModule])

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  headerFontWeight: 600,
  spacing: 6,
})

const columns: ColDef<EntityRow>[] = [
  { colId: 'name', headerName: 'Name', valueGetter: (p) => p.data?.entity.name, minWidth: 220 },
  {
    colId: 'acronym',
    headerName: 'Acronym',
    valueGetter: (p) => p.data?.entity.attributes.acronym ?? '',
    width: 120,
  },
  {
    colId: 'leaders',
    headerName: 'Leaders',
    valueGetter: (p) => refNames(p.data?.leaders ?? []),
    minWidth: 180,
  },
  {
    colId: 'ethnicBase',
    headerName: 'Ethnic base',
    valueGetter: (p) => refNames(p.data?.ethnicBase ?? []),
  },
  {
    colId: 'areas',
    headerName: 'Areas of operation',
    valueGetter: (p) => refNames(p.data?.areas ?? []),
    minWidth: 200,
  },
  {
    colId: 'phase',
    headerName: 'Phase',
    valueGetter: (p) => enumLabel(p.data?.entity.attributes.phase),
  },
  {
    colId: 'status',
    headerName: 'Status',
    valueGetter: (p) => enumLabel(p.data?.entity.attributes.status),
    width: 120,
  },
  {
    colId: 'quotes',
    headerName: 'Quotes',
    headerTooltip: 'Quotes that support the group or its relations',
    valueGetter: (p) => p.data?.quoteCount ?? 0,
    type: 'numericColumn',
    flex: 0,
    width: 100,
  },
]

const defaultColDef: ColDef<EntityRow> = {
  sortable: true,
  filter: true,
  resizable: true,
  flex: 1,
  minWidth: 100,
}

export function GroupsView() {
  const table = useEntityTable('group')
  if (table.isError) {
    return (
      <div role="alert" className="error-panel">
        Could not load the groups: {table.error.message}
      </div>
    )
  }
  return (
    <section className="grid-view" aria-labelledby="groups-title">
      <div className="view-toolbar">
        <h2 id="groups-title">Groups</h2>
        <span className="muted">{table.data ? `${table.data.length} groups` : 'Loading…'}</span>
      </div>
      <div className="grid-host" role="region" aria-label="Groups table">
        <AgGridReact<EntityRow>
          theme={theme}
          styleNonce={styleNonce()}
          rowData={table.data}
          columnDefs={columns}
          defaultColDef={defaultColDef}
          getRowId={(p) => p.data.entity.id}
          loading={table.isLoading}
          enableCellTextSelection
          ensureDomOrder
        />
      </div>
    </section>
  )
}

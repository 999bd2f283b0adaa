import type { ColDef, SuppressKeyboardEventParams, ValueFormatterParams } from 'ag-grid-community'
import { credibilityLabel } from '../../ui/model-labels'
import {
  LINK_COLUMN_KEYS,
  LINK_COLUMNS,
  type EntityRow,
  type LinkRef,
} from '../../../../shared/contract'
import type { KnownEntityType } from '../../../../shared/model'
import { ChipListEditor } from './ChipListEditor'
import type { ColumnContext } from './column-context'
import { EnumEditor } from './EnumEditor'
import { enumFilterHandler, EnumSetFilter } from './EnumSetFilter'
import { DATE_WIDTH, fieldValue, FIELDS, type FieldSpec } from './fields'
import { enumLabel, refNames } from './labels'
import { t } from '../../ui/i18n'

type Col = ColDef<EntityRow>

const joinList = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : '')

const byText = (a: string, b: string): number =>
  a.localeCompare(b, undefined, { sensitivity: 'base' })

/**
 * The search box looks for words: numbers and dates are left to their column filters, which
 * also spares building their text for every row on the first search of a large grid.
 */
const noQuickFilterText = (): string => ''

/** While a chip editor's box holds text, Enter adds a chip instead of closing the editor. */
function enterAddsChip(params: SuppressKeyboardEventParams<EntityRow>): boolean {
  const target = params.event.target
  return (
    params.editing &&
    params.event.key === 'Enter' &&
    target instanceof HTMLInputElement &&
    target.value.trim() !== ''
  )
}

/**
 * The compact default: a grid opens on the columns that identify a row and say how well it is
 * supported (its name, defining attributes, main links, quotes and best grade), so it fits
 * beside the evidence panel at 1280 px; the rest are one click away ("All columns").
 */
const EXTRA_LINK_COLUMNS: ReadonlySet<string> = new Set(['ethnicBase', 'allies', 'rivals'])

function fieldColumn(field: FieldSpec, extra: boolean): Col {
  const context: ColumnContext = { label: field.label, field }
  const base: Col = {
    colId: field.colId,
    headerName: field.label,
    width: field.width,
    hide: extra || (field.hidden ?? false),
    editable: true,
    context,
    valueGetter: (p) => (p.data ? fieldValue(p.data.entity, field) : undefined),
  }
  switch (field.kind) {
    case 'text':
      return {
        ...base,
        cellDataType: 'text',
        filter: 'agTextColumnFilter',
        cellEditor: 'agTextCellEditor',
        ...(field.colId === 'name' ? { pinned: 'left', lockVisible: true } : {}),
      }
    case 'longText':
      return {
        ...base,
        cellDataType: 'text',
        filter: 'agTextColumnFilter',
        cellEditor: 'agLargeTextCellEditor',
        cellEditorPopup: true,
        cellEditorParams: { maxLength: 200_000, rows: 8, cols: 60 },
      }
    case 'enum':
      return {
        ...base,
        cellDataType: 'text',
        valueFormatter: (p: ValueFormatterParams<EntityRow>) => enumLabel(p.value as string),
        getQuickFilterText: (p) => enumLabel(fieldValue(p.data.entity, field) as string),
        filter: { component: EnumSetFilter, handler: enumFilterHandler },
        cellEditor: EnumEditor,
      }
    case 'number':
      return {
        ...base,
        cellDataType: 'number',
        getQuickFilterText: noQuickFilterText,
        type: 'numericColumn',
        filter: 'agNumberColumnFilter',
        // No limits in the editor: main validates, and its message says what is wrong.
        cellEditor: 'agNumberCellEditor',
      }
    case 'date':
      return {
        ...base,
        cellDataType: 'dateString',
        getQuickFilterText: noQuickFilterText,
        filter: 'agDateColumnFilter',
        cellEditor: 'agDateStringCellEditor',
      }
    case 'boolean':
      return {
        ...base,
        cellDataType: 'boolean',
        getQuickFilterText: noQuickFilterText,
        filter: 'agTextColumnFilter',
        cellEditor: 'agCheckboxCellEditor',
      }
    case 'list':
      return {
        ...base,
        cellDataType: false,
        valueFormatter: (p) => joinList(p.value),
        getQuickFilterText: (p) => joinList(fieldValue(p.data.entity, field)),
        filter: 'agTextColumnFilter',
        filterValueGetter: (p) => joinList(p.data ? fieldValue(p.data.entity, field) : []),
        comparator: (a: unknown, b: unknown) => byText(joinList(a), joinList(b)),
        equals: (a: unknown, b: unknown) => joinList(a) === joinList(b),
        cellEditor: ChipListEditor,
        cellEditorPopup: true,
        cellEditorPopupPosition: 'under',
        suppressKeyboardEvent: enterAddsChip,
      }
  }
}

function linkColumns(type: KnownEntityType): Col[] {
  return LINK_COLUMN_KEYS.filter((key) =>
    (LINK_COLUMNS[key].shownFor as readonly string[]).includes(type),
  ).map((key) => {
    const spec = LINK_COLUMNS[key]
    const context: ColumnContext = { label: spec.label, link: key }
    return {
      colId: key,
      headerName: spec.label,
      headerTooltip: t('grid.doubleClickOrPressEnterOn', { toLowerCase: spec.label.toLowerCase() }),
      width: key === 'areas' ? 220 : 190,
      hide: EXTRA_LINK_COLUMNS.has(key),
      context,
      cellDataType: false,
      cellClass: 'link-cell',
      valueGetter: (p) => (p.data ? p.data[key] : []),
      valueFormatter: (p) => refNames((p.value as LinkRef[] | undefined) ?? []),
      getQuickFilterText: (p) => refNames(p.data[key]),
      filter: 'agTextColumnFilter',
      filterValueGetter: (p) => (p.data ? refNames(p.data[key]) : ''),
      comparator: (a: LinkRef[], b: LinkRef[]) => byText(refNames(a), refNames(b)),
      equals: (a: LinkRef[], b: LinkRef[]) => refNames(a) === refNames(b),
    } satisfies Col
  })
}

const evidenceColumns: Col[] = [
  {
    colId: 'quotes',
    getQuickFilterText: noQuickFilterText,
    headerName: t('grid.quotes'),
    headerTooltip: t('grid.quotesThatSupportTheEntityOr'),
    context: { label: t('grid.quotes') } satisfies ColumnContext,
    valueGetter: (p) => p.data?.quoteCount ?? 0,
    cellDataType: 'number',
    type: 'numericColumn',
    filter: 'agNumberColumnFilter',
    width: 100,
  },
  {
    colId: 'bestCredibility',
    getQuickFilterText: noQuickFilterText,
    headerName: t('grid.bestGrade'),
    headerTooltip: t('grid.bestAdmiraltyCredibilityAmongTheSupporting', {
      toLowerCase: credibilityLabel(1)?.toLowerCase(),
      toLowerCase2: credibilityLabel(6)?.toLowerCase(),
    }),
    context: { label: t('grid.bestGrade') } satisfies ColumnContext,
    valueGetter: (p) => p.data?.bestCredibility ?? null,
    tooltipValueGetter: (p) =>
      typeof p.value === 'number'
        ? `${p.value}: ${credibilityLabel(p.value)}`
        : t('grid.noQuoteYet'),
    cellDataType: 'number',
    type: 'numericColumn',
    filter: 'agNumberColumnFilter',
    width: 120,
  },
  {
    colId: 'newestSourceDate',
    getQuickFilterText: noQuickFilterText,
    headerName: t('grid.newestSource'),
    headerTooltip: t('grid.publicationDateOfTheNewestSource'),
    context: { label: t('grid.newestSource') } satisfies ColumnContext,
    valueGetter: (p) => p.data?.newestSourceDate ?? null,
    cellDataType: 'dateString',
    filter: 'agDateColumnFilter',
    width: DATE_WIDTH,
    hide: true,
  },
]

/** The columns of one entity grid, in their default order (the `rest` fields hidden). */
export function entityColumns(type: KnownEntityType): Col[] {
  const { lead, rest } = FIELDS[type]
  return [
    ...lead.map((field) => fieldColumn(field, false)),
    ...linkColumns(type),
    ...evidenceColumns,
    // Aliases stay: they are how a row is recognised under another name or script.
    ...rest.map((field) => fieldColumn(field, field.colId !== 'aliases')),
  ]
}

/** The columns the compact default hides: what "All columns" shows. */
export function extraColumnIds(columns: readonly Col[]): string[] {
  return columns.filter((c) => c.hide === true).map((c) => c.colId ?? '')
}

export const defaultColDef: Col = {
  sortable: true,
  resizable: true,
  minWidth: 80,
  filter: true,
  floatingFilter: true,
}

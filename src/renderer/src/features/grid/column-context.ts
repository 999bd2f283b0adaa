import type { ColDef } from 'ag-grid-community'
import type { EntityRow, LinkColumnKey } from '../../../../shared/contract'
import type { FieldSpec } from './fields'

/** What our components need to know about a column, kept in its colDef.context. */
export interface ColumnContext {
  label: string
  field?: FieldSpec
  link?: LinkColumnKey
}

export function columnContext(
  colDef: ColDef<EntityRow> | null | undefined,
): ColumnContext | undefined {
  return colDef?.context as ColumnContext | undefined
}

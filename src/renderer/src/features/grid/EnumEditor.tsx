import type { CustomCellEditorProps } from 'ag-grid-react'
import type { EntityRow } from '../../../../shared/contract'
import { columnContext } from './column-context'
import { enumLabel } from './labels'
import { t } from '../../ui/i18n'

/** A native <select> for enum cells: keyboard, screen reader and touch all work as usual. */
export function EnumEditor(props: CustomCellEditorProps<EntityRow, string>) {
  const context = columnContext(props.colDef)
  const values = context?.field?.values ?? []
  return (
    <select
      className="enum-editor"
      aria-label={t('grid.of2', {
        value: context?.label ?? t('grid.value'),
        value2: props.data?.entity.name ?? 'this row',
      })}
      value={props.value ?? ''}
      autoFocus
      onChange={(event) => {
        props.onValueChange(event.target.value || null)
        // Let the grid take the new value before it reads it back.
        setTimeout(() => props.stopEditing(), 0)
      }}
    >
      <option value="">{t('grid.notSet')}</option>
      {values.map((value) => (
        <option key={value} value={value}>
          {enumLabel(value)}
        </option>
      ))}
    </select>
  )
}

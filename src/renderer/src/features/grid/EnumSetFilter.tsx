import type { FilterHandler } from 'ag-grid-community'
import type { CustomFilterDisplayProps } from 'ag-grid-react'
import type { EntityRow } from '../../../../shared/contract'
import { columnContext } from './column-context'
import { enumFilterPasses, type EnumFilterModel } from './filters'
import { enumLabel } from './labels'
import { t } from '../../ui/i18n'

/**
 * A "set" filter for enum columns (the grid's own set filter is an enterprise feature):
 * one checkbox per value plus "not set"; a row passes when its value is ticked.
 */
export function EnumSetFilter(
  props: CustomFilterDisplayProps<EntityRow, unknown, EnumFilterModel>,
) {
  const context = columnContext(props.colDef)
  const values = ['', ...(context?.field?.values ?? [])]
  const chosen = props.model?.values ?? values
  const label = context?.label ?? t('grid.value')

  const toggle = (value: string, on: boolean): void => {
    const next = on ? [...chosen, value] : chosen.filter((v) => v !== value)
    props.onModelChange(next.length === values.length ? null : { values: next })
  }

  return (
    <fieldset className="enum-filter">
      <legend>{t('grid.showRowsWhoseIs', { toLowerCase: label.toLowerCase() })}</legend>
      {values.map((value) => (
        <label key={value || '(not set)'}>
          <input
            type="checkbox"
            checked={chosen.includes(value)}
            onChange={(e) => toggle(value, e.target.checked)}
          />
          {value === '' ? t('grid.notSet') : enumLabel(value)}
        </label>
      ))}
      <div className="enum-filter-actions">
        <button type="button" onClick={() => props.onModelChange(null)}>
          {t('grid.all')}
        </button>
        <button type="button" onClick={() => props.onModelChange({ values: [] })}>
          {t('grid.none')}
        </button>
      </div>
    </fieldset>
  )
}

/** The filter's logic: which rows pass, and the summary its floating filter shows. */
export function enumFilterHandler(): FilterHandler<EntityRow, unknown, EnumFilterModel> {
  return {
    doesFilterPass: ({ model, node, handlerParams }) =>
      enumFilterPasses(model, handlerParams.getValue(node)),
    getModelAsString: (model) =>
      model
        ? model.values.map((v) => (v === '' ? t('grid.notSet') : enumLabel(v))).join(', ') ||
          '(none)'
        : '',
  }
}

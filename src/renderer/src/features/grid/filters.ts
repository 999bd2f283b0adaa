/**
 * Plain-language descriptions of what hides rows, so the filter bar can say why a row
 * is missing: "Phase is Guerrilla warfare", "Quotes between 2 and 5".
 */
import { t } from '../../ui/i18n'
import { enumLabel } from './labels'

/** The model of our enum filter: the values a row may have; '' stands for "not set". */
export interface EnumFilterModel {
  values: string[]
}

interface SimpleCondition {
  filterType?: string
  type?: string | null
  filter?: string | number | null
  filterTo?: number | null
  dateFrom?: string | null
  dateTo?: string | null
}

interface CombinedModel {
  operator?: 'AND' | 'OR'
  conditions?: SimpleCondition[]
}

// Each text operator's phrase takes the value, so a language can put it before the verb.
const TEXT_OPERATORS = new Set([
  'contains',
  'notContains',
  'equals',
  'notEqual',
  'startsWith',
  'endsWith',
])

const NUMBER_WORDS: Record<string, string> = {
  equals: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanOrEqual: '≤',
  greaterThan: '>',
  greaterThanOrEqual: '≥',
}

const day = (value: string | null | undefined): string => (value ?? '').slice(0, 10)

function describeCondition(c: SimpleCondition): string {
  const type = c.type ?? ''
  if (type === 'blank') return t('grid.filter.blank')
  if (type === 'notBlank') return t('grid.filter.notBlank')
  if (c.filterType === 'date') {
    const date = day(c.dateFrom)
    if (type === 'inRange') return t('grid.filter.dateInRange', { from: date, to: day(c.dateTo) })
    if (type === 'lessThan') return t('grid.filter.dateBefore', { date })
    if (type === 'greaterThan') return t('grid.filter.dateAfter', { date })
    return t(type === 'notEqual' ? 'grid.filter.dateIsNot' : 'grid.filter.dateIs', { date })
  }
  if (c.filterType === 'number') {
    if (type === 'inRange') {
      return t('grid.filter.numberBetween', { from: c.filter, to: c.filterTo })
    }
    return `${NUMBER_WORDS[type] ?? type} ${c.filter}`
  }
  const value = c.filter ?? ''
  return TEXT_OPERATORS.has(type) ? t(`grid.filter.${type}`, { value }) : `${type} “${value}”`
}

/** One line for one column's filter model, or null when the model is not one we know. */
export function describeFilter(label: string, model: unknown): string | null {
  if (!model || typeof model !== 'object') return null
  if ('values' in model && Array.isArray((model as EnumFilterModel).values)) {
    const values = (model as EnumFilterModel).values.map((v) =>
      v === '' ? t('grid.filter.notSet') : enumLabel(v),
    )
    return values.length === 0
      ? t('grid.filter.matchesNothing', { label })
      : t('grid.filter.isOneOf', { label, values: values.join(t('grid.filter.or')) })
  }
  const combined = model as CombinedModel
  if (Array.isArray(combined.conditions)) {
    const joiner = t(combined.operator === 'OR' ? 'grid.filter.or' : 'grid.filter.and')
    const condition = combined.conditions.map(describeCondition).join(joiner)
    return t('grid.filter.labelCondition', { label, condition })
  }
  return t('grid.filter.labelCondition', {
    label,
    condition: describeCondition(model as SimpleCondition),
  })
}

/** Whether a value passes an enum filter; a missing value counts as ''. */
export function enumFilterPasses(model: EnumFilterModel | null, value: unknown): boolean {
  if (!model) return true
  return model.values.includes(typeof value === 'string' ? value : '')
}

/**
 * Plain-language descriptions of what hides rows, so the filter bar can say why a row
 * is missing: "Phase is Guerrilla warfare", "Quotes between 2 and 5".
 */
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

const TEXT_WORDS: Record<string, string> = {
  contains: 'contains',
  notContains: 'does not contain',
  equals: 'is',
  notEqual: 'is not',
  startsWith: 'starts with',
  endsWith: 'ends with',
  blank: 'is empty',
  notBlank: 'is not empty',
}

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
  if (type === 'blank') return 'is empty'
  if (type === 'notBlank') return 'is not empty'
  if (c.filterType === 'date') {
    if (type === 'inRange') return `from ${day(c.dateFrom)} to ${day(c.dateTo)}`
    if (type === 'lessThan') return `before ${day(c.dateFrom)}`
    if (type === 'greaterThan') return `after ${day(c.dateFrom)}`
    return `${type === 'notEqual' ? 'is not' : 'is'} ${day(c.dateFrom)}`
  }
  if (c.filterType === 'number') {
    if (type === 'inRange') return `between ${c.filter} and ${c.filterTo}`
    return `${NUMBER_WORDS[type] ?? type} ${c.filter}`
  }
  return `${TEXT_WORDS[type] ?? type} “${c.filter ?? ''}”`
}

/** One line for one column's filter model, or null when the model is not one we know. */
export function describeFilter(label: string, model: unknown): string | null {
  if (!model || typeof model !== 'object') return null
  if ('values' in model && Array.isArray((model as EnumFilterModel).values)) {
    const values = (model as EnumFilterModel).values.map((v) =>
      v === '' ? 'not set' : enumLabel(v),
    )
    return values.length === 0 ? `${label} matches nothing` : `${label} is ${values.join(' or ')}`
  }
  const combined = model as CombinedModel
  if (Array.isArray(combined.conditions)) {
    const joiner = combined.operator === 'OR' ? ' or ' : ' and '
    return `${label} ${combined.conditions.map(describeCondition).join(joiner)}`
  }
  return `${label} ${describeCondition(model as SimpleCondition)}`
}

/** Whether a value passes an enum filter; a missing value counts as ''. */
export function enumFilterPasses(model: EnumFilterModel | null, value: unknown): boolean {
  if (!model) return true
  return model.values.includes(typeof value === 'string' ? value : '')
}

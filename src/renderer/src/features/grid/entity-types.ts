import { formatCount } from '../../ui/format'
import type { EntityGridSpec } from '../../routes/entity-grids'

/** The project's saved-views key for a grid's column layout. */
export function gridKey(type: string): string {
  return `entities.${type}`
}

export function countLabel(count: number, spec: EntityGridSpec): string {
  return formatCount(count, spec.singular, spec.label.toLowerCase())
}

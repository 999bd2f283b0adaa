/**
 * The editable columns of each entity grid, described once: where the value lives in an
 * entity, what kind of value it is, and how an edit becomes an `entities.update` patch.
 */
import {
  COMMUNITY_KINDS,
  DATE_PRECISIONS,
  EVENT_KINDS,
  GROUP_PHASES,
  GROUP_STATUSES,
  PLACE_KINDS,
  type Entity,
  type KnownEntityType,
} from '../../../../shared/model'
import type { MethodInput } from '../../../../shared/contract'
import { t } from '../../ui/i18n'

export type FieldKind = 'text' | 'longText' | 'enum' | 'number' | 'date' | 'list' | 'boolean'

export interface FieldSpec {
  colId: string
  label: string
  kind: FieldKind
  /** Attribute key, or undefined for name, aliases and description. */
  attribute?: string
  values?: readonly string[]
  width: number
  hidden?: boolean
}

type EntityPatch = MethodInput<'entities.update'>['patch']

/** Wide enough for the floating filter's date box to show a whole date and its picker. */
export const DATE_WIDTH = 200

const common = {
  name: { colId: 'name', label: t('grid.name'), kind: 'text', width: 240 },
  aliases: { colId: 'aliases', label: t('grid.aliases'), kind: 'list', width: 200 },
  tags: { colId: 'tags', label: t('grid.tags'), kind: 'list', attribute: 'tags', width: 160 },
  description: {
    colId: 'description',
    label: t('grid.description'),
    kind: 'longText',
    width: 280,
    hidden: true,
  },
} as const satisfies Record<string, FieldSpec>

const attribute = (
  key: string,
  label: string,
  kind: FieldKind,
  width: number,
  values?: readonly string[],
): FieldSpec => ({ colId: key, label, kind, attribute: key, width, ...(values ? { values } : {}) })

/**
 * The typed columns of each grid: `lead` come first (name and the defining attributes),
 * then the computed link and evidence columns, then `rest`.
 */
export const FIELDS: Record<KnownEntityType, { lead: FieldSpec[]; rest: FieldSpec[] }> = {
  group: {
    lead: [
      common.name,
      attribute('acronym', t('grid.acronym'), 'text', 110),
      attribute('phase', t('grid.phase'), 'enum', 190, GROUP_PHASES),
      attribute('status', t('grid.status'), 'enum', 120, GROUP_STATUSES),
    ],
    rest: [
      attribute('ideology', t('grid.ideology'), 'text', 160),
      attribute('estimatedStrength', t('grid.strength'), 'number', 110),
      attribute('firstSeen', t('grid.firstSeen'), 'date', DATE_WIDTH),
      common.aliases,
      common.tags,
      common.description,
    ],
  },
  person: {
    lead: [common.name, attribute('role', t('grid.role'), 'text', 240)],
    rest: [common.aliases, common.tags, common.description],
  },
  place: {
    lead: [
      common.name,
      attribute('placeKind', t('grid.kindOfPlace'), 'enum', 140, PLACE_KINDS),
      attribute('country', t('grid.country'), 'text', 150),
    ],
    rest: [common.aliases, common.tags, common.description],
  },
  community: {
    lead: [
      common.name,
      attribute('communityKind', t('grid.kindOfCommunity'), 'enum', 170, COMMUNITY_KINDS),
    ],
    rest: [common.aliases, common.tags, common.description],
  },
  event: {
    lead: [
      { ...common.name, label: t('grid.title') },
      attribute('eventDate', t('grid.date'), 'date', DATE_WIDTH),
      attribute('datePrecision', t('grid.precision'), 'enum', 130, DATE_PRECISIONS),
      attribute('eventKind', t('grid.kindOfEvent'), 'enum', 150, EVENT_KINDS),
    ],
    rest: [
      attribute('eventEnd', 'Ended', 'date', DATE_WIDTH),
      attribute('ongoing', t('grid.ongoing'), 'boolean', 110),
      attribute('dateText', t('grid.dateAsWritten'), 'text', 160),
      common.aliases,
      common.tags,
      common.description,
    ],
  },
}

export function fieldValue(entity: Entity, field: FieldSpec): unknown {
  if (field.attribute) return entity.attributes[field.attribute]
  if (field.colId === 'name') return entity.name
  if (field.colId === 'aliases') return entity.aliases
  return entity.description
}

/** Empty editor values become "no value": the attribute is removed rather than set to ''. */
export function patchFor(field: FieldSpec, value: unknown): EntityPatch {
  const empty =
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '' && field.colId !== 'name') ||
    (Array.isArray(value) && value.length === 0 && field.attribute !== undefined)
  if (field.attribute) return { attributes: { [field.attribute]: empty ? null : value } }
  if (field.colId === 'name') return { name: typeof value === 'string' ? value : '' }
  if (field.colId === 'aliases') return { aliases: Array.isArray(value) ? value.map(String) : [] }
  return { description: typeof value === 'string' ? value : '' }
}

/** The patch that puts back what `patch` is about to change (for undo). */
export function inversePatch(entity: Entity, patch: EntityPatch): EntityPatch {
  const inverse: EntityPatch = {}
  if (patch.name !== undefined) inverse.name = entity.name
  if (patch.aliases !== undefined) inverse.aliases = [...entity.aliases]
  if (patch.description !== undefined) inverse.description = entity.description
  if (patch.attributes) {
    inverse.attributes = Object.fromEntries(
      Object.keys(patch.attributes).map((key) => [key, entity.attributes[key] ?? null]),
    )
  }
  return inverse
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => x === b[i])
  }
  const blank = (v: unknown) => v === undefined || v === null || v === ''
  return (blank(a) && blank(b)) || a === b
}

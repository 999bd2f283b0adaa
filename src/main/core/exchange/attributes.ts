/**
 * Attributes that come from another tool (STIX custom properties, CSV columns) are kept
 * only where they fit the entity's type: a typed attribute must pass its schema, one that
 * belongs to another type is dropped, and a free attribute must be a plain value.
 */
import {
  KNOWN_ENTITY_TYPES,
  TYPED_ATTRIBUTES,
  type EntityAttributes,
  type KnownEntityType,
} from '../../../shared/model'

const ownerOf = new Map<string, KnownEntityType>(
  KNOWN_ENTITY_TYPES.flatMap((type) =>
    Object.keys(TYPED_ATTRIBUTES[type].shape).map((key) => [key, type] as const),
  ),
)

/** Why `value` cannot be attribute `key` of a `type`; undefined when it can. */
export function attributeProblem(type: string, key: string, value: unknown): string | undefined {
  const owner = ownerOf.get(key)
  if (owner) {
    if (owner !== type) return `“${key}” is an attribute of a ${owner}, not of a ${type}`
    const schema = (
      TYPED_ATTRIBUTES[owner].shape as Record<
        string,
        { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }
      >
    )[key]!
    const parsed = schema.safeParse(value)
    return parsed.success
      ? undefined
      : `${key}: ${parsed.error?.issues[0]?.message ?? 'not a valid value'}`
  }
  if (typeof value === 'string')
    return value.length <= 2_000 ? undefined : `${key} is longer than 2,000 characters`
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : `${key} is not a finite number`
  if (typeof value === 'boolean') return undefined
  if (
    Array.isArray(value) &&
    value.length <= 100 &&
    value.every((v) => typeof v === 'string' && v.length <= 500)
  ) {
    return undefined
  }
  return `${key} is not text, a number, true/false or a list of texts`
}

/** Keys JSON.parse keeps as own properties that must never be copied by assignment. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** The attributes of `candidate` that fit a `type`. */
export function fittingAttributes(
  type: string,
  candidate: Record<string, unknown>,
): Partial<EntityAttributes> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(candidate)) {
    if (value === undefined || value === null || value === '' || FORBIDDEN_KEYS.has(key)) continue
    if (!attributeProblem(type, key, value)) out[key] = value
  }
  return out as Partial<EntityAttributes>
}

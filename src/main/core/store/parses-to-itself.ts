/**
 * Whether zod's parse of a value it accepts gives back an equal value (keys in the same
 * order): then that value can stand for the parse's output, and the open checks a record
 * with the compiled validator alone (no output copy of every record, which is half of what
 * a checked open allocates). Read from the schema's definition, so a schema added to the
 * model is covered without code here. What it cannot vouch for (a transform, a union of
 * objects, a record map…) answers false, and the caller parses: false is always safe, true
 * must never be wrong (compiled-schemas.test.ts holds this against zod's own parse).
 */
import type { z } from 'zod'

/** The parts of a zod 4 definition read here. */
interface Def {
  type: string
  checks?: { _zod: { def: { check: string; tx?: (value: unknown) => unknown } } }[]
  coerce?: boolean
  format?: string
  normalize?: boolean
  shape?: Record<string, z.ZodType>
  catchall?: z.ZodType
  element?: z.ZodType
  innerType?: z.ZodType
  options?: z.ZodType[]
}

function defOf(schema: z.ZodType): Def {
  return schema._zod.def as unknown as Def
}

/** Characters zod's URL check strips from its output (and around which it trims). */
const URL_STRIPPED = /[\t\n\r]/

/**
 * Whether `schema`, which accepted `value`, outputs an equal value. Checks that rewrite
 * (`.trim()`, any `overwrite`) must leave the value as it is; an object's keys must come in
 * the order zod writes them (its shape's, then the catchall's in input order); a key with a
 * default must be present.
 */
export function parsesToItself(schema: z.ZodType, value: unknown): boolean {
  const def = defOf(schema)
  if (def.checks) {
    for (const check of def.checks) {
      const { check: kind, tx } = check._zod.def
      if (kind === 'overwrite' && (!tx || tx(value) !== value)) return false
    }
  }
  switch (def.type) {
    case 'string':
      if (def.coerce) return false
      if (def.format === 'url') {
        const text = value as string
        return !def.normalize && text === text.trim() && !URL_STRIPPED.test(text)
      }
      return true
    case 'number':
    case 'boolean':
      return !def.coerce
    case 'enum':
    case 'literal':
    case 'null':
    case 'unknown':
    case 'any':
      return true
    case 'optional':
      return value === undefined || parsesToItself(def.innerType!, value)
    case 'nullable':
      return value === null || parsesToItself(def.innerType!, value)
    case 'readonly':
      return parsesToItself(def.innerType!, value)
    case 'default':
    case 'prefault':
      return value !== undefined && parsesToItself(def.innerType!, value)
    case 'array': {
      const list = value as unknown[]
      for (let at = 0; at < list.length; at++) {
        if (!parsesToItself(def.element!, list[at])) return false
      }
      return true
    }
    case 'object':
      return objectParsesToItself(def, value as Record<string, unknown>)
    case 'union':
      // Any option may be the one that took the value: each must give it back as it is.
      return def.options!.every(isPassThrough)
    default:
      return false
  }
}

function objectParsesToItself(def: Def, value: Record<string, unknown>): boolean {
  const shape = def.shape!
  const order = shapeOrder(shape)
  let last = -1
  let extraSeen = false
  for (const key in value) {
    const at = order.get(key)
    if (at === undefined) {
      // Unknown keys are dropped (no catchall) or written after the shape's keys.
      if (!def.catchall || !parsesToItself(def.catchall, value[key])) return false
      extraSeen = true
      continue
    }
    if (extraSeen || at <= last) return false
    last = at
    if (!parsesToItself(shape[key]!, value[key])) return false
  }
  // A missing key whose schema fills it in (a default) would appear in the output.
  for (const key of defaultedKeys(shape)) if (!(key in value)) return false
  return true
}

const orders = new WeakMap<object, Map<string, number>>()

function shapeOrder(shape: Record<string, z.ZodType>): Map<string, number> {
  let order = orders.get(shape)
  if (!order) {
    order = new Map(Object.keys(shape).map((key, at) => [key, at]))
    orders.set(shape, order)
  }
  return order
}

const defaulted = new WeakMap<object, string[]>()

function defaultedKeys(shape: Record<string, z.ZodType>): string[] {
  let keys = defaulted.get(shape)
  if (!keys) {
    keys = Object.keys(shape).filter((key) => fillsIn(shape[key]!))
    defaulted.set(shape, keys)
  }
  return keys
}

/** Whether the schema outputs something for a missing value (a default, at any depth of wrappers). */
function fillsIn(schema: z.ZodType): boolean {
  const def = defOf(schema)
  if (def.type === 'default' || def.type === 'prefault') return true
  if (def.type === 'optional' || def.type === 'nullable' || def.type === 'readonly') {
    return fillsIn(def.innerType!)
  }
  // Anything else refuses a missing value, or is not vouched for by parsesToItself anyway.
  return false
}

const passThrough = new WeakMap<z.ZodType, boolean>()

/** Whether every value the schema accepts comes out as it went in (no objects: key order). */
function isPassThrough(schema: z.ZodType): boolean {
  let known = passThrough.get(schema)
  if (known === undefined) {
    known = computePassThrough(schema)
    passThrough.set(schema, known)
  }
  return known
}

function computePassThrough(schema: z.ZodType): boolean {
  const def = defOf(schema)
  if (def.checks?.some((check) => check._zod.def.check === 'overwrite')) return false
  switch (def.type) {
    case 'string':
      return !def.coerce && def.format !== 'url'
    case 'number':
    case 'boolean':
      return !def.coerce
    case 'enum':
    case 'literal':
    case 'null':
      return true
    case 'array':
      return isPassThrough(def.element!)
    case 'optional':
    case 'nullable':
    case 'readonly':
      return isPassThrough(def.innerType!)
    case 'union':
      return def.options!.every(isPassThrough)
    default:
      return false
  }
}

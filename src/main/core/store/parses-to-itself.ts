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
import { deepFreeze } from './freeze'

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

/** Whether a value the schema accepted comes out of its parse as it went in. */
type Check = (value: unknown) => boolean

const NEVER: Check = () => false

/** Each schema's check, made once; null: every value it accepts comes out as it went in. */
const checks = new WeakMap<z.ZodType, Check | null>()
/** The same checks, freezing what they pass (see keptFrozen); null: nothing to freeze either. */
const freezingChecks = new WeakMap<z.ZodType, Check | null>()

/**
 * Whether `schema`, which accepted `value`, outputs an equal value. Checks that rewrite
 * (`.trim()`, any `overwrite`) must leave the value as it is; an object's keys must come in
 * the order zod writes them (its shape's, then the catchall's in input order); a key with a
 * default must be present.
 */
export function parsesToItself(schema: z.ZodType, value: unknown): boolean {
  const check = checkOf(schema, false)
  return check === null || check(value)
}

/**
 * parsesToItself, and a value it answers true for is deeply frozen, in the same walk (an
 * open keeps such a record as read, frozen: one pass over it instead of a check and then a
 * deepFreeze that visits every key again). Objects and arrays are frozen after everything
 * in them, so one this leaves frozen after answering false (a value `schema` reshapes, which
 * the caller parses again) is deeply frozen too, as deepFreeze expects of a frozen object.
 */
export function keptFrozen(schema: z.ZodType, value: unknown): boolean {
  const check = checkOf(schema, true)
  return check === null || check(value)
}

/**
 * The check of a schema, made from its definition: a closure per node that can change a
 * value, none for those that cannot (most leaves), so a record costs a walk of its objects'
 * keys and little else. `freeze`: also a closure per node that holds objects or arrays,
 * which it freezes.
 */
function checkOf(schema: z.ZodType, freeze: boolean): Check | null {
  const cache = freeze ? freezingChecks : checks
  let check = cache.get(schema)
  if (check === undefined) {
    check = makeCheck(schema, freeze)
    cache.set(schema, check)
  }
  return check
}

/** Freezes a value whose schema gives it back as it is, whatever it holds. */
const FREEZE_ALL: Check = (value) => {
  deepFreeze(value)
  return true
}

function makeCheck(schema: z.ZodType, freeze: boolean): Check | null {
  const def = defOf(schema)
  const rewrites = (def.checks ?? [])
    .map((check) => check._zod.def)
    .filter((check) => check.check === 'overwrite')
  const own = typeCheck(def, freeze)
  if (rewrites.length === 0) return own
  return (value) => {
    for (const { tx } of rewrites) if (!tx || tx(value) !== value) return false
    return own === null || own(value)
  }
}

function typeCheck(def: Def, freeze: boolean): Check | null {
  switch (def.type) {
    case 'string':
      if (def.coerce) return NEVER
      if (def.format !== 'url') return null
      if (def.normalize) return NEVER
      return (value) => {
        const text = value as string
        return text === text.trim() && !URL_STRIPPED.test(text)
      }
    case 'number':
    case 'boolean':
      return def.coerce ? NEVER : null
    case 'enum':
    case 'literal':
    case 'null':
      return null
    case 'unknown':
    case 'any':
      return freeze ? FREEZE_ALL : null
    case 'optional':
    case 'nullable': {
      const inner = checkOf(def.innerType!, freeze)
      // An optional default still fills in a missing value: the output would have it.
      const fills = fillsIn(def.innerType!)
      const passes = def.type === 'optional' ? undefined : null
      if (inner === null && !fills) return null
      return (value) => {
        if (value === passes) return !fills || passes === null
        if (value === undefined) return !fills
        return inner === null || inner(value)
      }
    }
    case 'readonly':
      return checkOf(def.innerType!, freeze)
    case 'default':
    case 'prefault': {
      const inner = checkOf(def.innerType!, freeze)
      return (value) => value !== undefined && (inner === null || inner(value))
    }
    case 'array': {
      const element = checkOf(def.element!, freeze)
      if (element === null) return freeze ? freezeArray : null
      return (value) => {
        const list = value as unknown[]
        for (let at = 0; at < list.length; at++) if (!element(list[at])) return false
        if (freeze) Object.freeze(list)
        return true
      }
    }
    case 'object':
      return objectCheck(def, freeze)
    case 'union':
      // Any option may be the one that took the value: each must give it back as it is.
      if (!def.options!.every(isPassThrough)) return NEVER
      return freeze ? FREEZE_ALL : null
    default:
      return NEVER
  }
}

/** An array whose elements need neither a check nor freezing (strings, numbers). */
const freezeArray: Check = (value) => {
  Object.freeze(value)
  return true
}

function objectCheck(def: Def, freeze: boolean): Check {
  const shape = def.shape!
  const keys = Object.keys(shape)
  /**
   * The fields whose values a parse may change, or that hold something to freeze (a missing
   * one is checked as undefined).
   */
  const fields: [string, Check][] = []
  for (const key of keys) {
    const check = checkOf(shape[key]!, freeze)
    if (check !== null) fields.push([key, check])
  }
  // No catchall: unknown keys are dropped from the output. A catchall writes them last.
  const catchall = def.catchall ? checkOf(def.catchall, freeze) : NEVER
  return (value) => {
    const record = value as Record<string, unknown>
    let next = 0
    let extraSeen = false
    for (const key in record) {
      if (!extraSeen) {
        // Keys parsed from JSON are interned: comparing them is comparing pointers.
        let at = next
        while (at < keys.length && keys[at] !== key) at++
        if (at < keys.length) {
          next = at + 1
          continue
        }
      }
      // Not a shape key after the last one: an unknown key, or a shape key out of order.
      if (Object.hasOwn(shape, key)) return false
      if (catchall !== null && !catchall(record[key])) return false
      extraSeen = true
    }
    for (const [key, check] of fields) if (!check(record[key])) return false
    if (freeze) Object.freeze(record)
    return true
  }
}

/** Whether the schema outputs something for a missing value (a default, under any wrappers). */
function fillsIn(schema: z.ZodType): boolean {
  const def = defOf(schema)
  if (def.type === 'default' || def.type === 'prefault') return true
  if (def.type === 'optional' || def.type === 'nullable' || def.type === 'readonly') {
    return fillsIn(def.innerType!)
  }
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

/**
 * fast-check arbitraries for fuzzing the API (tests only): arbitrary JSON, arbitrary JS
 * values with prototype-related keys, and objects shaped like each method's input whose
 * fields hold anything from hostile values to ids that exist in the sample project.
 */
import { isAbsolute, join, relative } from 'node:path'
import fc from 'fast-check'
import { z } from 'zod'
import { contract, type MethodName } from '../../src/shared/contract'
import { ERROR_CODES, type Result } from '../../src/shared/result'

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const

const key = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...POLLUTING_KEYS, 'toString', 'valueOf', 'hasOwnProperty'),
  },
)

/** Strings that mean something to the sample project, so some calls get past validation. */
const meaningful = fc.constantFrom(
  'grp-nrf',
  'per-ahmad-masoud',
  'src-brief',
  'group',
  'person',
  'place',
  'National Resistance Front',
  '',
  ' ',
  '../../etc/passwd',
  '..\\..\\windows',
  '%2e%2e%2f',
  '\u0000',
  'a'.repeat(600),
  'b'.repeat(300),
  '<img src=x onerror=alert(1)>',
  'guerrilla-warfare',
  'project-20260101T000000000Z-auto-0000',
)

const knownIds = fc.constantFrom(
  'grp-nrf',
  'grp-taliban',
  'grp-nff',
  'per-ahmad-masoud',
  'src-brief',
  'nope',
)

const knownTypes = fc.constantFrom('group', 'person', 'place', 'community', 'weapon')

/** Any JS value, including Maps, Dates, boxed values, null prototypes and polluting keys. */
const hostileValue: fc.Arbitrary<unknown> = fc.anything({
  key,
  maxDepth: 4,
  maxKeys: 5,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withObjectString: true,
  values: [fc.string(), meaningful, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)],
})

/** Any JSON value whose objects may carry polluting keys (as JSON.parse would produce them). */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string(),
    meaningful,
    fc.array(tie('value'), { maxLength: 4 }),
    fc
      .array(fc.tuple(key, tie('value')), { maxLength: 4 })
      .map((entries) => JSON.parse(JSON.stringify(Object.fromEntries(entries))) as unknown),
    fc
      .tuple(fc.constantFrom(...POLLUTING_KEYS), tie('value'))
      .map(
        ([k, v]) => JSON.parse(`{${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}}`) as unknown,
      ),
  ),
})).value

/**
 * Values for one field: usually of the field's own type (enum members, ids and names from
 * the sample, arrays of such) so calls get past validation into the services, sometimes
 * anything at all.
 */
/** Real values for some fields (a valid export, an existing backup, the sample's folder). */
export type KnownValues = Partial<Record<string, readonly unknown[]>>

function fieldValue(schema: z.ZodType, name: string, known: KnownValues): fc.Arbitrary<unknown> {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema
  const loose = fc.oneof(hostileJson, fc.string(), meaningful)
  const real = known[name]
  if (real?.length) {
    const fallback = fieldValue(schema, `${name}\u0000`, known)
    return fc.oneof(fc.constantFrom(...real), fallback)
  }
  let typed: fc.Arbitrary<unknown> | null = null
  if (inner instanceof z.ZodObject) typed = shaped(inner, known)
  else if (inner instanceof z.ZodArray) {
    typed = fc.array(fieldValue(inner.element as z.ZodType, '', known), { maxLength: 3 })
  } else if (inner instanceof z.ZodEnum) typed = fc.constantFrom(...inner.options)
  else if (inner instanceof z.ZodString) {
    typed = fc.oneof(
      ...(/id$/i.test(name) ? [knownIds, knownIds] : []),
      ...(name === 'type' ? [knownTypes, knownTypes] : []),
      meaningful,
      fc.string({ minLength: 1, maxLength: 24 }),
    )
  } else if (inner instanceof z.ZodNumber)
    typed = fc.oneof(fc.integer({ min: -1, max: 20 }), fc.double())
  else if (inner instanceof z.ZodBoolean) typed = fc.boolean()
  else if (inner instanceof z.ZodRecord) {
    typed = fc.dictionary(
      fc.oneof(key, meaningful),
      fc.oneof(meaningful, fc.integer(), fc.constant(null)),
      {
        maxKeys: 3,
      },
    )
  }
  return typed ? fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: loose }) : loose
}

function shaped(schema: z.ZodObject, known: KnownValues): fc.Arbitrary<Record<string, unknown>> {
  const shape = Object.entries(schema.shape) as [string, z.ZodType][]
  const fields = Object.fromEntries(
    shape.map(([name, field]) => [name, fieldValue(field, name, known)]),
  )
  const requiredKeys = shape
    .filter(([, field]) => !(field instanceof z.ZodOptional))
    .map(([name]) => name)
  return fc.record(fields, { requiredKeys })
}

/** Inputs for one method: arbitrary JSON, arbitrary values, and objects shaped like its input. */
export function inputsFor(method: MethodName, known: KnownValues = {}): fc.Arbitrary<unknown> {
  const schema = contract[method].input as z.ZodType
  const arbitraries: fc.Arbitrary<unknown>[] = [fc.jsonValue(), hostileJson, hostileValue]
  if (schema instanceof z.ZodObject) {
    const withPolluter = fc
      .tuple(shaped(schema, known), fc.constantFrom(...POLLUTING_KEYS), hostileJson)
      .map(([base, k, v]) => {
        const copy: Record<string, unknown> = { ...base }
        Object.defineProperty(copy, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        })
        return copy
      })
    arbitraries.push(shaped(schema, known), shaped(schema, known), withPolluter)
  }
  return fc.oneof(...arbitraries)
}

/**
 * Methods that take a folder on disk would, given a valid path, create or move files
 * wherever the fuzzer points. Valid inputs get their paths moved under `sandbox`;
 * invalid ones are passed as generated (they never reach the file system).
 */
export function confinePaths(method: MethodName, input: unknown, sandbox: string): unknown {
  if (!contract[method].input.safeParse(input).success) return input
  const fields = input as Record<string, unknown>
  const copy = { ...fields }
  for (const name of ['path', 'folder']) {
    const value = fields[name]
    if (typeof value !== 'string') continue
    const already = relative(sandbox, value)
    if (isAbsolute(value) && !already.startsWith('..') && !isAbsolute(already)) continue
    // Separators and dots go; everything else (NUL, controls, unicode) reaches the file system.
    const inside = join(sandbox, 'fuzz', value.replace(/[/\\.]/g, '_').slice(0, 400) || 'x')
    const rel = relative(sandbox, inside)
    copy[name] = rel.startsWith('..') || isAbsolute(rel) ? join(sandbox, 'fuzz', 'x') : inside
  }
  return copy
}

/** A stack trace, a file path or an error class name must never reach a client. */
export function leaksInternals(text: string): boolean {
  return (
    /\bat (?:\S+ \()?(?:file:\/\/|node:)?(?:\/|[A-Za-z]:\\)\S*:\d+/.test(text) ||
    /\n\s+at /.test(text) ||
    /(TypeError|RangeError|SyntaxError|ReferenceError)\b/.test(text)
  )
}

/** The envelope every answer must be: ok with a value, or a known error code and a message. */
export function isEnvelope(result: unknown): result is Result<unknown> {
  if (typeof result !== 'object' || result === null) return false
  const r = result as {
    ok?: unknown
    value?: unknown
    error?: { code?: unknown; message?: unknown }
  }
  if (r.ok === true) return 'value' in r
  return (
    r.ok === false &&
    (ERROR_CODES as readonly unknown[]).includes(r.error?.code) &&
    typeof r.error?.message === 'string'
  )
}

/** Object.prototype as a fresh realm has it; anything added means pollution. */
export function prototypeIsClean(): boolean {
  const probe = {} as Record<string, unknown>
  return (
    Object.keys(Object.prototype).length === 0 &&
    probe.polluted === undefined &&
    Object.getOwnPropertyNames(Object.prototype).every((name) => BASELINE_PROTOTYPE_NAMES.has(name))
  )
}

const BASELINE_PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype))

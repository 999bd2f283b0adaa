/**
 * parsesToItself on schema features the project's model does not use today (defaults,
 * nullables, unions of objects, coercion, transforms, URL normalization): for each value a
 * schema accepts, it may answer true only where zod's output is the value itself, key order
 * included. The model's own schemas are held to zod in compiled-schemas.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { frozenOnlyDeeply, objectsIn } from '../../../../test/support/frozen'
import { keptFrozen, parsesToItself } from './parses-to-itself'

const cases: [string, z.ZodType, unknown, boolean][] = [
  ['a plain string', z.string().max(5), 'abc', true],
  ['a trimmed string, already trimmed', z.string().trim(), 'abc', true],
  ['a trimmed string, padded', z.string().trim(), ' abc', false],
  ['a lower-cased string, upper case', z.string().toLowerCase(), 'ABC', false],
  ['a coerced number', z.coerce.number(), 3, false],
  ['a URL as zod writes it', z.url(), 'https://example.org/a', true],
  ['a URL with a tab', z.url(), 'https://example.org/\ta', false],
  ['a normalized URL', z.url({ normalize: true }), 'https://example.org/a', false],
  ['a default, given', z.object({ a: z.number().default(1) }), { a: 2 }, true],
  ['a default, missing', z.object({ a: z.number().default(1) }), {}, false],
  ['an optional default, missing', z.object({ a: z.number().default(1).optional() }), {}, false],
  ['an optional, missing', z.object({ a: z.number().optional() }), {}, true],
  [
    'a nullable object, null',
    z.object({ a: z.object({ b: z.string() }).nullable() }),
    { a: null },
    true,
  ],
  ['keys in order', z.object({ a: z.string(), b: z.string() }), { a: '', b: '' }, true],
  ['keys out of order', z.object({ a: z.string(), b: z.string() }), { b: '', a: '' }, false],
  ['an unknown key, stripped', z.object({ a: z.string() }), { a: '', x: 1 }, false],
  ['a catchall key last', z.object({ a: z.string() }).catchall(z.number()), { a: '', x: 1 }, true],
  [
    'a catchall key first',
    z.object({ a: z.string() }).catchall(z.number()),
    { x: 1, a: '' },
    false,
  ],
  ['a union of scalars', z.union([z.string(), z.number()]), 3, true],
  [
    'a union of objects',
    z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]),
    { a: '' },
    false,
  ],
  ['a transform', z.string().transform((text) => text), 'a', false],
  ['an array of trimmed strings', z.array(z.string().trim()), ['a', 'b '], false],
  ['a record map', z.record(z.string(), z.number()), { a: 1 }, false],
  [
    'objects in arrays in objects',
    z.object({ a: z.array(z.object({ b: z.array(z.string()) })), c: z.unknown() }),
    { a: [{ b: ['x'] }, { b: [] }], c: { d: [{}] } },
    true,
  ],
  [
    'an object reshaped deep inside',
    z.object({ a: z.array(z.object({ b: z.string().trim() })), c: z.object({}) }),
    { a: [{ b: 'x' }, { b: ' y' }], c: {} },
    false,
  ],
  [
    'a catchall of objects',
    z.object({ a: z.string() }).catchall(z.object({ n: z.number() })),
    { a: '', x: { n: 1 } },
    true,
  ],
]

describe('parsesToItself', () => {
  it.each(cases)('%s', (_, schema, value, expected) => {
    const parsed = schema.safeParse(value)
    expect(parsed.success).toBe(true)
    expect(parsesToItself(schema, value)).toBe(expected)
    // True is a promise about zod's output; false only costs a parse.
    if (expected) expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(value))
  })

  it.each(cases)('%s, frozen in the same walk', (_, schema, value, expected) => {
    const copy = structuredClone(value)
    expect(keptFrozen(schema, copy)).toBe(expected)
    expect(copy).toStrictEqual(value)
    // Kept: frozen all through. Not kept: whatever it froze is frozen all through.
    if (expected) expect(objectsIn(copy).every((object) => Object.isFrozen(object))).toBe(true)
    expect(frozenOnlyDeeply(copy)).toBe(true)
  })
})

/**
 * The compiled record schemas an open validates with (collections.ts, compiledSchemaOf)
 * against zod's own parser: on valid records and on records mutated into every kind of
 * wrong (wrong type, missing field, extra field, bad enum, too long a string, untrimmed
 * text, keys out of order, broken refinements), both accept or both refuse; what they
 * accept comes out identical, key order included; what they refuse is worded the same.
 * The open's check (checkValue), which keeps a value as read where zod's parse would give
 * it back unchanged, is held to the same: whatever it keeps as read, zod's output equals.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { SAMPLE_DIR } from '../../../../test/support/folders'
import { frozenOnlyDeeply, objectsIn } from '../../../../test/support/frozen'
import { checkValue, COLLECTIONS, compiledSchemaOf, FIELDS, schemaOf } from './collections'

const sample = JSON.parse(readFileSync(join(SAMPLE_DIR, 'project.json'), 'utf8')) as Record<
  string,
  unknown
>

const at = '2025-06-01T09:00:00.000Z'
/** Records of the collections the sample leaves empty, and of every report section kind. */
const extra: Record<string, unknown[]> = {
  reports: [
    {
      id: 'rep-1',
      createdAt: at,
      updatedAt: at,
      title: 'Fronts, mid-2025',
      author: 'Analyst',
      date: '2025-06-01',
      classification: 'Unclassified',
      sections: [
        { id: 's1', kind: 'note', noteId: 'note-1' },
        { id: 's2', kind: 'entity-table', entityType: 'group', columns: ['name'], filter: 'a' },
        { id: 's3', kind: 'graph', caption: 'The graph' },
        { id: 's4', kind: 'quotes', annotationIds: ['ann-1'] },
        { id: 's5', kind: 'map', layer: 'areas', groupIds: ['grp-nrf'], from: '2024-01-01' },
        { id: 's6', kind: 'timeline', laneIds: ['grp-nrf'], to: '2025-01-01' },
        { id: 's7', kind: 'analysis', analysisId: 'analysis-1' },
      ],
      options: { pageSize: 'A4', appendixOfEntityQuotes: true, margins: 'wide' },
    },
  ],
  suggestionDismissals: [
    {
      id: 'dis-1',
      createdAt: at,
      updatedAt: at,
      sourceId: 'src-brief',
      key: 'entity:group:National Resistance Front',
      label: 'National Resistance Front (group)',
    },
  ],
  entities: [
    {
      id: 'plc-1',
      createdAt: at,
      updatedAt: at,
      type: 'place',
      name: 'Andarab',
      aliases: ['اندراب'],
      description: '',
      attributes: {
        placeKind: 'district',
        iso3166Code: 'AF-BGL',
        latitude: 35.6,
        longitude: 69.3,
        gazetteerId: 'AF-BGL/andarab',
        free: ['a', 'b'],
        count: 3,
      },
    },
    {
      id: 'evt-1',
      createdAt: at,
      updatedAt: '2025-06-01T09:00:00+04:30',
      type: 'event',
      name: 'A raid',
      aliases: [],
      description: 'x',
      attributes: { eventKind: 'attack', eventDate: '2024-02-29', datePrecision: 'day' },
    },
  ],
  sources: [
    {
      id: 'src-web',
      createdAt: at,
      updatedAt: at,
      title: 'A page',
      kind: 'article',
      url: 'https://example.org/a?b=c',
      language: 'fa-AF',
      reliability: 'C',
      contentHash: 'a'.repeat(64),
      length: 10,
      origin: { fileName: 'a.html', format: 'html' },
      pages: [0, 4],
      history: [{ contentHash: 'b'.repeat(64), length: 3, replacedAt: at, reason: 'edit' }],
    },
  ],
}

/** Valid values of every collection's records and every field, by name. */
const valid = new Map<string, unknown[]>()
for (const name of COLLECTIONS) {
  valid.set(name, [...((sample[name] as unknown[] | undefined) ?? []), ...(extra[name] ?? [])])
}
for (const name of FIELDS) valid.set(name, [sample[name]])
const names = [...valid.keys()]

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** What both validators make of `value`, for `expect` to compare. */
function bothOn(
  name: string,
  value: unknown,
): {
  runtime: z.ZodSafeParseResult<unknown>
  compiled: z.ZodSafeParseResult<unknown>
} {
  // Each gets its own copy: neither may see what the other did to its input.
  return {
    runtime: schemaOf(name)!.safeParse(copy(value)),
    compiled: compiledSchemaOf(name)!.safeParse(copy(value)),
  }
}

/** How many values checkValue kept as read (no parse output), by collection or field. */
const keptAsRead = new Map<string, number>()

function expectAgreement(name: string, value: unknown): boolean {
  const { runtime, compiled } = bothOn(name, value)
  const input = copy(value)
  const checked = checkValue(name, input)
  expect(compiled.success, JSON.stringify(value)).toBe(runtime.success)
  expect(checked.success, JSON.stringify(value)).toBe(runtime.success)
  if (runtime.success && compiled.success && checked.success) {
    expect(compiled.data).toStrictEqual(runtime.data)
    // Key order too: a snapshot line is written from what the schema gave.
    expect(JSON.stringify(compiled.data)).toBe(JSON.stringify(runtime.data))
    expect(checked.data).toStrictEqual(runtime.data)
    expect(JSON.stringify(checked.data), JSON.stringify(value)).toBe(JSON.stringify(runtime.data))
    if (checked.asRead) {
      expect(checked.data).toBe(input)
      keptAsRead.set(name, (keptAsRead.get(name) ?? 0) + 1)
    }
  } else if (!runtime.success && !compiled.success && !checked.success) {
    expect(compiled.error.issues).toStrictEqual(runtime.error.issues)
    expect(checked.error.issues).toStrictEqual(runtime.error.issues)
  }
  // The open's variant, which freezes what it keeps: the same verdict, output and wording,
  // its data frozen all through, and anything it froze in a value it did not keep frozen
  // all through too (deepFreeze passes over a frozen object).
  const frozenInput = copy(value)
  const frozen = checkValue(name, frozenInput, true)
  expect(frozen.success).toBe(checked.success)
  if (frozen.success && checked.success) {
    expect(frozen.asRead).toBe(checked.asRead)
    expect(JSON.stringify(frozen.data)).toBe(JSON.stringify(checked.data))
    expect(objectsIn(frozen.data).every((object) => Object.isFrozen(object))).toBe(true)
    if (frozen.asRead) expect(frozen.data).toBe(frozenInput)
  } else if (!frozen.success && !checked.success) {
    expect(frozen.error.issues).toStrictEqual(checked.error.issues)
  }
  expect(frozenOnlyDeeply(frozenInput)).toBe(true)
  return runtime.success
}

/** Every place in a JSON value: the path to it (the root is []). */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out = [path]
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...pathsOf(item, [...path, i])))
  else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      out.push(...pathsOf((value as Record<string, unknown>)[key], [...path, key]))
    }
  }
  return out
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Strings that break a bound, a pattern, a format, an enum or a trim. */
const hostileStrings = [
  '',
  ' ',
  ' padded ',
  'x'.repeat(33),
  'x'.repeat(65),
  'x'.repeat(129),
  'x'.repeat(201),
  'x'.repeat(301),
  'x'.repeat(501),
  'x'.repeat(2_001),
  // Astral characters: one code point, two UTF-16 units (zod counts units).
  '😀'.repeat(160),
  '😀'.repeat(251),
  'not-an-enum',
  'Group',
  'active',
  'guerrilla-warfare',
  'grp-nrf',
  'id with spaces',
  '2025-02-29',
  '2024-02-29',
  '2025-06-01T09:00:00Z',
  '2025-06-01 09:00:00',
  'https://example.org',
  'ftp://example.org',
  'http://localhost',
  'AF-PAN',
  'af-pan',
  'a'.repeat(64),
  'A'.repeat(64),
  '\u0000',
  'fa-AF',
]
const hostileValues: Json[] = [
  null,
  true,
  0,
  -1,
  1.5,
  7,
  51,
  1e300,
  Number.MAX_SAFE_INTEGER + 2,
  [],
  {},
  ['x'],
  { x: 1 },
  ...hostileStrings,
]
const extraKeys = ['__proto__', 'constructor', 'toString', 'extra', 'name', 'note', 'rating']

/** One change to a JSON value at one of its places. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), with: fc.constantFrom(...hostileValues) }),
  fc.record({ kind: fc.constant('delete' as const) }),
  fc.record({
    kind: fc.constant('add' as const),
    key: fc.constantFrom(...extraKeys),
    with: fc.constantFrom(...hostileValues),
  }),
  fc.record({ kind: fc.constant('reorder' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('pad' as const) }),
)

/**
 * `value` changed at `path`. The result is text read back as JSON, as a record is read from a
 * snapshot line: a key "__proto__" is then an own property, as JSON.parse makes it.
 */
function mutate(value: unknown, path: (string | number)[], change: MutationOf): unknown {
  // A record line always has a value: the nearest thing to none is null.
  if (path.length === 0 && change.kind === 'delete') return null
  const root = { value: copy(value) as Json }
  let parent: Json = root as unknown as Json
  let key: string | number = 'value'
  for (const step of path) {
    parent = (parent as Record<string, Json>)[key]!
    key = step
  }
  const holder = parent as Record<string | number, Json>
  const target = holder[key]!
  switch (change.kind) {
    case 'replace':
      holder[key] = change.with
      break
    case 'delete':
      if (Array.isArray(holder)) holder.splice(key as number, 1)
      else delete holder[key]
      break
    case 'add':
      if (Array.isArray(target)) target.push(change.with)
      else if (typeof target === 'object' && target !== null) {
        Object.defineProperty(target, change.key, {
          value: change.with,
          enumerable: true,
          configurable: true,
          writable: true,
        })
      } else holder[key] = [target, change.with]
      break
    case 'reorder':
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
        const entries = Object.entries(target)
        const turn = entries.length ? change.seed % entries.length : 0
        holder[key] = Object.fromEntries([...entries.slice(turn), ...entries.slice(0, turn)])
      } else if (Array.isArray(target)) target.reverse()
      break
    case 'pad':
      if (typeof target === 'string') holder[key] = ` ${target}\n`
      break
  }
  return JSON.parse(JSON.stringify(root.value))
}
type MutationOf =
  | { kind: 'replace'; with: Json }
  | { kind: 'delete' }
  | { kind: 'add'; key: string; with: Json }
  | { kind: 'reorder'; seed: number }
  | { kind: 'pad' }

describe('the compiled record schemas', () => {
  it('compile whole: no record schema is left to the runtime parser', () => {
    for (const name of names) {
      expect(() => z.compile(schemaOf(name)!, { strict: true }), name).not.toThrow()
    }
  })

  it('accept every valid record as zod does, identical to its output', () => {
    for (const [name, values] of valid) {
      expect(values.length, name).toBeGreaterThan(0)
      for (const value of values) expect(expectAgreement(name, value)).toBe(true)
    }
  })

  it('keep valid records as read when zod would give them back unchanged, and only then', () => {
    keptAsRead.clear()
    for (const [name, values] of valid) for (const value of values) expectAgreement(name, value)
    // The bulk of a project (quotes, relations, sources, entities) takes the validator alone.
    for (const name of ['annotations', 'relations', 'sources', 'entities', 'notes']) {
      expect(keptAsRead.get(name), name).toBe(valid.get(name)!.length)
    }
    const entity = valid.get('entities')![0] as Record<string, unknown>
    const source = (valid.get('sources') as { url?: string }[]).find((s) => s.url)!
    const reordered = Object.fromEntries(Object.entries(entity).reverse())
    const reshaped: [string, unknown][] = [
      ['entities', { ...entity, name: ' Padded' }],
      ['entities', { ...entity, aliases: ['alias '] }],
      ['entities', reordered],
      ['entities', { ...entity, attributes: { extra: 1, ...(entity.attributes as object) } }],
      ['sources', { ...source, url: ` ${source.url}` }],
      ['sources', { ...source, url: `${source.url}\t` }],
    ]
    for (const [name, value] of reshaped) {
      const checked = checkValue(name, copy(value))
      expect(checked.success, JSON.stringify(value)).toBe(true)
      expect(checked.success && checked.asRead, JSON.stringify(value)).toBe(false)
      expectAgreement(name, value)
    }
  })

  it('agree with zod on records broken by a refinement or a trim', () => {
    const relation = valid.get('relations')![0] as Record<string, unknown>
    const annotation = valid.get('annotations')![0] as { target: { position: object } }
    const person = (valid.get('entities') as { type: string }[]).find((e) => e.type === 'person')
    const row = valid.get('analysisEvidence')![0] as Record<string, unknown>
    const analysis = valid.get('analyses')![0] as { hypotheses: object[] }
    const cells = Object.fromEntries(
      Array.from({ length: 51 }, (_, i) => [`h${i}`, { rating: 'C' }]),
    )
    const broken: [string, unknown][] = [
      ['relations', { ...relation, to: relation.from }],
      [
        'annotations',
        {
          ...annotation,
          target: {
            ...annotation.target,
            position: { type: 'TextPositionSelector', start: 9, end: 9 },
          },
        },
      ],
      ['entities', { ...person, attributes: { phase: 'unknown' } }],
      ['entities', { ...person, name: '  Padded  ' }],
      ['entities', { ...person, name: '   ' }],
      ['entities', { ...person, aliases: [' alias'] }],
      ['analysisEvidence', { ...row, note: 'Both a quote and a note.', credibility: 2 }],
      ['analysisEvidence', { ...row, annotationId: undefined, note: 'No credibility.' }],
      ['analysisEvidence', { ...row, annotationId: undefined, note: ' Padded ', credibility: 3 }],
      ['analysisEvidence', { ...row, cells }],
      ['analysisEvidence', { ...row, cells: { h1: {} } }],
      ['analyses', { ...analysis, question: ' Padded? ' }],
      ['analyses', { ...analysis, hypotheses: [{ ...analysis.hypotheses[0], title: ' ' }] }],
    ]
    const accepted = broken.map(([name, value]) => expectAgreement(name, value))
    // The padded ones pass, trimmed (zod's output, not the input); the rest are refused.
    expect(accepted).toEqual([
      false,
      false,
      false,
      true,
      false,
      true,
      false,
      false,
      true,
      false,
      false,
      true,
      false,
    ])
  })

  it('agree with zod on records mutated at random', () => {
    const cases = fc
      .constantFrom(...names)
      .chain((name) =>
        fc
          .constantFrom(...valid.get(name)!)
          .chain((value) =>
            fc.tuple(
              fc.constant(name),
              fc.constant(value),
              fc.constantFrom(...pathsOf(value)),
              mutation,
            ),
          ),
      )
    let refused = 0
    fc.assert(
      fc.property(cases, ([name, value, path, change]) => {
        if (!expectAgreement(name, mutate(value, path, change as MutationOf))) refused++
      }),
      { numRuns: 3_000, seed: 13 },
    )
    // The mutations reach the refusals they are for, not only harmless places.
    expect(refused).toBeGreaterThan(1_000)
  })
})

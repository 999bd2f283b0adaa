import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JsonShapeError, scanTopLevelObject } from './json-spans'
import { unsliced } from './slices'

const scan = (text: string) => scanTopLevelObject(text, 'objects', 32, unsliced)

describe('scanTopLevelObject', () => {
  it('finds each item of the array exactly, whatever its strings hold', async () => {
    const items = [
      { a: 'brackets ] } [ { inside', b: ['x', { c: 1 }] },
      { quote: 'she said "no" \\ and left', n: -1.5e3, t: true, z: null },
      'a plain string',
      [1, [2, [3]]],
    ]
    const text = `{ "type" : "bundle",\n  "objects": [ ${items.map((i) => JSON.stringify(i, null, 1)).join(' ,\n ')} ] , "id": "x" }`
    const result = await scan(text)
    expect(result.items!.map((s) => JSON.parse(text.slice(s.start, s.end)))).toEqual(items)
    expect(
      JSON.parse(text.slice(result.members.get('type')!.start, result.members.get('type')!.end)),
    ).toBe('bundle')
    expect([...result.members.keys()]).toEqual(['type', 'id'])
  })

  it('agrees with JSON.parse on any object of items', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 5 }), { maxLength: 8 }),
        fc.boolean(),
        async (items, pretty) => {
          const text = JSON.stringify(
            { type: 'bundle', objects: items },
            null,
            pretty ? 2 : undefined,
          )
          const result = await scan(text)
          expect(result.items!.map((s) => JSON.parse(text.slice(s.start, s.end)))).toEqual(
            JSON.parse(text).objects,
          )
        },
      ),
      { numRuns: 200 },
    )
  })

  it.each([
    ['', /the file is empty/],
    ['[1, 2]', /a JSON list, not one object/],
    ['name,alias', /not JSON/],
    ['{"objects": [1, 2', /“,” or “]” is expected/],
    ['{"objects": [{"a": "b}]}', /a string is not closed/],
    ['{"type" "bundle"}', /“:” is expected \(line 1, column 9\)/],
    ['{"type": "bundle"}\n\n  x', /more after the end of the object \(line 3, column 3\)/],
    [`{"objects": [${'['.repeat(40)}${']'.repeat(40)}]}`, /nested more than 32 levels deep/],
  ])('refuses %j with the reason and its place', async (text, message) => {
    await expect(scan(text)).rejects.toThrow(JsonShapeError)
    await expect(scan(text)).rejects.toThrow(message)
  })
})

import { describe, expect, it } from 'vitest'
import { asRecordLine, RecordLine } from './format'

describe('asRecordLine', () => {
  const values: unknown[] = [
    { c: 'entities', v: { id: 'e1' } },
    { c: 'views', v: null },
    { c: 'entities' },
    { c: 'x'.repeat(64), v: 1 },
    { c: 'x'.repeat(65), v: 1 },
    { c: '', v: 1 },
    { c: 7, v: 1 },
    { v: 1 },
    { c: 'entities', v: 1, extra: true },
    ['entities', 1],
    null,
    'entities',
    42,
  ]

  it.each(values.map((value) => [JSON.stringify(value), value]))(
    'accepts %s exactly when the RecordLine schema does',
    (_, value) => {
      expect(asRecordLine(value) !== undefined).toBe(RecordLine.safeParse(value).success)
    },
  )

  it('hands back the line itself, not a copy', () => {
    const line = { c: 'entities', v: { id: 'e1' } }
    expect(asRecordLine(line)).toBe(line)
  })
})

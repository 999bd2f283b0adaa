import { describe, expect, it } from 'vitest'
import { WHOLE_RECORD } from '../../../shared/api/sync'
import { mergeRecord, mergeText } from './merge'

const base = { id: 'g1', name: 'Front', aliases: ['F'], updatedAt: '2026-01-01' }

describe('mergeRecord', () => {
  it('merges changes to different fields without asking', () => {
    const mine = { ...base, name: 'The Front', updatedAt: '2026-01-02' }
    const theirs = { ...base, aliases: ['F', 'TF'], updatedAt: '2026-01-03' }
    expect(mergeRecord(base, mine, theirs)).toEqual({
      clean: true,
      value: { id: 'g1', name: 'The Front', aliases: ['F', 'TF'], updatedAt: '2026-01-03' },
    })
  })

  it('turns the same field changed two ways into a conflict with all three values', () => {
    const result = mergeRecord(base, { ...base, name: 'A' }, { ...base, name: 'B' })
    expect(result.clean).toBe(false)
    if (!result.clean) {
      expect(result.conflicts).toEqual([{ field: 'name', mine: 'A', theirs: 'B', base: 'Front' }])
    }
  })

  it('never lets a deletion silently win over an edit, nor the reverse', () => {
    const edited = { ...base, name: 'Edited' }
    const result = mergeRecord(base, null, edited)
    expect(result.clean).toBe(false)
    if (!result.clean) expect(result.conflicts[0]!.field).toBe(WHOLE_RECORD)
    expect(mergeRecord(base, edited, null).clean).toBe(false)
  })

  it('deletes a record the other side left unchanged', () => {
    expect(mergeRecord(base, null, base)).toEqual({ clean: true, value: null })
  })

  it('treats every difference as a clash when the ancestor is unknown', () => {
    expect(mergeRecord(undefined, { ...base, name: 'A' }, base).clean).toBe(false)
  })

  it('merges note bodies line by line and marks the lines both sides changed', () => {
    const note = { id: 'n1', body: 'one\ntwo\nthree' }
    const clean = mergeRecord(
      note,
      { id: 'n1', body: 'ONE\ntwo\nthree' },
      { id: 'n1', body: 'one\ntwo\nTHREE' },
    )
    expect(clean).toEqual({ clean: true, value: { id: 'n1', body: 'ONE\ntwo\nTHREE' } })
    const clash = mergeRecord(
      note,
      { id: 'n1', body: 'one\nmine\nthree' },
      { id: 'n1', body: 'one\ntheirs\nthree' },
    )
    expect(clash.clean).toBe(false)
    if (!clash.clean) {
      expect(clash.conflicts[0]!.textMerge).toBe(
        'one\n<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> theirs\nthree',
      )
    }
  })
})

describe('mergeText', () => {
  it('keeps text both sides left alone', () => {
    expect(mergeText('a\nb', 'a\nb', 'a\nb')).toEqual({ clean: true, value: 'a\nb' })
  })
})

import { describe, expect, it } from 'vitest'
import type { SyncConflict } from '../../../../shared/api/sync'
import { initialChoices, resolvedRecord } from './conflict-choices'

const conflict: SyncConflict = {
  docId: 'entities:g1',
  collection: 'entities',
  id: 'g1',
  label: 'Front',
  theirAuthor: 'Bashir',
  theirAt: '2026-01-02T00:00:00Z',
  myAuthor: 'Amina',
  mine: { id: 'g1', name: 'Mine', description: 'a\nmine', aliases: [] },
  theirs: { id: 'g1', name: 'Theirs', description: 'a\ntheirs', aliases: [] },
  base: { id: 'g1', name: 'Base', description: 'a\nbase', aliases: [] },
  fields: [
    { field: 'name', mine: 'Mine', theirs: 'Theirs', base: 'Base' },
    {
      field: 'description',
      mine: 'a\nmine',
      theirs: 'a\ntheirs',
      base: 'a\nbase',
      textMerge: 'a\n<<<',
    },
  ],
}

describe('resolvedRecord', () => {
  it('starts from yours and the text merge to edit', () => {
    expect(resolvedRecord(conflict, initialChoices(conflict))).toEqual({
      id: 'g1',
      name: 'Mine',
      description: 'a\n<<<',
      aliases: [],
    })
  })

  it('takes each field from the side picked', () => {
    const record = resolvedRecord(conflict, {
      name: { pick: 'theirs' },
      description: { pick: 'edited', text: 'a\nboth' },
    })
    expect(record).toMatchObject({ name: 'Theirs', description: 'a\nboth' })
  })

  it('keeps a deletion only when it is picked', () => {
    const deletion: SyncConflict = {
      ...conflict,
      theirs: null,
      fields: [{ field: '(record)', mine: conflict.mine, theirs: null }],
    }
    expect(resolvedRecord(deletion, { '(record)': { pick: 'theirs' } })).toBeNull()
    expect(resolvedRecord(deletion, { '(record)': { pick: 'mine' } })).toEqual(conflict.mine)
  })
})

import { describe, expect, it } from 'vitest'
import { conflictTitle, partName } from './part-names'

describe('part names', () => {
  it('names a whole part of the project, not the label the main process put on it', () => {
    expect(conflictTitle({ collection: 'views', id: '', label: 'Saved views' })).toBe('Saved views')
    expect(conflictTitle({ collection: 'project', id: '', label: 'Kabul corpus' })).toBe(
      'Project details',
    )
  })

  it("keeps a record's own label, and its id when it has none", () => {
    expect(conflictTitle({ collection: 'entities', id: 'g1', label: 'NRF' })).toBe('NRF')
    expect(conflictTitle({ collection: 'entities', id: 'g1', label: '' })).toBe('g1')
  })

  it('names a collection in words, and falls back to its key when unknown', () => {
    expect(partName('annotations')).toBe('quotes')
    expect(partName('somethingNew')).toBe('somethingNew')
  })
})

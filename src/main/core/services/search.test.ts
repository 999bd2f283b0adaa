import { describe, expect, it } from 'vitest'
import type { Entity, Note } from '../../../shared/model'
import { searchEntities, searchNotes } from './search'

const stamp = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }

const entity = (id: string, name: string, aliases: string[] = [], acronym?: string): Entity =>
  ({
    ...stamp,
    id,
    type: 'group',
    name,
    aliases,
    description: '',
    attributes: acronym ? { acronym } : {},
  }) as Entity

const note = (id: string, title: string, body: string): Note => ({ ...stamp, id, title, body })

describe('searchEntities', () => {
  const entities = [
    entity('nff', 'National Freedom Front', ['جبهه آزادی'], 'NFF'),
    entity('nrf', 'National Resistance Front', ['NRF']),
    entity('panjshir', 'Panjshīr'),
    entity('uprising', 'Freedom Uprising'),
  ]

  it('finds names, acronyms and aliases, folding case and accents', () => {
    expect(searchEntities(entities, 'nff', 8).map((h) => h.entityId)).toEqual(['nff'])
    expect(searchEntities(entities, 'nff', 8)[0]?.matched).toBe('NFF')
    expect(searchEntities(entities, 'panjshir', 8).map((h) => h.entityId)).toEqual(['panjshir'])
    expect(searchEntities(entities, 'آزادی', 8).map((h) => h.entityId)).toEqual(['nff'])
  })

  it('ranks names that start with the query first, and keeps to the limit', () => {
    expect(searchEntities(entities, 'freedom', 8).map((h) => h.entityId)).toEqual([
      'uprising',
      'nff',
    ])
    expect(searchEntities(entities, 'front', 1)).toHaveLength(1)
    // A whole acronym beats a name that merely starts with it.
    const withClaim = [...entities, entity('claim', 'NFF claims 70% of former soldiers')]
    expect(searchEntities(withClaim, 'nff', 8).map((h) => h.entityId)).toEqual(['nff', 'claim'])
    expect(searchEntities(entities, '   ', 8)).toEqual([])
  })
})

describe('searchNotes', () => {
  const notes = [
    note('a', 'Weighing the NFF claim', 'The front says it holds 70% of former soldiers.'),
    note('b', 'Landscape', 'Many fronts; the NFF is one of them, active in Takhar.'),
    note('c', 'Unrelated', 'Nothing here.'),
    note('d', 'Leaders', 'Led by [Zia](entity:grp-nff-leader), says [the brief](quote:ann-1).'),
  ]

  it('finds every word in the title or text, title matches first, with a snippet', () => {
    const hits = searchNotes(notes, 'nff', 8)
    expect(hits.map((h) => h.noteId)).toEqual(['a', 'b'])
    expect(hits[1]?.snippet.match).toBe('NFF')
    expect(searchNotes(notes, 'nff takhar', 8).map((h) => h.noteId)).toEqual(['b'])
    expect(searchNotes(notes, 'zebak', 8)).toEqual([])
    // Link targets are not the note's words; the snippet shows the words, not the Markdown.
    const leaders = searchNotes(notes, 'brief', 8)
    expect(leaders.map((h) => h.noteId)).toEqual(['d'])
    expect(leaders[0]?.snippet.before).toBe('Led by Zia, says the ')
  })
})

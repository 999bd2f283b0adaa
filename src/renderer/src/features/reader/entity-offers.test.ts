import { describe, expect, it } from 'vitest'
import type { Entity } from '../../../../shared/model'
import { initialsOf, MAX_OFFERS, offeredEntities, paragraphAround } from './entity-offers'

function entity(id: string, name: string, more: Partial<Entity> = {}): Entity {
  return {
    id,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    type: 'group',
    name,
    aliases: [],
    description: '',
    attributes: {},
    ...more,
  } as Entity
}

const NFF = entity('grp-nff', 'National Freedom Front')
const NRF = entity('grp-nrf', 'National Resistance Front', { aliases: ['Jabha-e Muqawemat'] })
const TAKHAR = entity('plc-takhar', 'Takhar', { type: 'place', aliases: ['تخار'] })
const MASOUD = entity('per-masoud', 'Ahmad Masoud', { type: 'person' })
const ISK = entity('grp-isk', 'Islamic State Khorasan Province', {
  aliases: ['IS-K'],
  attributes: { acronym: 'ISKP' },
})

const offers = (text: string, selected: string, entities: Entity[]) => {
  const start = text.indexOf(selected)
  return offeredEntities(text, { start, end: start + selected.length }, entities).map((o) => [
    o.entity.id,
    o.named,
    o.inSelection,
  ])
}

describe('offeredEntities', () => {
  it('offers what the selection names first, then the rest of its paragraph in reading order', () => {
    const text =
      'Intro line about Takhar.\nAhmad Masoud spoke. The NFF claimed the attack in تخار. It is new.\nNational Resistance Front, next paragraph.'
    expect(offers(text, 'The NFF claimed the attack in تخار.', [NFF, NRF, TAKHAR, MASOUD])).toEqual(
      [
        ['grp-nff', 'NFF', true],
        ['plc-takhar', 'تخار', true],
        ['per-masoud', 'Ahmad Masoud', false],
      ],
    )
  })

  it('matches names folded (case, accents, Arabic-script variants) and only as whole words', () => {
    const text = 'Fighters of the national resistance front and of Takharistan; in تخار too.'
    const found = offers(text, text, [NRF, TAKHAR])
    expect(found).toEqual([
      ['grp-nrf', 'national resistance front', true],
      ['plc-takhar', 'تخار', true],
    ])
    // Arabic yeh and kaf fold to their Persian forms.
    const persian = entity('plc-kabul', 'کابل', { type: 'place' })
    expect(offers('Reported in كابل today.', 'Reported in كابل today.', [persian])).toEqual([
      ['plc-kabul', 'كابل', true],
    ])
  })

  it('matches acronyms (stored, derived from the name, or aliases) only in capitals', () => {
    const text = 'ISKP and IS-K are one; this is not them, nor is nff.'
    expect(offers(text, text, [ISK, NFF])).toEqual([['grp-isk', 'ISKP', true]])
    expect(offers('The NFF said so.', 'said', [NFF])).toEqual([['grp-nff', 'NFF', false]])
  })

  it('offers each entity once and at most nine', () => {
    const many = Array.from({ length: 12 }, (_, i) => entity(`grp-${i}`, `Group Number${i}x`))
    const text = many.map((e) => `${e.name} and ${e.name}`).join('; ')
    const found = offeredEntities(text, { start: 0, end: text.length }, many)
    expect(found).toHaveLength(MAX_OFFERS)
    expect(new Set(found.map((o) => o.entity.id)).size).toBe(MAX_OFFERS)
  })
})

describe('helpers', () => {
  it('derives initials from capitalised names, skipping small words', () => {
    expect(initialsOf('National Freedom Front')).toBe('NFF')
    expect(initialsOf('Islamic State of Iraq')).toBe('ISI')
    expect(initialsOf('Takhar')).toBeNull()
    expect(initialsOf('the valley road')).toBeNull()
  })

  it('finds the paragraph between line breaks', () => {
    const text = 'one\ntwo three\nfour'
    expect(paragraphAround(text, 4, 7)).toEqual({ start: 4, end: 13 })
    expect(paragraphAround(text, 0, 2)).toEqual({ start: 0, end: 3 })
    expect(paragraphAround(text, 15, 18)).toEqual({ start: 14, end: 18 })
  })
})

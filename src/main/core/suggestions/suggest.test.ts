import { describe, expect, it } from 'vitest'
import type { Suggestion } from '../../../shared/contract'
import { measureQuality } from './fixtures/quality'
import { suggest } from './suggest'

function relations(suggestions: readonly Suggestion[]): string[] {
  return suggestions.flatMap((s) =>
    s.kind === 'relation'
      ? [`${s.relation.from.name} ${s.relation.type} ${s.relation.to.name}`]
      : [],
  )
}

describe('suggest', () => {
  it('meets the issue’s quality thresholds on the fixture articles (empty project)', () => {
    const q = measureQuality()
    const report = `misses:\n${q.misses.join('\n')}\nextras:\n${q.extras.join('\n')}`
    expect(q.entityRecall, report).toBeGreaterThanOrEqual(0.9)
    expect(q.entityPrecision, report).toBeGreaterThanOrEqual(0.8)
    expect(q.relationRecall, report).toBeGreaterThanOrEqual(0.75)
    expect(q.relationPrecision, report).toBeGreaterThanOrEqual(0.8)
  })

  it('reads "X (ACRONYM), led by Y … operating in A, B and C" into records and relations', () => {
    const text =
      'The National Resistance Front (NRF), led by Ahmad Masoud, is active in Panjshir, Andarab and Kapisa.'
    const { suggestions } = suggest({ text, entities: [], affiliations: [] })
    expect(relations(suggestions)).toEqual([
      'Ahmad Masoud leads National Resistance Front',
      'National Resistance Front operates-in Panjshir',
      'National Resistance Front operates-in Andarab',
      'National Resistance Front operates-in Kapisa',
    ])
    const nrf = suggestions.find(
      (s) => s.kind === 'entity' && s.entity.name === 'National Resistance Front',
    )
    expect(nrf?.kind === 'entity' && nrf.entity.status === 'new' && nrf.entity.aliases).toEqual([
      'NRF',
    ])
    // Offsets are the original text's: the highlight reads the acronym as written.
    const highlighted = suggestions[0]!.highlights.map((h) => text.slice(h.start, h.end))
    expect(highlighted).toEqual(['NRF', 'led by', 'Ahmad Masoud'])
  })

  it('finds entities the project holds by any alias, in either script, whatever the case', () => {
    const text = 'Fighting was reported in پنجشیر. Later the nrf said its men held PANJSHĒR.'
    const { suggestions } = suggest({
      text,
      entities: [
        { id: 'grp-nrf', type: 'group', name: 'National Resistance Front', aliases: ['NRF'] },
        { id: 'plc-panjshir', type: 'place', name: 'Panjshir', aliases: [] },
      ],
      affiliations: [],
    })
    const mentions = suggestions.flatMap((s) =>
      s.kind === 'entity' && s.entity.status === 'existing'
        ? [`${s.entity.entityId}:${s.highlights.map((h) => text.slice(h.start, h.end)).join()}`]
        : [],
    )
    expect(mentions).toEqual(['plc-panjshir:پنجشیر', 'grp-nrf:nrf', 'plc-panjshir:PANJSHĒR'])
  })

  it('finds entities the project holds under other Latin spellings of their names', () => {
    const text = 'Ahmad Masood spoke in Bamiyan. Later Dostom arrived from Hilmand.'
    const { suggestions } = suggest({
      text,
      entities: [
        { id: 'per-massoud', type: 'person', name: 'Ahmad Massoud', aliases: [] },
        { id: 'per-dostum', type: 'person', name: 'Abdul Rashid Dostum', aliases: ['Dostum'] },
        { id: 'plc-bamyan', type: 'place', name: 'Bamyan', aliases: [] },
        { id: 'plc-helmand', type: 'place', name: 'Helmand', aliases: [] },
      ],
      affiliations: [],
    })
    const mentions = suggestions.flatMap((s) =>
      s.kind === 'entity' && s.entity.status === 'existing'
        ? [`${s.entity.entityId}:${s.highlights.map((h) => text.slice(h.start, h.end)).join()}`]
        : [],
    )
    expect(mentions).toEqual([
      'per-massoud:Ahmad Masood',
      'plc-bamyan:Bamiyan',
      'per-dostum:Dostom',
      'plc-helmand:Hilmand',
    ])
  })

  it('matches names on word boundaries only', () => {
    const { suggestions } = suggest({
      text: 'The Panjshiri diaspora met in Kabulistan.',
      entities: [{ id: 'plc-panjshir', type: 'place', name: 'Panjshir', aliases: [] }],
      affiliations: [],
    })
    expect(suggestions.some((s) => s.kind === 'entity' && s.entity.name === 'Panjshir')).toBe(false)
  })

  it('takes a "since" date as validFrom and lists dates with their precision', () => {
    const text = 'The Wolf Unit has been active in Baghlan since 2022. It struck on June 14, 2025.'
    const { suggestions, dates } = suggest({ text, entities: [], affiliations: [] })
    const operates = suggestions.find((s) => s.kind === 'relation')
    expect(operates?.kind === 'relation' && operates.relation.validFrom).toBe('2022-01-01')
    expect(dates.map((d) => [d.text, d.date, d.precision, d.bound])).toEqual([
      ['2022', '2022-01-01', 'year', 'since'],
      ['June 14, 2025', '2025-06-14', 'day', 'at'],
    ])
  })

  it('gives a suggestion the same key when the text around its sentence changes', () => {
    const sentence = 'The Wolf Unit is led by Karim Haidari.'
    const keys = (text: string) =>
      suggest({ text, entities: [], affiliations: [] }).suggestions.map((s) => s.key)
    const before = keys(sentence)
    const after = keys(`A new first paragraph.\n\n${sentence}`)
    expect(after).toEqual(expect.arrayContaining(before))
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'
import { tagSupportsAttribute } from './evidence'

let s: SampleSession
beforeEach(async () => {
  s = await openSample()
})
afterEach(() => s.close())

describe('evidence of an entity', () => {
  it('gives attributes, relations and quotes, each marked supported or not', async () => {
    const nrf = await s.value('evidence.entity', { id: 'grp-nrf' })
    expect(nrf.entity.name).toBe('National Resistance Front')
    const attribute = (key: string) => nrf.attributes.find((a) => a.key === key)!
    expect(attribute('phase')).toEqual({
      key: 'phase',
      value: 'guerrilla-warfare',
      annotationIds: ['ann-nrf-guerrilla'],
    })
    expect(attribute('status').annotationIds).toEqual([])

    const leads = nrf.relations.find((r) => r.relation.type === 'leads')!
    expect(leads.from).toEqual({ id: 'per-ahmad-masoud', name: 'Ahmad Masoud', type: 'person' })
    expect(leads.quotes).toHaveLength(1)
    expect(leads.quotes[0]).toMatchObject({
      annotationId: 'ann-nrf-leader',
      sourceId: 'src-brief',
      sourceTitle: 'Armed opposition to the Taliban since 2021 — analyst brief',
      sourcePublishedAt: '2025-05-20',
      reliability: 'B',
      credibility: 2,
    })
    expect(leads.quotes[0]!.exact.length).toBeGreaterThan(10)
    expect(leads.quotes[0]!.prefix.length).toBeGreaterThan(0)

    expect(nrf.quotes.map((q) => q.annotationId).sort()).toEqual([
      'ann-nrf-guerrilla',
      'ann-nrf-leader',
      'ann-nrf-panjshir',
    ])
    const grades = nrf.quotes.map((q) => q.credibility)
    expect(grades).toEqual([...grades].sort((a, b) => a - b))
  })

  it('shows a new relation without quotes as unsupported', async () => {
    const r = await s.value('relations.create', {
      type: 'rival-of',
      from: 'grp-nrf',
      to: 'grp-ftt',
    })
    const nrf = await s.value('evidence.entity', { id: 'grp-nrf' })
    expect(nrf.relations.find((x) => x.relation.id === r.id)!.quotes).toEqual([])
    const one = await s.value('evidence.relation', { id: r.id })
    expect(one.to.name).toBe('Free Tigers of Turkistan')
    expect(one.quotes).toEqual([])
    expect((await s.error('evidence.relation', { id: 'nope' })).code).toBe('not_found')
    expect((await s.error('evidence.entity', { id: 'nope' })).code).toBe('not_found')
  })
})

describe('attribute tags', () => {
  it('matches the attribute name in any spelling, and known synonyms', () => {
    expect(tagSupportsAttribute('phase', 'phase')).toBe(true)
    expect(tagSupportsAttribute('Estimated-Strength', 'estimatedStrength')).toBe(true)
    expect(tagSupportsAttribute('strength', 'estimatedStrength')).toBe(true)
    expect(tagSupportsAttribute('attr:status', 'status')).toBe(true)
    expect(tagSupportsAttribute('phases', 'phase')).toBe(false)
    expect(tagSupportsAttribute('strength', 'phase')).toBe(false)
  })

  it('reads a quote tagged "date" as speaking to every part of an event’s date', () => {
    for (const key of ['eventDate', 'eventEnd', 'datePrecision', 'dateText', 'ongoing']) {
      expect(tagSupportsAttribute('date', key), key).toBe(true)
    }
    expect(tagSupportsAttribute('date', 'eventKind')).toBe(false)
    expect(tagSupportsAttribute('date', 'firstSeen')).toBe(false)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'

let sample: SampleSession

beforeEach(async () => {
  sample = await openSample()
})
afterEach(async () => {
  await sample.close()
})

function newEvent(name: string, attributes: Record<string, unknown>) {
  return sample.value('entities.create', { type: 'event', name, attributes })
}

describe('timeline', () => {
  it('offers groups and people as lanes, most quoted first', async () => {
    const lanes = await sample.value('timeline.lanes', {})
    expect(lanes.every((l) => l.type === 'group' || l.type === 'person')).toBe(true)
    const counts = lanes.map((l) => l.quoteCount)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(lanes.map((l) => l.id)).toContain('grp-nrf')
  })

  it('puts an event on each participant lane, graded by its quotes, unsupported without one', async () => {
    const event = await newEvent('Checkpoint raid', {
      eventKind: 'attack',
      eventDate: '2022-06-01',
      datePrecision: 'month',
    })
    for (const group of ['grp-nrf', 'grp-nff']) {
      await sample.value('relations.create', {
        type: 'participated-in',
        from: group,
        to: event.id,
      })
    }
    let data = await sample.value('timeline.items', { laneIds: ['grp-nrf', 'grp-nff'] })
    const items = data.items.filter((i) => i.recordId === event.id)
    expect(items.map((i) => i.laneId).sort()).toEqual(['grp-nff', 'grp-nrf'])
    expect(items.every((i) => !i.supported && i.grade === undefined)).toBe(true)
    expect(items[0]).toMatchObject({ kind: 'event', eventKind: 'attack', precision: 'month' })

    await sample.value('annotations.update', {
      id: 'ann-nrf-guerrilla',
      patch: { entityIds: ['grp-nrf', event.id] },
    })
    data = await sample.value('timeline.items', { laneIds: ['grp-nrf'] })
    const graded = data.items.find((i) => i.recordId === event.id)
    expect(graded).toMatchObject({ supported: true, grade: 2 })
  })

  it('draws relations with dates as spans, open when they have no end, and counts undated events', async () => {
    await sample.value('relations.update', {
      id: 'rel-nrf-opposes-taliban',
      patch: { validFrom: '2021-08-15' },
    })
    const undated = await newEvent('Founding statement', { eventKind: 'formation' })
    await sample.value('relations.create', {
      type: 'participated-in',
      from: 'grp-nrf',
      to: undated.id,
    })
    const data = await sample.value('timeline.items', { laneIds: ['grp-nrf'] })
    const span = data.items.find((i) => i.recordId === 'rel-nrf-opposes-taliban')
    expect(span).toMatchObject({
      kind: 'relation',
      start: '2021-08-15',
      open: true,
      otherId: 'grp-taliban',
    })
    expect(span?.label).toBe('National Resistance Front opposes Taliban')
    expect(data.undated).toBe(1)
    // Quotes about the lane sit at their source's publication date.
    const quotes = data.items.filter((i) => i.kind === 'quote')
    expect(quotes.length).toBeGreaterThan(0)
    expect(quotes.every((q) => q.start === '2025-05-20')).toBe(true)
    // Items come in date order.
    const starts = data.items.map((i) => i.start)
    expect(starts).toEqual([...starts].sort())
  })

  it('refuses an unknown lane and an event attribute on a group', async () => {
    const unknown = await sample.error('timeline.items', { laneIds: ['grp-nope'] })
    expect(unknown.code).toBe('not_found')
    const before = sample.snapshot()
    await sample.error('entities.update', {
      id: 'grp-nrf',
      patch: { attributes: { eventDate: '2022-01-01' } },
    })
    expect(sample.snapshot()).toBe(before)
  })
})

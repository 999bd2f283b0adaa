import { describe, expect, it } from 'vitest'
import type { TimelineData, TimelineItem } from '../../../../shared/contract'
import { dateMs } from '../../../../shared/timeline'
import { filterReducer, INITIAL_FILTER } from './timeline-filter'
import { filterTimeline, itemsInWindow, prepareTimeline, UNASSIGNED_LANE } from './timeline-model'

const NOW = dateMs('2025-06-01')

function item(
  fields: Partial<TimelineItem> & Pick<TimelineItem, 'key' | 'kind' | 'start'>,
): TimelineItem {
  return { laneId: 'g1', recordId: fields.key, label: fields.key, supported: false, ...fields }
}

const DATA: TimelineData = {
  lanes: [
    { id: 'g1', name: 'First front', type: 'group', quoteCount: 3 },
    { id: 'g2', name: 'Second front', type: 'group', quoteCount: 1 },
  ],
  items: [
    item({
      key: 'alliance-g1',
      kind: 'relation',
      start: '2019-03-01',
      end: '2022-01-31',
      grade: 3,
      supported: true,
    }),
    item({
      key: 'alliance-g2',
      kind: 'relation',
      laneId: 'g2',
      start: '2019-03-01',
      end: '2022-01-31',
      grade: 3,
      supported: true,
    }),
    item({ key: 'seen-g2', kind: 'first-seen', laneId: 'g2', start: '2020-05-01' }),
    item({
      key: 'raid',
      kind: 'event',
      eventKind: 'attack',
      start: '2021-08-01',
      precision: 'month',
      grade: 2,
      supported: true,
    }),
    item({
      key: 'nobody',
      kind: 'event',
      laneId: null,
      eventKind: 'claim',
      start: '2023-01-01',
      open: true,
    }),
    item({ key: 'elsewhere', kind: 'event', laneId: 'g9', start: '2023-02-01' }),
  ],
  undated: 0,
}

const keys = (items: readonly { key: string }[]): string[] => items.map((i) => i.key)

describe('the timeline model', () => {
  it('splits the items by lane, the lane of events with no participant last, and spans them all', () => {
    const prepared = prepareTimeline(DATA, true, NOW)
    expect(prepared.lanes.map((l) => [l.id, l.name, keys(l.placed.map((p) => p.item))])).toEqual([
      ['g1', 'First front', ['alliance-g1', 'raid']],
      ['g2', 'Second front', ['alliance-g2', 'seen-g2']],
      [null, UNASSIGNED_LANE, ['nobody']],
    ])
    // From the alliance's start to now (the open claim runs on), with some room either side.
    const [from, to] = prepared.extent
    expect(from).toBeLessThan(dateMs('2019-03-01'))
    expect(from).toBeGreaterThan(dateMs('2018-01-01'))
    expect(to).toBeGreaterThan(NOW)
    // An item on a lane that was not asked for is left out.
    expect(keys(prepared.items.map((p) => p.item))).not.toContain('elsewhere')
  })

  it('leaves the unassigned lane out when it is not wanted', () => {
    const prepared = prepareTimeline(DATA, false, NOW)
    expect(prepared.lanes.map((l) => l.id)).toEqual(['g1', 'g2'])
  })

  it('filters by evidence and kind, in date order, without moving the extent', () => {
    const prepared = prepareTimeline(DATA, true, NOW)
    const graded = filterTimeline(
      prepared,
      filterReducer(INITIAL_FILTER, { type: 'require-evidence', rule: 2 }),
    )
    expect(keys(graded.shown)).toEqual(['raid'])
    expect(graded.lanes.map((l) => l.placed.length)).toEqual([1, 0, 0])
    expect(graded.extent).toEqual(prepared.extent)

    const noSpans = filterTimeline(
      prepared,
      filterReducer(INITIAL_FILTER, { type: 'show-item-kind', kind: 'relation', shown: false }),
    )
    expect(keys(noSpans.shown)).toEqual(['seen-g2', 'raid', 'nobody'])
  })

  it('hides the lanes of an entity type, never the lane of events with no participant', () => {
    const prepared = prepareTimeline(
      { ...DATA, lanes: [DATA.lanes[0]!, { ...DATA.lanes[1]!, type: 'person' }] },
      true,
      NOW,
    )
    const groupsOnly = filterTimeline(
      prepared,
      filterReducer(INITIAL_FILTER, { type: 'show-lane-type', laneType: 'person', shown: false }),
    )
    expect(groupsOnly.lanes.map((l) => l.id)).toEqual(['g1', null])
    expect(keys(groupsOnly.shown)).toEqual(['alliance-g1', 'raid', 'nobody'])
  })

  it('lists the items that overlap the window on screen, spans and partial dates included', () => {
    const model = filterTimeline(prepareTimeline(DATA, true, NOW), INITIAL_FILTER)
    // August 2021, known to the month, overlaps a window starting mid-month.
    expect(keys(itemsInWindow(model, dateMs('2021-08-15'), dateMs('2021-09-30')))).toEqual([
      'alliance-g1',
      'alliance-g2',
      'raid',
    ])
    // The open claim runs to now.
    expect(keys(itemsInWindow(model, dateMs('2024-01-01'), dateMs('2024-02-01')))).toEqual([
      'nobody',
    ])
  })
})

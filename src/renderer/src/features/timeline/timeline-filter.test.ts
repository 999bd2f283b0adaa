import { describe, expect, it } from 'vitest'
import type { TimelineItem } from '../../../../shared/contract'
import { filterReducer, INITIAL_FILTER, itemPasses } from './timeline-filter'

const item = (over: Partial<TimelineItem>): TimelineItem => ({
  key: 'k',
  kind: 'event',
  laneId: 'grp',
  recordId: 'evt',
  label: 'Raid',
  start: '2022-01-01',
  supported: false,
  ...over,
})

describe('the timeline filter', () => {
  it('hides quotes until asked, and kinds of event one by one', () => {
    expect(itemPasses(item({ kind: 'quote', supported: true, grade: 2 }), INITIAL_FILTER)).toBe(
      false,
    )
    const withQuotes = filterReducer(INITIAL_FILTER, {
      type: 'show-item-kind',
      kind: 'quote',
      shown: true,
    })
    expect(itemPasses(item({ kind: 'quote', supported: true, grade: 2 }), withQuotes)).toBe(true)
    const noAttacks = filterReducer(INITIAL_FILTER, {
      type: 'show-event-kind',
      kind: 'attack',
      shown: false,
    })
    expect(itemPasses(item({ eventKind: 'attack' }), noAttacks)).toBe(false)
    expect(itemPasses(item({ eventKind: 'claim' }), noAttacks)).toBe(true)
    // An event of no stated kind counts as "other".
    const noOther = filterReducer(INITIAL_FILTER, {
      type: 'show-event-kind',
      kind: 'other',
      shown: false,
    })
    expect(itemPasses(item({}), noOther)).toBe(false)
  })

  it('asks evidence of a grade: unsupported items and worse grades go', () => {
    const graded3 = filterReducer(INITIAL_FILTER, { type: 'require-evidence', rule: 3 })
    expect(itemPasses(item({ supported: false }), graded3)).toBe(false)
    expect(itemPasses(item({ supported: true, grade: 4 }), graded3)).toBe(false)
    expect(itemPasses(item({ supported: true, grade: 2 }), graded3)).toBe(true)
    const supported = filterReducer(INITIAL_FILTER, { type: 'require-evidence', rule: 'supported' })
    expect(itemPasses(item({ supported: true, grade: 6 }), supported)).toBe(true)
    expect(itemPasses(item({ supported: false }), supported)).toBe(false)
  })
})

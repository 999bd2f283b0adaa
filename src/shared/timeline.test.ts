import { describe, expect, it } from 'vitest'
import type { TimelineItem } from './api/timeline'
import { dateLabel, dateMs, defaultLaneIds, formatDate, itemTimes } from './timeline'
import { layoutLane, placeItems } from './timeline-layout'
import { drawTimelineSvg } from './timeline-svg'

const DAY = 86_400_000
const NOW = dateMs('2025-06-01')

function item(key: string, start: string, fields: Partial<TimelineItem> = {}): TimelineItem {
  return {
    key,
    kind: 'event',
    laneId: 'g',
    recordId: key,
    label: key,
    start,
    supported: true,
    ...fields,
  }
}

describe('timeline dates', () => {
  it('spreads a partial date over its month or year, and runs an open span to now', () => {
    expect(itemTimes({ start: '2021-08-01', precision: 'month' }, NOW)).toEqual({
      start: dateMs('2021-08-01'),
      end: dateMs('2021-08-31'),
      span: false,
    })
    expect(itemTimes({ start: '2021-01-01', precision: 'year' }, NOW).end).toBe(
      dateMs('2021-12-31'),
    )
    expect(itemTimes({ start: '2021-03-04' }, NOW)).toEqual({
      start: dateMs('2021-03-04'),
      end: dateMs('2021-03-04'),
      span: false,
    })
    expect(itemTimes({ start: '2021-01-01', open: true }, NOW)).toEqual({
      start: dateMs('2021-01-01'),
      end: NOW,
      span: true,
    })
    // An end before the start is read as a single day, never a negative span.
    expect(itemTimes({ start: '2022-01-01', end: '2021-01-01' }, NOW).end).toBe(
      dateMs('2022-01-01'),
    )
  })

  it('reads as much of a date as is known, with the source’s own words', () => {
    expect(formatDate('2021-08-15')).toBe('15 Aug 2021')
    expect(formatDate('2021-08-01', 'month')).toBe('Aug 2021')
    expect(formatDate('2021-01-01', 'year')).toBe('2021')
    expect(formatDate('2021-01-01', 'approximate')).toBe('c. 2021')
    expect(
      dateLabel({
        start: '2021-08-01',
        precision: 'approximate',
        open: true,
        dateText: 'since 2021',
      }),
    ).toBe('since c. 2021 (“since 2021”)')
    expect(dateLabel({ start: '1990-01-01', end: '1999-12-31', precision: 'year' })).toBe(
      '1990 – 1999',
    )
  })

  it('offers the most quoted groups as the first lanes, people only when there is no group', () => {
    const lanes = [
      { id: 'p', type: 'person' },
      { id: 'g1', type: 'group' },
      { id: 'g2', type: 'group' },
    ]
    expect(defaultLaneIds(lanes, 1)).toEqual(['g1'])
    expect(defaultLaneIds([{ id: 'p', type: 'person' }], 3)).toEqual(['p'])
  })
})

describe('the lane layout', () => {
  const x = (ms: number): number => (ms - dateMs('2021-01-01')) / DAY // one pixel a day

  it('clusters points that crowd, keeps apart those that do not', () => {
    const placed = placeItems(
      [
        item('a', '2021-01-11'),
        item('b', '2021-01-15'),
        item('c', '2021-01-22'),
        item('d', '2021-03-01'),
      ],
      NOW,
    )
    const { points } = layoutLane(placed, x, 0, 1_000, 10)
    expect(points.map((p) => p.items.map((i) => i.item.key))).toEqual([['a', 'b'], ['c'], ['d']])
    expect(points[0]).toMatchObject({ x0: 10, x1: 14, x: 12 })
  })

  it('packs overlapping spans into rows and counts those that find none', () => {
    const spans = ['s1', 's2', 's3', 's4'].map((key) =>
      item(key, '2021-01-11', { kind: 'relation', end: '2021-06-01' }),
    )
    const marks = layoutLane(placeItems(spans, NOW), x, 0, 1_000)
    expect(marks.spans.map((s) => s.row)).toEqual([0, 1, 2, 2])
    expect(marks.crowdedSpans).toBe(1)
  })

  it('leaves out what lies beyond the view', () => {
    const placed = placeItems(
      [item('before', '2020-06-01'), item('in', '2021-02-01'), item('after', '2023-01-01')],
      NOW,
    )
    const marks = layoutLane(placed, x, 0, 100)
    expect(marks.points.flatMap((p) => p.items.map((i) => i.item.key))).toEqual(['in'])
  })
})

describe('the timeline as SVG', () => {
  it('escapes every name and label, and draws unsupported items dashed', () => {
    const { svg } = drawTimelineSvg({
      title: 'T <script>',
      lanes: [{ id: 'g', name: '<img src=x onerror=alert(1)>' }],
      items: [item('e', '2022-03-01', { label: '"><script>alert(1)</script>', supported: false })],
      from: '2022-01-01',
      to: '2022-12-31',
      width: 800,
      now: NOW,
    })
    expect(svg).not.toContain('<script')
    expect(svg).not.toContain('<img')
    expect(svg).toContain('&lt;img src=x onerror=alert(')
    expect(svg).toContain('&quot;&gt;&lt;script&gt;')
    expect(svg).toContain('stroke-dasharray="3 2"')
  })
})

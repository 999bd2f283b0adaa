import { describe, expect, it } from 'vitest'
import type { MapData } from '../api/map'
import {
  countClasses,
  countColor,
  isUnsupported,
  mapView,
  provinceFill,
  stripePatterns,
  ZERO_FILL,
  type MapFilter,
} from './map-layers'

/** Two groups: A in Panjshir (2021–2022) and at a point in Baghlan; B in Panjshir, unsupported. */
const DATA: MapData = {
  places: [
    { id: 'pan', name: 'Panjshir', province: 'AF-PAN', point: null },
    { id: 'and', name: 'Andarab', province: 'AF-BGL', point: { lat: 35.63, lon: 69.27 } },
    { id: 'kab', name: 'Kabul', province: 'AF-KAB', point: null },
    { id: 'nowhere', name: 'Somewhere', province: null, point: null },
  ],
  groups: [
    { id: 'a', name: 'Front A' },
    { id: 'b', name: 'Front B' },
  ],
  relations: [
    {
      id: 'r1',
      groupId: 'a',
      placeId: 'pan',
      validFrom: '2021-08-15',
      validTo: '2022-12-31',
      evidence: ['q1'],
    },
    { id: 'r2', groupId: 'a', placeId: 'and', evidence: ['q1'] },
    { id: 'r3', groupId: 'b', placeId: 'pan', validFrom: '2023-01-01', evidence: [] },
    { id: 'r4', groupId: 'b', placeId: 'nowhere', evidence: [] },
  ],
  quotes: [
    { id: 'q1', kind: 'fact', date: '2022-03-01', placeIds: ['pan', 'and'] },
    { id: 'q2', kind: 'claim', date: '2024-01-01', placeIds: ['pan'] },
    { id: 'q3', kind: 'claim', placeIds: ['kab', 'pan'] },
  ],
}

const view = (filter: Partial<MapFilter>) =>
  mapView(DATA, { layer: 'groups', groupIds: [], range: null, ...filter })

describe('the map layers', () => {
  it('counts groups, quotes and claims per province, each quote once per province', () => {
    expect(view({}).byIso.get('AF-PAN')?.value).toBe(2)
    expect(view({}).byIso.get('AF-BGL')?.value).toBe(1)
    expect(view({ layer: 'quotes' }).byIso.get('AF-PAN')?.value).toBe(3)
    expect(view({ layer: 'claims' }).byIso.get('AF-PAN')?.value).toBe(2)
    expect(view({ layer: 'claims' }).byIso.get('AF-KAB')?.value).toBe(1)
    expect(view({}).byIso.get('AF-HER')?.value).toBe(0)
  })

  it('keeps only the relations valid in the period, and quotes whose source falls in it', () => {
    const in2022 = view({ range: { from: '2022-01-01', to: '2022-12-31' } })
    expect(in2022.byIso.get('AF-PAN')?.groups.map((g) => g.groupId)).toEqual(['a'])
    expect(in2022.relations.map((r) => r.id)).toEqual(['r1', 'r2'])
    // An undated quote cannot be placed in time: it stays.
    expect(
      view({ layer: 'quotes', range: { from: '2023-06-01', to: null } }).byIso.get('AF-PAN')
        ?.quoteIds,
    ).toEqual(['q2', 'q3'])
    const after = view({ range: { from: '2023-06-01', to: null } })
    expect(after.byIso.get('AF-PAN')?.groups.map((g) => g.groupId)).toEqual(['b'])
  })

  it('on "areas", lights the chosen groups only: shapes for provinces, points for points', () => {
    const areas = view({ layer: 'areas', groupIds: ['a'] })
    expect(areas.byIso.get('AF-PAN')?.areaGroups.map((g) => g.groupId)).toEqual(['a'])
    expect(areas.byIso.get('AF-BGL')?.areaGroups).toEqual([])
    expect(areas.byIso.get('AF-BGL')?.groups.map((g) => g.groupId)).toEqual(['a'])
    expect(areas.points.map((p) => [p.place.id, p.groups.map((g) => g.groupId)])).toEqual([
      ['and', ['a']],
    ])
    expect(areas.relations.map((r) => r.id)).toEqual(['r1', 'r2'])
  })

  it('compares groups by colour, with stripes where two share a province', () => {
    const areas = view({ layer: 'areas', groupIds: ['a', 'b'] })
    const panjshir = areas.byIso.get('AF-PAN')!
    const fill = provinceFill(areas, panjshir)
    expect(fill).toMatchObject({
      kind: 'stripes',
      colors: [areas.groupColors.get('a'), areas.groupColors.get('b')],
    })
    expect(stripePatterns(areas)).toHaveLength(1)
    expect(provinceFill(areas, areas.byIso.get('AF-HER')!)).toEqual({
      kind: 'color',
      color: ZERO_FILL,
    })
    expect(areas.legend.map((l) => l.label)).toEqual([
      'Front A',
      'Front B',
      'Dashed: no quote supports the relation',
    ])
  })

  it('marks a presence unsupported only when none of its relations cites a quote', () => {
    const areas = view({ layer: 'areas', groupIds: ['b'] })
    expect(isUnsupported(areas.byIso.get('AF-PAN')!.areaGroups)).toBe(true)
    expect(
      isUnsupported(view({ layer: 'areas', groupIds: ['a', 'b'] }).byIso.get('AF-PAN')!.groups),
    ).toBe(false)
    expect(isUnsupported([])).toBe(false)
  })

  it('lists the places it cannot draw, with why', () => {
    expect(view({}).unlocated).toEqual([
      { place: DATA.places[3], reason: 'no gazetteer link, ISO code or coordinates' },
    ])
  })
})

describe('count classes', () => {
  it('gives one class per count up to five, then five classes that cover every count once', () => {
    expect(countClasses(0)).toEqual([])
    expect(countClasses(3).map((c) => [c.from, c.to])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ])
    const classes = countClasses(23)
    expect(classes).toHaveLength(5)
    expect(classes[0]!.from).toBe(1)
    expect(classes[4]!.to).toBe(23)
    for (let i = 1; i < classes.length; i++) expect(classes[i]!.from).toBe(classes[i - 1]!.to + 1)
    expect(countColor(0, classes)).toBe(ZERO_FILL)
    expect(countColor(23, classes)).toBe(classes[4]!.color)
    expect(new Set(classes.map((c) => c.color)).size).toBe(5)
  })

  it('reads "1 group", "2–3 groups" in the legend', () => {
    const legend = mapView(
      {
        ...DATA,
        relations: Array.from({ length: 7 }, (_, i) => ({
          id: `x${i}`,
          groupId: `g${i}`,
          placeId: 'kab',
          evidence: [],
        })),
      },
      { layer: 'groups', groupIds: [], range: null },
    ).legend.map((l) => l.label)
    expect(legend[0]).toBe('No groups')
    expect(legend).toContain('1 group')
    expect(legend).toContain('6–7 groups')
  })
})

import { describe, expect, it } from 'vitest'
import type { MapData } from '../../../../shared/contract'
import { mapView } from '../../../../shared/geo/map-layers'
import { pointSummary, provinceSummary, provinceTitle } from './map-text'

const DATA: MapData = {
  places: [
    { id: 'pan', name: 'Panjshir', province: 'AF-PAN', point: null },
    { id: 'and', name: 'Andarab', province: 'AF-BGL', point: { lat: 35.63, lon: 69.27 } },
  ],
  groups: [
    { id: 'a', name: 'Front A' },
    { id: 'b', name: 'Front B' },
  ],
  relations: [
    { id: 'r1', groupId: 'a', placeId: 'pan', evidence: ['q'] },
    { id: 'r2', groupId: 'b', placeId: 'pan', evidence: [] },
    { id: 'r3', groupId: 'b', placeId: 'and', evidence: [] },
  ],
  quotes: [{ id: 'q', kind: 'claim', placeIds: ['pan'] }],
}
const names = new Map(DATA.groups.map((g) => [g.id, g.name]))

describe('the map in words', () => {
  it('says what a province carries on each layer', () => {
    const say = (layer: 'groups' | 'quotes' | 'claims' | 'areas', groupIds: string[] = []) => {
      const view = mapView(DATA, { layer, groupIds, range: null })
      return (iso: string) => provinceSummary(view, view.byIso.get(iso)!, names)
    }
    expect(provinceTitle('AF-PAN')).toBe('Panjshir (پنجشیر)')
    expect(say('groups')('AF-PAN')).toBe('2 groups: Front A, Front B')
    expect(say('groups')('AF-HER')).toBe('no groups')
    expect(say('quotes')('AF-PAN')).toBe('1 quote')
    expect(say('claims')('AF-KAB')).toBe('0 claims')
    expect(say('areas', ['a'])('AF-PAN')).toBe('Front A operates here')
    expect(say('areas', ['a', 'b'])('AF-PAN')).toBe('Front A, Front B operate here')
    expect(say('areas', ['b'])('AF-BGL')).toBe(
      'Front B operates at a place here (no quote supports it)',
    )
    expect(say('areas', ['a'])('AF-BGL')).toBe('none of the chosen groups')
  })

  it('names a point with its province and its groups', () => {
    const view = mapView(DATA, { layer: 'areas', groupIds: ['b'], range: null })
    expect(pointSummary(view.points[0]!, names)).toBe(
      'Andarab, a place in Baghlan: Front B operates here (no quote supports it)',
    )
  })
})

import { describe, expect, it } from 'vitest'
import type { MapData } from '../../../../shared/contract'
import { mapGeometry } from '../../../../shared/geo/map-geometry'
import { mapView } from '../../../../shared/geo/map-layers'
import { markedBox } from './framing'

const DATA: MapData = {
  places: [
    { id: 'pan', name: 'Panjshir', province: 'AF-PAN', point: null },
    { id: 'and', name: 'Andarab', province: 'AF-BGL', point: { lat: 35.63, lon: 69.27 } },
    { id: 'her', name: 'Herat', province: 'AF-HER', point: null },
  ],
  groups: [{ id: 'a', name: 'A' }],
  relations: [
    { id: 'r1', groupId: 'a', placeId: 'pan', evidence: [] },
    { id: 'r2', groupId: 'a', placeId: 'and', evidence: [] },
  ],
  quotes: [],
}

describe('framing what the map marks', () => {
  it('boxes the chosen group’s provinces and points, and nothing else', () => {
    const geometry = mapGeometry()
    const box = markedBox(mapView(DATA, { layer: 'areas', groupIds: ['a'], range: null }), geometry)
    const panjshir = geometry.provinces.find((p) => p.iso === 'AF-PAN')!.bounds
    const andarab = geometry.project({ lat: 35.63, lon: 69.27 })!
    expect(box).not.toBeNull()
    expect(box![0][0]).toBeCloseTo(Math.min(panjshir[0][0], andarab[0]))
    expect(box![1][1]).toBeCloseTo(Math.max(panjshir[1][1], andarab[1]))
    // Herat, far to the west, is not in it.
    const herat = geometry.provinces.find((p) => p.iso === 'AF-HER')!.bounds
    expect(box![0][0]).toBeGreaterThan(herat[1][0])
  })

  it('is null when the layer marks nothing', () => {
    expect(
      markedBox(mapView(DATA, { layer: 'areas', groupIds: [], range: null }), mapGeometry()),
    ).toBeNull()
  })
})

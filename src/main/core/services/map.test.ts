import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mapView } from '../../../shared/geo/map-layers'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'

let session: SampleSession

beforeEach(async () => {
  session = await openSample()
})
afterEach(() => session.close())

describe('map.data on the sample project', () => {
  it('places every sample place from its gazetteer link: provinces as shapes, Andarab as a point', async () => {
    const data = await session.value('map.data', {})
    const byName = new Map(data.places.map((p) => [p.name, p]))
    expect(byName.get('Panjshir')).toMatchObject({
      province: 'AF-PAN',
      point: null,
      nameFa: 'پنجشیر',
    })
    expect(byName.get('Andarab')).toMatchObject({
      province: 'AF-BGL',
      point: { lat: 35.63, lon: 69.27 },
      gazetteerId: 'AF-BGL/andarab',
      nameFa: 'اندراب',
    })
    expect(data.places.every((p) => p.province !== null)).toBe(true)
  })

  it('carries the groups’ "operates in" relations with their evidence, and quotes about places', async () => {
    const data = await session.value('map.data', {})
    const nrf = data.relations.filter((r) => r.groupId === 'grp-nrf')
    expect(nrf.map((r) => r.placeId).sort()).toEqual(['plc-andarab', 'plc-kapisa', 'plc-panjshir'])
    expect(nrf.every((r) => r.evidence.includes('ann-nrf-panjshir'))).toBe(true)
    const quote = data.quotes.find((q) => q.id === 'ann-nrf-panjshir')
    expect(quote?.placeIds.sort()).toEqual(['plc-andarab', 'plc-kapisa', 'plc-panjshir'])
    expect(quote?.date).toBe('2025-05-20')
  })

  it('follows an edit: a place located by hand moves to the province its point falls in', async () => {
    const created = await session.value('entities.create', {
      type: 'place',
      name: 'Somewhere near Herat',
      attributes: { latitude: 34.3, longitude: 62.3 },
    })
    const data = await session.value('map.data', {})
    expect(data.places.find((p) => p.id === created.id)).toMatchObject({
      province: 'AF-HER',
      point: { lat: 34.3, lon: 62.3 },
    })
  })

  it('refuses a malformed ISO code or coordinates with a clear message and keeps the place', async () => {
    const before = session.snapshot()
    const badCode = await session.error('entities.update', {
      id: 'plc-kapisa',
      patch: { attributes: { iso3166Code: 'Kapisa' } },
    })
    expect(badCode.message).toMatch(/ISO 3166-2 code/)
    const badLatitude = await session.error('entities.update', {
      id: 'plc-kapisa',
      patch: { attributes: { latitude: 123 } },
    })
    expect(badLatitude.code).toBe('invalid_input')
    expect(session.snapshot()).toBe(before)
  })
})

describe('the map layers on the sample project', () => {
  it('counts groups per province, including a group known only at a point inside it', async () => {
    const data = await session.value('map.data', {})
    const view = mapView(data, { layer: 'groups', groupIds: [], range: null })
    expect(view.byIso.get('AF-PAN')?.value).toBe(1)
    expect(view.byIso.get('AF-BGL')?.value).toBe(1)
    expect(view.byIso.get('AF-BGL')?.areaGroups).toEqual([])
    expect(view.byIso.get('AF-HER')?.value).toBe(0)
    expect(view.max).toBe(1)
  })

  it('lights up one group’s provinces and points, and leaves the others dark', async () => {
    const data = await session.value('map.data', {})
    const view = mapView(data, { layer: 'areas', groupIds: ['grp-nrf'], range: null })
    const lit = view.provinces.filter((p) => p.areaGroups.length > 0).map((p) => p.iso)
    expect(lit.sort()).toEqual(['AF-KAP', 'AF-PAN'])
    const andarab = view.points.find((p) => p.place.name === 'Andarab')
    expect(andarab?.groups.map((g) => g.groupId)).toEqual(['grp-nrf'])
    expect(view.byIso.get('AF-TAK')?.groups).toEqual([])
    expect(view.relations).toHaveLength(3)
  })
})

describe('map.svg', () => {
  it('draws a standalone SVG with the fonts, the legend and the names escaped', async () => {
    await session.value('entities.update', {
      id: 'grp-nrf',
      patch: { name: 'Front <script>alert(1)</script> & co' },
    })
    const { svg, width, height } = await session.value('map.svg', {
      layer: 'areas',
      groupIds: ['grp-nrf'],
      labels: 'both',
    })
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).toContain('@font-face')
    expect(svg).toContain('Front &lt;script&gt;alert(1)&lt;/script&gt; &amp; co')
    expect(svg).not.toContain('<script')
    expect(svg).toContain('پنجشیر')
    expect(svg).toContain('>Andarab<')
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(34)
    expect(width).toBe(1000)
    expect(height).toBeGreaterThan(800)
  })

  it('refuses an unknown layer and too many groups', async () => {
    expect((await session.error('map.svg', { layer: 'heat', groupIds: [] })).code).toBe(
      'invalid_input',
    )
    const many = Array.from({ length: 9 }, (_, i) => `grp-${i}`)
    expect((await session.error('map.svg', { layer: 'areas', groupIds: many })).code).toBe(
      'invalid_input',
    )
  })
})

describe('a report’s map section', () => {
  async function reportWith(section: Record<string, unknown>) {
    const report = await session.value('reports.create', {
      title: 'Where the fronts operate',
      sections: [{ id: 'm1', kind: 'map', ...section }],
    })
    return report.id
  }

  it('prints the map, its legend and a table of provinces with numbered citations', async () => {
    const id = await reportWith({ layer: 'areas', groupIds: ['grp-nrf'] })
    const { html, citations } = await session.value('reports.html', { id })
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="map"')
    expect(html).toContain('National Resistance Front')
    for (const province of ['Panjshir', 'Kapisa', 'Baghlan'])
      expect(html).toContain(`${province} <span`)
    expect(html).toContain('National Resistance Front at Andarab')
    expect(html).toMatch(/<a href="#source-1">\[1\]<\/a>/)
    expect(citations).toBe(1)
    expect(html).toContain('The NRF operates in Panjshir, Andarab and Kapisa.')
    const markdown = (await session.value('reports.markdown', { id })).markdown
    expect(markdown).toContain('| Panjshir پنجشیر | 1 | National Resistance Front [1] |')
    expect(markdown).toContain('data:image/svg+xml;base64,')
  })

  it('leaves out what falls outside the period, and says so', async () => {
    await session.value('relations.update', {
      id: 'rel-nrf-operates-in-kapisa',
      patch: { validFrom: '2023-01-01' },
    })
    const id = await reportWith({
      layer: 'groups',
      groupIds: [],
      from: '2022-01-01',
      to: '2022-12-31',
    })
    const { html } = await session.value('reports.html', { id })
    expect(html).toContain('2022-01-01 – 2022-12-31')
    expect(html).toContain('Panjshir <span')
    expect(html).not.toContain('Kapisa <span')
  })
})

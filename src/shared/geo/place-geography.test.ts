import { describe, expect, it } from 'vitest'
import { Entity } from '../model'
import { gazetteerEntry } from './gazetteer'
import { gazetteerLinkPatch, placeGeography, UNLOCATE_PATCH } from './place-geography'

describe('a place’s geography', () => {
  it('is nowhere until something says where', () => {
    expect(placeGeography({})).toBeNull()
    expect(placeGeography({ placeKind: 'province', country: 'Afghanistan' })).toBeNull()
    expect(placeGeography({ latitude: 35 })).toBeNull()
  })

  it('follows the gazetteer link: a province is its shape, a district its point', () => {
    expect(placeGeography({ gazetteerId: 'AF-PAN' })).toMatchObject({
      province: 'AF-PAN',
      point: null,
      area: true,
    })
    expect(placeGeography({ gazetteerId: 'AF-BGL/andarab' })).toMatchObject({
      province: 'AF-BGL',
      point: { lat: 35.63, lon: 69.27 },
      area: false,
    })
  })

  it('prefers its own coordinates and code, and finds the province of a bare point', () => {
    expect(
      placeGeography({ gazetteerId: 'AF-BGL/andarab', latitude: 35.7, longitude: 69.3 })?.point,
    ).toEqual({
      lat: 35.7,
      lon: 69.3,
    })
    expect(placeGeography({ latitude: 31.61, longitude: 65.71 })?.province).toBe('AF-KAN')
    expect(placeGeography({ iso3166Code: 'AF-GHO' })).toMatchObject({
      province: 'AF-GHO',
      area: true,
    })
    // A code the gazetteer does not know falls back to where the point is.
    expect(
      placeGeography({ iso3166Code: 'AF-XXX', latitude: 34.35, longitude: 62.2 })?.province,
    ).toBe('AF-HER')
  })

  it('keeps a province a shape even when it carries coordinates', () => {
    expect(
      placeGeography({
        placeKind: 'province',
        iso3166Code: 'AF-KAB',
        latitude: 34.5,
        longitude: 69.2,
      }),
    ).toMatchObject({
      point: null,
      area: true,
    })
  })

  it('ignores a link to an entry the gazetteer does not hold', () => {
    expect(placeGeography({ gazetteerId: 'AF-ZZZ/nowhere' })).toBeNull()
  })
})

describe('linking a place to the gazetteer', () => {
  it('writes the link, the code and the point, keeping what the analyst already set', () => {
    const andarab = gazetteerEntry('AF-BGL/andarab')!
    expect(gazetteerLinkPatch(andarab, {})).toEqual({
      gazetteerId: 'AF-BGL/andarab',
      iso3166Code: 'AF-BGL',
      latitude: 35.63,
      longitude: 69.27,
      placeKind: 'district',
      country: 'Afghanistan',
    })
    const panjshir = gazetteerEntry('AF-PAN')!
    expect(gazetteerLinkPatch(panjshir, { placeKind: 'region', country: 'AF' })).toEqual({
      gazetteerId: 'AF-PAN',
      iso3166Code: 'AF-PAN',
      latitude: null,
      longitude: null,
    })
  })

  it('produces attributes the model accepts, and an unlink that removes them all', () => {
    const patch = gazetteerLinkPatch(gazetteerEntry('AF-KAB/kabul')!, {})
    const attributes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== null))
    const stamp = '2025-01-01T00:00:00.000Z'
    const place = {
      id: 'p',
      type: 'place',
      name: 'Kabul',
      aliases: [],
      description: '',
      createdAt: stamp,
      updatedAt: stamp,
    }
    expect(Entity.safeParse({ ...place, attributes }).success).toBe(true)
    expect(Object.keys(UNLOCATE_PATCH).sort()).toEqual([
      'gazetteerId',
      'iso3166Code',
      'latitude',
      'longitude',
    ])
    expect(Entity.safeParse({ ...place, attributes: { gazetteerId: 'Kabul city' } }).success).toBe(
      false,
    )
  })
})

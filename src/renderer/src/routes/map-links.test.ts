import { describe, expect, it } from 'vitest'
import { mapHref, parseMapHash } from './links'

describe('links to the map', () => {
  it('carry the groups to compare and a place to open, and read back the same', () => {
    expect(mapHref()).toBe('#/map')
    const href = mapHref({ groupIds: ['grp-nrf', 'grp-nff'], placeId: 'plc-andarab' })
    expect(href).toBe('#/map?g=grp-nrf%2Cgrp-nff&place=plc-andarab')
    expect(parseMapHash(href)).toEqual({
      layer: null,
      groupIds: ['grp-nrf', 'grp-nff'],
      placeId: 'plc-andarab',
    })
    expect(parseMapHash(mapHref({ layer: 'claims' })).layer).toBe('claims')
  })

  it('read nothing from another view’s hash', () => {
    const none = { layer: null, groupIds: [], placeId: null }
    expect(parseMapHash('#/graph?g=x')).toEqual(none)
    expect(parseMapHash('#/map')).toEqual(none)
  })
})

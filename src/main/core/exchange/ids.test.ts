import fc from 'fast-check'
import { v5 } from 'uuid'
import { describe, expect, it } from 'vitest'
import {
  recordIri,
  recordUuid,
  SIGHTLINE_NAMESPACE,
  stixIdFor,
  stixType,
  stixUuid,
  uuidV5,
} from './ids'

describe('deterministic ids', () => {
  it('computes the same UUIDv5 as the uuid package, for any name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1500 }), (name) => {
        expect(uuidV5(name)).toBe(v5(name, SIGHTLINE_NAMESPACE))
      }),
      { numRuns: 300 },
    )
  })

  it('gives a record the same STIX id on every export, and different kinds different ids', () => {
    expect(stixIdFor('threat-actor', 'entity', 'grp-nrf')).toBe(
      stixIdFor('threat-actor', 'entity', 'grp-nrf'),
    )
    expect(recordUuid('entity', 'x')).not.toBe(recordUuid('source', 'x'))
    expect(stixIdFor('threat-actor', 'entity', 'grp-nrf')).toMatch(
      /^threat-actor--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })

  it('keeps the UUID of a record that came from STIX, whatever type it leaves as', () => {
    const id = 'intrusion-set--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'
    expect(stixUuid(id)).toBe('8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f')
    expect(stixIdFor('threat-actor', 'entity', id)).toBe(
      'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    )
    expect(recordIri('annotation', 'note--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f')).toBe(
      'urn:uuid:8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    )
  })

  it('reads STIX ids in any case, and nothing else', () => {
    expect(stixUuid('Threat-Actor--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F')).toBe(
      '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    )
    expect(stixType('Threat-Actor--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F')).toBe('Threat-Actor')
    expect(stixType('relationship--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f')).toBe('relationship')
    expect(stixUuid('threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3')).toBeNull()
    expect(stixUuid('threat-actor-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f')).toBeNull()
    expect(stixType('grp-nrf')).toBeNull()
  })
})

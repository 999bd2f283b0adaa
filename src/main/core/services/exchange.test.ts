import { readdir } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { describeProject, preview, upload } from '../../../../test/support/exchange'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'
import { stixValidator } from '../../../../test/support/stix-schemas'
import { MAX_EXCHANGE_BYTES, TLP_LEVELS, UPLOAD_CHUNK_CHARS } from '../../../shared/contract'
import { TLP_MARKINGS } from '../exchange/stix/mapping'

const validator = stixValidator()

let session: SampleSession
beforeEach(async () => {
  session = await openSample()
})
afterEach(async () => {
  await session.close()
})

async function exportProject(tlp: (typeof TLP_LEVELS)[number] = 'amber'): Promise<string> {
  const file = await session.value('exchange.stixExport', { scope: { kind: 'project' }, tlp })
  return file.content
}

describe('STIX export', () => {
  it.each(TLP_LEVELS)('validates against the OASIS schemas, marked %s', async (tlp) => {
    const bundle = JSON.parse(await exportProject(tlp)) as {
      objects: { type: string; object_marking_refs?: string[] }[]
    }
    expect(validator.problems(bundle)).toEqual([])
    const marking = TLP_MARKINGS[tlp].id
    expect(bundle.objects.filter((o) => o.type === 'marking-definition')).toHaveLength(1)
    for (const object of bundle.objects) {
      if (object.type !== 'marking-definition')
        expect(object.object_marking_refs).toEqual([marking])
    }
  })

  it('gives every record the same id on every export, so a re-export updates', async () => {
    const ids = (text: string): string[] =>
      (JSON.parse(text) as { objects: { id: string }[] }).objects.map((o) => o.id)
    expect(ids(await exportProject())).toEqual(ids(await exportProject()))
  })

  it('exports the sample as threat actors, identities, locations, relationships, notes and a report', async () => {
    const file = await session.value('exchange.stixExport', {
      scope: { kind: 'project' },
      tlp: 'green',
    })
    // 9 groups and the 3 people who lead are threat actors; the 4th person is an identity.
    expect(file.counts).toMatchObject({
      'threat-actor': 12,
      location: 8,
      relationship: 28,
      // A note per quote and a report per source: the brief's 26 and four more sources' 6.
      note: 32,
      report: 5,
    })
    const objects = (JSON.parse(file.content) as { objects: Record<string, unknown>[] }).objects
    const masoud = objects.find((o) => o.name === 'Ahmad Masoud')!
    expect(masoud).toMatchObject({
      type: 'threat-actor',
      resource_level: 'individual',
      roles: ['director'],
    })
    expect(objects.find((o) => o.name === 'Ahmad Shah Masoud')).toMatchObject({
      type: 'identity',
      identity_class: 'individual',
    })
    expect(objects.find((o) => o.name === 'Hazara')).toMatchObject({
      type: 'identity',
      identity_class: 'group',
    })
    expect(objects.find((o) => o.name === 'Panjshir')).toMatchObject({
      type: 'location',
      country: 'AF',
      administrative_area: 'Panjshir',
      x_opencti_location_type: 'Administrative-Area',
    })
    const leads = objects.find((o) => o.type === 'relationship' && o.source_ref === masoud.id)
    expect(leads).toMatchObject({ relationship_type: 'part-of', labels: ['leads'] })
    const publisher = objects.find(
      (o) => o.type === 'identity' && o.identity_class === 'organization',
    )
    expect(publisher).toMatchObject({
      name: 'Sightline sample',
      x_opencti_reliability: 'B - Usually reliable',
    })
    const note = objects.find(
      (o) => o.type === 'note' && String(o.content).startsWith('It is led by Ahmad Masoud'),
    )
    expect(note).toMatchObject({
      abstract: 'NRF leadership and its family link to the earlier resistance.',
      confidence: 70,
    })
    expect(note!.object_refs).toContain(leads!.id)
  })

  it('exports a grid selection with its relations, their other ends and their quotes', async () => {
    const file = await session.value('exchange.stixExport', {
      scope: { kind: 'entities', entityIds: ['grp-nrf'] },
      tlp: 'amber+strict',
    })
    const objects = (JSON.parse(file.content) as { objects: Record<string, unknown>[] }).objects
    expect(validator.problems(JSON.parse(file.content))).toEqual([])
    const names = objects.filter((o) => o.type !== 'note' && o.type !== 'report').map((o) => o.name)
    expect(names).toEqual(
      expect.arrayContaining(['National Resistance Front', 'Ahmad Masoud', 'Panjshir', 'Kapisa']),
    )
    expect(names).not.toContain('Resistance Movement for Justice')
    expect(objects.filter((o) => o.type === 'note').map((o) => o.content)).toContain(
      'The NRF operates in Panjshir, Andarab and Kapisa.',
    )
  })

  it("exports a report's contents as an internal report", async () => {
    const report = await session.value('reports.create', {
      title: 'The northern fronts',
      sections: [
        {
          id: 'table',
          kind: 'entity-table',
          entityType: 'group',
          columns: ['name'],
          filter: 'NRF',
        },
        { id: 'quotes', kind: 'quotes', annotationIds: ['ann-nff-leader'] },
      ],
    })
    const file = await session.value('exchange.stixExport', {
      scope: { kind: 'report', reportId: report.id },
      tlp: 'red',
    })
    const bundle = JSON.parse(file.content) as { objects: Record<string, unknown>[] }
    expect(validator.problems(bundle)).toEqual([])
    const internal = bundle.objects.find(
      (o) => o.type === 'report' && o.name === 'The northern fronts',
    )
    expect(internal).toMatchObject({ report_types: ['internal-report'] })
    const names = bundle.objects.map((o) => o.name)
    expect(names).toEqual(
      expect.arrayContaining(['National Resistance Front', 'Mohammad Yasin Zia']),
    )
  })
})

describe('STIX import', () => {
  it('gives back the same entities, relations and quotes in a new project', async () => {
    const original = describeProject(session.workspace.current.data)
    const text = await exportProject()
    const planned = await preview(session, text, 'sample.stix.json', { target: 'new-project' })
    // One report per source of the sample is skipped as an entity.
    expect(planned.counts.entity).toEqual({ create: 28, merge: 0, skip: 5 })
    const outcome = await session.value('exchange.apply', {
      planId: planned.planId,
      digest: planned.digest,
      projectName: 'Round trip',
    })
    expect(outcome.status).toBe('applied')
    const imported = session.workspace.current.data
    expect(imported.project.name).toBe('Round trip')
    expect(describeProject(imported)).toEqual(original)
    // Every entity and relation also quotes the lines of the bundle it came from.
    const dataset = imported.sources.find((s) => s.kind === 'dataset')!
    const quoted = new Set(
      imported.annotations.filter((a) => a.sourceId === dataset.id).flatMap((a) => a.entityIds),
    )
    expect(imported.entities.every((e) => quoted.has(e.id))).toBe(true)
    expect(imported.relations.every((r) => r.evidence.length >= 2)).toBe(true)
  })

  it('merges everything with the records it came from when imported back', async () => {
    const before = describeProject(session.workspace.current.data)
    const planned = await preview(session, await exportProject(), 'sample.stix.json')
    expect(planned.counts.entity!.create).toBe(0)
    expect(planned.counts.relation!.create).toBe(0)
    expect(planned.counts.quote!.create).toBe(0)
    await session.value('exchange.apply', { planId: planned.planId, digest: planned.digest })
    expect(describeProject(session.workspace.current.data)).toEqual(before)
  })

  it('writes nothing until the preview is applied', async () => {
    const before = session.snapshot()
    await preview(session, await exportProject(), 'sample.stix.json')
    expect(session.snapshot()).toBe(before)
  })

  it('plans again when the project changed since the preview', async () => {
    const text = (await exportProject()).replace(/"name":"Wolf Unit"/, '"name":"Wolf Unit Renamed"')
    const planned = await preview(session, text, 'sample.stix.json')
    const wolf = planned.items.find((i) => i.label === 'Wolf Unit Renamed')
    expect(wolf).toMatchObject({ action: 'merge' })
    await session.value('entities.delete', { id: 'grp-wolf-unit' })
    const outcome = await session.value('exchange.apply', {
      planId: planned.planId,
      digest: planned.digest,
    })
    expect(outcome.status).toBe('changed')
    if (outcome.status !== 'changed') return
    expect(outcome.preview.items.find((i) => i.label === 'Wolf Unit Renamed')).toMatchObject({
      action: 'create',
    })
    const applied = await session.value('exchange.apply', {
      planId: planned.planId,
      digest: outcome.preview.digest,
    })
    expect(applied.status).toBe('applied')
  })

  it('merges an actor by name or alias, whatever the case and accents', async () => {
    const bundle = stixBundle([
      {
        type: 'intrusion-set',
        id: 'intrusion-set--0d7a4f3c-9c1e-4c66-9d5a-111111111111',
        name: 'national résistance FRONT',
        aliases: ['Jabha-e Moqawemat'],
      },
      {
        type: 'threat-actor',
        id: 'threat-actor--0d7a4f3c-9c1e-4c66-9d5a-222222222222',
        name: 'NFF',
      },
      {
        type: 'threat-actor',
        id: 'threat-actor--0d7a4f3c-9c1e-4c66-9d5a-333333333333',
        name: 'A new front',
      },
      {
        type: 'malware',
        id: 'malware--0d7a4f3c-9c1e-4c66-9d5a-444444444444',
        name: 'x',
        is_family: false,
      },
    ])
    const planned = await preview(session, bundle, 'feed.json')
    expect(planned.items.find((i) => i.label === 'national résistance FRONT')).toMatchObject({
      action: 'merge',
      target: { id: 'grp-nrf' },
    })
    expect(planned.items.find((i) => i.label === 'NFF')).toMatchObject({
      action: 'merge',
      target: { id: 'grp-nff' },
    })
    expect(planned.items.find((i) => i.label === 'A new front')).toMatchObject({ action: 'create' })
    expect(planned.skippedTypes).toEqual([{ type: 'malware', count: 1 }])
    await session.value('exchange.apply', { planId: planned.planId, digest: planned.digest })
    const nrf = session.workspace.current.data.entities.find((e) => e.id === 'grp-nrf')!
    // The same name in other case and accents is no new alias.
    expect(nrf.aliases).toEqual(['NRF', 'Jabha-e Moqawemat'])
  })

  describe('refuses a bad bundle with a clear message and changes nothing', () => {
    const id = 'bundle--0d7a4f3c-9c1e-4c66-9d5a-000000000000'
    const cases: [string, () => string, RegExp][] = [
      ['not JSON', () => 'name,aliases\nNRF,x', /not a STIX bundle/],
      [
        'cut short',
        () => `{"type":"bundle","id":"${id}","objects":[{"type":"threat-actor"`,
        /not a STIX bundle: .*line 1/,
      ],
      ['not a bundle', () => '{"type":"report","id":"x"}', /"type": "bundle"/],
      [
        'a STIX 2.0 bundle',
        () => `{"type":"bundle","id":"${id}","spec_version":"2.0","objects":[]}`,
        /STIX 2\.0; Sightline reads STIX 2\.1/,
      ],
      [
        'objects of another version',
        () =>
          stixBundle([
            {
              type: 'threat-actor',
              id: 'threat-actor--0d7a4f3c-9c1e-4c66-9d5a-555555555555',
              name: 'X',
              spec_version: '2.0',
            },
          ]),
        /not STIX 2\.1: threat-actor--0d7a4f3c-9c1e-4c66-9d5a-555555555555 \(spec_version "2\.0"\)/,
      ],
      [
        'a relationship pointing nowhere',
        () =>
          stixBundle([
            {
              type: 'threat-actor',
              id: 'threat-actor--0d7a4f3c-9c1e-4c66-9d5a-555555555555',
              name: 'X',
            },
            {
              type: 'relationship',
              id: 'relationship--0d7a4f3c-9c1e-4c66-9d5a-666666666666',
              relationship_type: 'located-at',
              source_ref: 'threat-actor--0d7a4f3c-9c1e-4c66-9d5a-555555555555',
              target_ref: 'location--0d7a4f3c-9c1e-4c66-9d5a-777777777777',
            },
          ]),
        /target_ref points at location--0d7a4f3c-9c1e-4c66-9d5a-777777777777, which is not in the bundle/,
      ],
      [
        'objects without a STIX id',
        () =>
          stixBundle([
            { type: 'threat-actor', id: 'threat-actor--not-a-uuid', name: 'X' },
            { type: '', id: 'threat-actor--0d7a4f3c-9c1e-4c66-9d5a-555555555555' },
          ]),
        /objects\.0\.id.*not a STIX identifier.*objects\.1\.type/s,
      ],
      [
        'nested 100,000 levels deep',
        () =>
          `{"type":"bundle","id":"${id}","objects":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`,
        /nested more than 32 levels deep/,
      ],
    ]
    it.each(cases)('%s', async (_, make, message) => {
      const before = session.snapshot()
      const uploadId = await upload(session, make())
      const error = await session.error('exchange.preview', {
        uploadId,
        fileName: 'bad.json',
        format: 'stix',
        target: 'current',
      })
      expect(error.code).toBe('invalid_input')
      expect(error.message).toMatch(message)
      expect(error.message).toMatch(/Nothing was imported\.$/)
      expect(session.snapshot()).toBe(before)
    })

    it('a bundle of 200 MB', async () => {
      const before = session.snapshot()
      const chunk = ' '.repeat(UPLOAD_CHUNK_CHARS)
      const chunks = Math.ceil((200 * 1024 * 1024) / UPLOAD_CHUNK_CHARS)
      let refused: { code: string; message: string } | null = null
      for (let index = 0; index < chunks && !refused; index++) {
        const result = await session.dispatch('exchange.upload', {
          uploadId: 'big-upload',
          index,
          text: chunk,
        })
        if (!result.ok) refused = result.error
      }
      expect(refused?.code).toBe('payload_too_large')
      expect(refused?.message).toMatch(/larger than 64 MB.*Nothing was imported/)
      const error = await session.error('exchange.preview', {
        uploadId: 'big-upload',
        fileName: 'big.json',
        target: 'current',
      })
      expect(error.code).toBe('not_found')
      expect(session.snapshot()).toBe(before)
      expect(MAX_EXCHANGE_BYTES).toBe(64 * 1024 * 1024)
    })
  })

  it('imports nothing into a new project when the bundle is refused', async () => {
    const projects = session.workspace.projectsDir
    const before = await readdir(projects).catch(() => [])
    const uploadId = await upload(session, '{"type":"bundle"')
    await session.error('exchange.preview', {
      uploadId,
      fileName: 'x.json',
      format: 'stix',
      target: 'new-project',
    })
    expect(await readdir(projects).catch(() => [])).toEqual(before)
  })
})

/** A bundle of 2.1 objects with the common properties filled in. */
function stixBundle(objects: Record<string, unknown>[]): string {
  const at = '2024-01-01T00:00:00.000Z'
  return JSON.stringify({
    type: 'bundle',
    id: 'bundle--0d7a4f3c-9c1e-4c66-9d5a-000000000000',
    objects: objects.map((o) => ({ spec_version: '2.1', created: at, modified: at, ...o })),
  })
}

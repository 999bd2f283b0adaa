/**
 * The STIX export in the exchange worker: it reads the project from the store's files and
 * gives the same bundle as the export from memory; it sees every edit made before it was
 * asked; a bad scope is refused with a clear message; cancel and the time limit stop it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copySample, tempDir } from '../../../../test/support/folders'
import type { ExchangeFile } from '../../../shared/contract'
import { ProjectStore } from '../project-store'
import { exportStix } from '../services/exchange'
import { ExchangeRunner, exchangeRunner } from './runner'
import { selectForExport } from './scope'
import { unsliced } from './slices'
import { writeStixBundle } from './stix/export'

let dir: Awaited<ReturnType<typeof tempDir>>
let store: ProjectStore

beforeAll(async () => {
  dir = await tempDir('sightline-exchange-worker-')
  store = await ProjectStore.open(await copySample(dir.path), { backups: false })
})
afterAll(async () => {
  await store.close()
  await exchangeRunner().close()
  await dir.cleanup()
})

/** The bundle's objects, without the bundle's own (random) id. */
function objectsOf(text: string): unknown[] {
  return (JSON.parse(text) as { objects: unknown[] }).objects
}

/** Publishers are stamped with the moment of the export; everything else is the same. */
function withoutStamps(object: unknown): unknown {
  const { created, modified, ...rest } = object as Record<string, unknown>
  return (object as { type: string }).type === 'identity' && 'x_opencti_reliability' in rest
    ? rest
    : { ...rest, created, modified }
}

describe('the STIX export in the exchange worker', () => {
  it('gives the same bundle as the export from memory', async () => {
    const file = await exportStix(store, { scope: { kind: 'project' }, tlp: 'green' })
    const fromMemory = await writeStixBundle(
      selectForExport(store, { kind: 'project' }),
      'green',
      unsliced,
    )
    const objects = objectsOf(file.content)
    expect(objects.length).toBeGreaterThan(50)
    expect(objects.map(withoutStamps)).toEqual(objectsOf(fromMemory.text).map(withoutStamps))
    expect(file.bytes).toBe(Buffer.byteLength(file.content, 'utf8'))
    expect(file.counts).toEqual(fromMemory.counts)
  })

  it('gives the same bundle when it shares the work with its helper thread', async () => {
    // The warm worker of the test above; its helper starts now.
    const runner = exchangeRunner()
    const files = await store.readFiles(async (view) => view)
    let content = ''
    const phases: string[] = []
    const file = await runner.run<ExchangeFile>(
      {
        type: 'stix-export',
        jobId: 'shared',
        files: files!.value,
        scope: { kind: 'project' },
        tlp: 'green',
        shareFromBytes: 0,
      },
      {
        onPart: (text) => (content += text),
        onPhases: (timings) => phases.push(...timings.map((t) => t.phase)),
      },
    )
    const fromMemory = await writeStixBundle(
      selectForExport(store, { kind: 'project' }),
      'green',
      unsliced,
    )
    expect(phases).toContain('worker: wait for the helper to read')
    expect(objectsOf(content).map(withoutStamps)).toEqual(
      objectsOf(fromMemory.text).map(withoutStamps),
    )
    expect(file.bytes).toBe(Buffer.byteLength(content, 'utf8'))
    expect(file.counts).toEqual(fromMemory.counts)
  })

  it('sees an edit made just before it was asked', async () => {
    const group = store.data.entities.find((e) => e.type === 'group')!
    store.mutate((data) => {
      const at = data.entities.findIndex((e) => e.id === group.id)
      data.entities[at] = { ...data.entities[at]!, name: 'Renamed just before the export' }
    })
    const file = await exportStix(store, { scope: { kind: 'project' }, tlp: 'green' })
    expect(file.content).toContain('Renamed just before the export')
  })

  it('refuses a selection of entities the project does not hold, with a clear message', async () => {
    await expect(
      exportStix(store, { scope: { kind: 'entities', entityIds: ['no-such-entity'] }, tlp: 'red' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('no-such-entity'),
    })
  })

  it('is stopped by cancel and by its time limit, and the next request works', async () => {
    const runner = new ExchangeRunner({ timeoutMs: 60_000 })
    const files = await store.readFiles(async (view) => view)
    const request = {
      type: 'stix-export' as const,
      jobId: 'to-cancel',
      files: files!.value,
      scope: { kind: 'project' as const },
      tlp: 'amber' as const,
    }
    const cancelled = runner.run(request, { onLoaded: () => runner.cancel('to-cancel') })
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' })
    expect(runner.cancel('to-cancel')).toBe(false)
    const done = await runner.run<{ counts: Record<string, number> }>({
      ...request,
      jobId: 'after',
    })
    expect(done.counts.report).toBeGreaterThan(0)
    await runner.close()

    const hasty = new ExchangeRunner({ timeoutMs: 1 })
    await expect(hasty.run({ ...request, jobId: 'too-slow' })).rejects.toMatchObject({
      message: expect.stringContaining('took longer'),
    })
    await hasty.close()
  })
})

/**
 * Imports planned on the main process: when the store cannot offer its files (the disk
 * refuses the pending edits, or a whole new generation is due), the preview and the apply
 * run here, in slices, without the exchange worker, and give what the worker gives.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { describeProject, preview } from '../../../../test/support/exchange'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'
import { exchangeRunner } from '../exchange/runner'

let session: SampleSession
beforeEach(async () => {
  session = await openSample()
})
afterEach(async () => {
  vi.restoreAllMocks()
  await session.close()
})

async function exportProject(): Promise<string> {
  const file = await session.value('exchange.stixExport', {
    scope: { kind: 'project' },
    tlp: 'amber',
  })
  return file.content
}

/** From here on the current project cannot offer its files; returns the worker's spy. */
function withoutStoreFiles(): ReturnType<typeof vi.spyOn> {
  vi.spyOn(session.workspace.current, 'readFiles').mockResolvedValue(null)
  return vi.spyOn(exchangeRunner(), 'run')
}

describe('an import planned on the main process', () => {
  it('gives back the sample in an empty project without the worker', async () => {
    const original = describeProject(session.workspace.current.data)
    const text = await exportProject()
    await session.value('project.create', { name: 'Fallback' })
    const worker = withoutStoreFiles()
    const planned = await preview(session, text, 'sample.stix.json')
    expect(planned.counts.entity).toEqual({ create: 28, merge: 0, skip: 5 })
    const outcome = await session.value('exchange.apply', {
      planId: planned.planId,
      digest: planned.digest,
    })
    expect(outcome.status).toBe('applied')
    expect(worker).not.toHaveBeenCalled()
    const store = session.workspace.current
    expect(describeProject(store.data)).toEqual(original)
    // The texts went to disk before the records that point at them.
    for (const source of store.data.sources) {
      expect((await store.readSourceText(source.contentHash, source.length)).length).toBe(
        source.length,
      )
    }
  })

  it('plans again at apply when the project changed, and writes nothing if it decides otherwise', async () => {
    const text = (await exportProject()).replace(/"name":"Wolf Unit"/, '"name":"Wolf Unit Renamed"')
    const worker = withoutStoreFiles()
    const planned = await preview(session, text, 'sample.stix.json')
    expect(planned.items.find((i) => i.label === 'Wolf Unit Renamed')).toMatchObject({
      action: 'merge',
    })
    await session.value('entities.delete', { id: 'grp-wolf-unit' })
    const before = session.snapshot()
    const outcome = await session.value('exchange.apply', {
      planId: planned.planId,
      digest: planned.digest,
    })
    expect(outcome.status).toBe('changed')
    if (outcome.status !== 'changed') return
    expect(outcome.preview.items.find((i) => i.label === 'Wolf Unit Renamed')).toMatchObject({
      action: 'create',
    })
    expect(session.snapshot()).toBe(before)
    expect(worker).not.toHaveBeenCalled()
  })
})

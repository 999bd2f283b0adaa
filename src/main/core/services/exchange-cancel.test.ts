/**
 * Imports planned in the exchange worker: cancel stops a preview or an import and writes
 * nothing; an import whose worker was stopped after the preview plans again and goes on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { preview, upload } from '../../../../test/support/exchange'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'
import { exchangeRunner } from '../exchange/runner'

let session: SampleSession
beforeEach(async () => {
  session = await openSample()
})
afterEach(async () => {
  await session.close()
})

/** The sample as a bundle, with one group the project lacks, so that the import creates it. */
async function bundleWithNewGroup(): Promise<string> {
  const file = await session.value('exchange.stixExport', {
    scope: { kind: 'project' },
    tlp: 'amber',
  })
  const bundle = JSON.parse(file.content) as { objects: Record<string, unknown>[] }
  const at = '2024-01-01T00:00:00.000Z'
  bundle.objects.push({
    type: 'threat-actor',
    spec_version: '2.1',
    id: 'threat-actor--0d7a4f3c-9c1e-4c66-9d5a-555555555555',
    created: at,
    modified: at,
    name: 'Jackal Unit',
  })
  return JSON.stringify(bundle)
}

describe('cancel', () => {
  it('stops a preview, which then offers nothing to apply', async () => {
    const uploadId = await upload(session, await bundleWithNewGroup())
    const jobId = 'cancel-the-preview'
    const previewing = session.error('exchange.preview', {
      uploadId,
      fileName: 'sample.stix.json',
      target: 'current',
      jobId,
    })
    await session.value('exchange.cancel', { jobId })
    expect(await previewing).toMatchObject({ code: 'cancelled' })
  })

  it('stops an import before its records are in: the project is as it was', async () => {
    const planned = await preview(session, await bundleWithNewGroup(), 'sample.stix.json')
    expect(planned.counts.entity?.create).toBeGreaterThan(0)
    const before = session.snapshot()
    const sourcesBefore = session.workspace.current.data.sources.length
    const jobId = 'cancel-the-import'
    const applying = session.error('exchange.apply', {
      planId: planned.planId,
      digest: planned.digest,
      jobId,
    })
    await session.value('exchange.cancel', { jobId })
    const error = await applying
    expect(error.code).toBe('cancelled')
    expect(error.message).toMatch(/nothing was/i)
    expect(session.snapshot()).toBe(before)

    // The preview still stands: importing it afterwards adds what it said.
    const outcome = await session.value('exchange.apply', {
      planId: planned.planId,
      digest: planned.digest,
    })
    expect(outcome.status).toBe('applied')
    expect(session.workspace.current.data.entities.some((e) => e.name === 'Jackal Unit')).toBe(true)
    expect(session.workspace.current.data.sources.length).toBe(sourcesBefore + 1)
  })

  it('says whether a job was running', async () => {
    expect(await session.value('exchange.cancel', { jobId: 'no-such-job' })).toEqual({
      cancelled: false,
    })
  })
})

describe('an import planned in the exchange worker', () => {
  it('plans again when the worker was stopped after the preview', async () => {
    const planned = await preview(session, await bundleWithNewGroup(), 'sample.stix.json')
    await exchangeRunner().close()
    const outcome = await session.value('exchange.apply', {
      planId: planned.planId,
      digest: planned.digest,
    })
    expect(outcome.status).toBe('applied')
    expect(session.workspace.current.data.entities.some((e) => e.name === 'Jackal Unit')).toBe(true)
  })
})

/**
 * The bundle made in chunks: chunks built by two threads from their own plans, in whatever
 * order they claim them, make the very bundle one thread writes; the writer refuses a chunk
 * out of its place. (mapping.test.ts checks what each object says, and validates it.)
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLE_DIR } from '../../../../../test/support/folders'
import type { ProjectFile } from '../../../../shared/model'
import type { ExportSelection } from '../scope'
import { unsliced } from '../slices'
import {
  planStixBundle,
  StixBundleWriter,
  stixChunk,
  writeStixBundle,
  type StixChunk,
} from './export'

const EXPORTED_AT = '2025-05-01T12:00:00.000Z'

/**
 * The sample project `copies` times over, each copy with its own ids (and its references
 * pointing inside it): big enough for several chunks, with every kind of object in each.
 */
function sampleSelection(copies: number): ExportSelection {
  const sample = JSON.parse(readFileSync(join(SAMPLE_DIR, 'project.json'), 'utf8')) as ProjectFile
  const selection: ExportSelection = {
    entities: [],
    relations: [],
    annotations: [],
    sources: [],
    reports: [],
    notes: [],
  }
  for (let copy = 0; copy < copies; copy++) {
    const id = (original: string): string => `${original}~${copy}`
    for (const e of sample.entities) selection.entities.push({ ...e, id: id(e.id) })
    for (const r of sample.relations) {
      selection.relations.push({
        ...r,
        id: id(r.id),
        from: id(r.from),
        to: id(r.to),
        evidence: r.evidence.map(id),
      })
    }
    for (const a of sample.annotations) {
      selection.annotations.push({
        ...a,
        id: id(a.id),
        sourceId: id(a.sourceId),
        entityIds: a.entityIds.map(id),
      })
    }
    for (const s of sample.sources) selection.sources.push({ ...s, id: id(s.id) })
  }
  return selection
}

const withoutBundleId = (text: string): string => text.replace(/"bundle--[0-9a-f-]+"/, '"bundle"')

describe('a bundle made in chunks', () => {
  it('is the same whichever thread builds which chunk, in whatever order', async () => {
    const selection = sampleSelection(12)
    const whole = await writeStixBundle(selection, 'amber', unsliced, { exportedAt: EXPORTED_AT })

    // Two threads, each with its own plan of the same selection, taking chunks alternately
    // from the end; the chunks are written in order as they become ready.
    const mine = await planStixBundle(selection, 'amber', unsliced, EXPORTED_AT)
    const theirs = await planStixBundle(selection, 'amber', unsliced, EXPORTED_AT)
    expect(mine.chunkCount).toBeGreaterThanOrEqual(3)
    const parts: string[] = []
    const writer = new StixBundleWriter((part) => parts.push(part))
    const ready = new Map<number, StixChunk>()
    for (let index = mine.chunkCount - 1; index >= 0; index--) {
      ready.set(index, stixChunk(index % 2 === 0 ? mine : theirs, index))
    }
    for (let index = 0; index < mine.chunkCount; index++) writer.add(ready.get(index)!)
    const { bytes, counts } = writer.finish()

    const text = parts.join('')
    expect(withoutBundleId(text)).toBe(withoutBundleId(whole.text))
    expect(bytes).toBe(Buffer.byteLength(text, 'utf8'))
    expect(bytes).toBe(whole.bytes)
    expect(counts).toEqual(whole.counts)
    expect(counts.note).toBe(selection.annotations.length)
  })

  it('refuses a chunk out of its place', async () => {
    const plan = await planStixBundle(sampleSelection(12), 'green', unsliced, EXPORTED_AT)
    const writer = new StixBundleWriter(() => undefined)
    expect(() => writer.add(stixChunk(plan, 1))).toThrow(/Chunk 1 .* where 0 belongs/)
  })
})

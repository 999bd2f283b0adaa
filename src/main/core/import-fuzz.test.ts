/**
 * The importer path under damaged documents: real .docx, .pdf, .html and .txt files with
 * bytes flipped, cut short, spliced or padded, each read in the import worker. Every answer
 * is the envelope (a source, a duplicate, or a refusal with a clear message and a known
 * code), never an internal error or a leaked stack, and the app answers between imports.
 */
import fc from 'fast-check'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Result } from '../../shared/result'
import { createDispatch, type Dispatch } from './dispatch'
import { isEnvelope, leaksInternals } from '../../../test/support/fuzz-arbitraries'
import { makeDocx, makePdf } from '../../../test/support/documents'
import { copySample, tempDir } from '../../../test/support/folders'
import { Workspace } from './workspace'

/**
 * Each import starts a worker: enough runs to reach the parsers' error paths, few enough to
 * be quick (pdf.js takes a second or so to start in a fresh worker on a loaded machine).
 */
const RUNS: Record<string, number> = {
  'report.docx': 25,
  'report.pdf': 10,
  'page.html': 25,
  'notes.txt': 25,
}

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let dispatch: Dispatch
const unexpected: unknown[] = []
const seeds = new Map<string, Buffer>()
const tally = { imported: 0, refused: new Map<string, number>() }

beforeAll(async () => {
  dir = await tempDir('sightline-import-fuzz-')
  workspace = new Workspace({
    userDataDir: join(dir.path, 'user'),
    store: { writeDelayMs: 5, backups: false },
    imports: { limits: { timeoutMs: 5_000 } },
  })
  await workspace.open(await copySample(dir.path))
  dispatch = createDispatch(workspace, {
    validateOutput: true,
    logError: (error) => unexpected.push(error),
  })
  const paragraphs = [
    'The front reported movements near the valley road.',
    'Officials denied that any attack took place.',
  ]
  seeds.set('report.docx', await makeDocx(paragraphs))
  seeds.set('report.pdf', makePdf([paragraphs, paragraphs.slice(1)]))
  seeds.set(
    'page.html',
    Buffer.from(
      `<!doctype html><html lang="en"><head><title>Front</title><meta name="author" content="Desk"><link rel="canonical" href="https://example.org/a"></head><body><article><h1>Front</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
    ),
  )
  seeds.set('notes.txt', Buffer.from(paragraphs.join('\n\n')))
})
afterAll(async () => {
  await workspace.close()
  await workspace.imports.close()
  await dir.cleanup()
  console.info(
    `import fuzz: ${tally.imported} imported; refused by code: ${[...tally.refused].map(([c, n]) => `${c} ${n}`).join(', ')}`,
  )
})

/** A damaged copy of `seed`: bytes flipped, cut, spliced in or repeated. */
function damaged(seed: Buffer): fc.Arbitrary<Buffer> {
  const at = fc.nat({ max: Math.max(0, seed.length - 1) })
  const flips = fc
    .array(fc.tuple(at, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 })
    .map((changes) => {
      const copy = Buffer.from(seed)
      for (const [i, byte] of changes) copy[i] = byte
      return copy
    })
  const cut = at.map((end) => seed.subarray(0, end))
  const splice = fc
    .tuple(at, fc.uint8Array({ minLength: 1, maxLength: 64 }))
    .map(([i, bytes]) => Buffer.concat([seed.subarray(0, i), Buffer.from(bytes), seed.subarray(i)]))
  const repeated = fc.tuple(at, at, fc.integer({ min: 2, max: 200 })).map(([a, b, times]) => {
    const [start, end] = a <= b ? [a, b] : [b, a]
    const part = seed.subarray(start, end + 1)
    return Buffer.concat([
      seed.subarray(0, start),
      ...Array(times).fill(part),
      seed.subarray(end + 1),
    ])
  })
  const noise = fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes))
  return fc.oneof(flips, flips, cut, splice, repeated, noise)
}

describe('the importers under damaged documents', { timeout: 240_000 }, () => {
  it.each(Object.keys(RUNS))('%s', async (fileName) => {
    unexpected.length = 0
    await fc.assert(
      fc.asyncProperty(damaged(seeds.get(fileName)!), async (bytes) => {
        const result: Result<unknown> = await dispatch('sources.import', {
          fileName,
          dataBase64: bytes.toString('base64'),
        })
        expect(isEnvelope(result)).toBe(true)
        expect(unexpected).toEqual([])
        if (result.ok) {
          tally.imported++
        } else {
          const { code, message } = result.error
          tally.refused.set(code, (tally.refused.get(code) ?? 0) + 1)
          expect(code).not.toBe('internal')
          expect(message.length).toBeGreaterThan(10)
          expect(leaksInternals(message)).toBe(false)
        }
        // Whatever the document did, the worker is gone and the app answers.
        const other = await dispatch('entities.list', { type: 'group' })
        expect(other.ok).toBe(true)
      }),
      { numRuns: RUNS[fileName] },
    )
  })
})

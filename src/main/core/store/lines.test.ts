/**
 * lineBatches against a plain split of the same bytes: whatever the chunk size (lines cut
 * by a chunk's end, lines longer than a chunk or than the room kept for the cut line),
 * where reading starts and stops, and whether the file ends with a newline.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../../../test/support/folders'
import { lineBatches, type Line } from './lines'

let dir: Awaited<ReturnType<typeof tempDir>>
beforeAll(async () => {
  dir = await tempDir('sightline-lines-')
})
afterAll(() => dir.cleanup())

/** A line as compared here: its text instead of its bytes. */
type Read = Omit<Line, 'bytes'> & { text: string }

/** The lines of `bytes` from `from` up to `limit`, split at once. */
function expected(bytes: Buffer, from: number, limit: number): Read[] {
  const out: Read[] = []
  const end = Math.min(limit, bytes.length)
  let start = from
  while (start < end) {
    const newline = bytes.indexOf(10, start)
    if (newline === -1 || newline >= end) {
      out.push({ text: bytes.toString('latin1', start, end), start, complete: false })
      break
    }
    out.push({ text: bytes.toString('latin1', start, newline), start, complete: true })
    start = newline + 1
  }
  return out
}

async function read(path: string, options: Parameters<typeof lineBatches>[1]): Promise<Read[]> {
  const out: Read[] = []
  for await (const batch of lineBatches(path, options)) {
    for (const line of batch) {
      out.push({ text: line.bytes.toString('latin1'), start: line.start, complete: line.complete })
    }
  }
  return out
}

describe('lineBatches', () => {
  it('gives the lines a plain split gives, whatever the chunks', async () => {
    let file = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'é', '\n', 'x', '{'), maxLength: 40 }), {
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 32 }),
        fc.nat({ max: 200 }),
        fc.nat({ max: 200 }),
        async (parts, chunkBytes, fromAt, limitAt) => {
          const bytes = Buffer.from(parts.join(''), 'latin1')
          const path = join(dir.path, `f${file++}.jsonl`)
          await writeFile(path, bytes)
          // `from` is the start of a line (where an earlier read ended), or 0.
          const starts = [0, ...expected(bytes, 0, Infinity).map((line) => line.start)]
          const from = starts[fromAt % starts.length]!
          const limit = limitAt >= bytes.length ? undefined : Math.max(from, limitAt)
          expect(await read(path, { chunkBytes, from, limit })).toEqual(
            expected(bytes, from, limit ?? Infinity),
          )
        },
      ),
      { numRuns: 400, seed: 13 },
    )
  })

  it('reads a line longer than the room kept for a cut line', async () => {
    const long = 'y'.repeat(200 * 1024)
    const bytes = Buffer.from(`a\n${long}\nb\n${long}`)
    const path = join(dir.path, 'long.jsonl')
    await writeFile(path, bytes)
    expect(await read(path, { chunkBytes: 100 * 1024 })).toEqual(expected(bytes, 0, Infinity))
    expect(await read(path, {})).toEqual(expected(bytes, 0, Infinity))
  })

  it('ends a read started ahead when the reader stops early', async () => {
    const path = join(dir.path, 'early.jsonl')
    await writeFile(path, 'a\nb\nc\nd\n')
    for await (const batch of lineBatches(path, { chunkBytes: 2 })) {
      expect(batch[0]!.bytes.toString()).toBe('a')
      break
    }
  })
})

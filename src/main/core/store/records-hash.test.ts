/**
 * A large snapshot's record lines are hashed by a worker thread (records-hash.ts) while the
 * main thread parses them: the same digest as hashing inline, the same refusal when a
 * record's bytes changed, and no thread left once the read is over.
 */
import { createHash } from 'node:crypto'
import { open, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../../../test/support/folders'
import { sampleWithOneJournaledEdit } from '../../../../test/support/v2-sample'
import { listStoreFiles, snapshotName, StoreFileProblem } from './format'
import { Slicer } from './lines'
import { readSnapshot } from './loader'
import { RecordsHash } from './records-hash'

let dir: Awaited<ReturnType<typeof tempDir>>
let path: string
beforeEach(async () => {
  dir = await tempDir()
  const folder = await sampleWithOneJournaledEdit(dir.path)
  path = join(folder, snapshotName((await listStoreFiles(folder)).snapshots[0]!))
})
afterEach(async () => {
  vi.restoreAllMocks()
  await dir.cleanup()
})

/** The sha256 of the record lines, computed from the text: every line but the first and last. */
async function recordLinesSha256(): Promise<string> {
  const lines = (await readFile(path, 'utf8')).split('\n').slice(1, -2)
  return createHash('sha256')
    .update(lines.map((line) => `${line}\n`).join(''))
    .digest('hex')
}

describe('hashing a snapshot in a worker thread', () => {
  it('gives the digest an inline read gives, and the thread is gone after', async () => {
    const started = vi.spyOn(RecordsHash.prototype, 'sha256')
    const stopped = vi.spyOn(RecordsHash.prototype, 'stop')
    const inWorker = await readSnapshot(path, new Slicer(), 'validate', undefined, 0)
    expect(started).toHaveBeenCalledOnce()
    // The worker's digest, not one made on this thread after it failed.
    expect((started.mock.contexts[0] as RecordsHash).hashedHere).toBe(false)
    expect(stopped).toHaveBeenCalled()
    const inline = await readSnapshot(path, new Slicer(), 'validate')
    expect(started).toHaveBeenCalledOnce()
    expect(inWorker.sha256).toBe(await recordLinesSha256())
    expect(inWorker.sha256).toBe(inline.sha256)
    expect(inWorker.records).toBe(inline.records)
  })

  it('refuses a snapshot whose record bytes no longer match the trailer', async () => {
    const text = await readFile(path, 'utf8')
    // Same length, same validity: only the digest can tell.
    await writeFile(path, text.replace('"name":"Taliban"', '"name":"Talibon"'))
    const refused = await readSnapshot(path, new Slicer(), 'validate', undefined, 0).catch(
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(StoreFileProblem)
    expect((refused as StoreFileProblem).kind).toBe('checksum')
  })

  it('is refused as cut short when the trailer is cut, the thread stopped', async () => {
    const stopped = vi.spyOn(RecordsHash.prototype, 'stop')
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.slice(0, -20))
    const refused = await readSnapshot(path, new Slicer(), 'validate', undefined, 0).catch(
      (error: unknown) => error,
    )
    expect((refused as StoreFileProblem).kind).toBe('truncated')
    expect(stopped).toHaveBeenCalled()
  })

  it('hashes on the calling thread the bytes asked for when the worker hashed others', async () => {
    const bytes = await readFile(path)
    const from = bytes.indexOf(10) + 1
    // Not where the last line starts: the worker's digest does not cover these bytes.
    const to = bytes.lastIndexOf(10, bytes.length - 2) - 5
    const handle = await open(path, 'r')
    try {
      const hasher = new RecordsHash(handle, from)
      const sha256 = await hasher.sha256(handle, from, to)
      await hasher.stop()
      expect(hasher.hashedHere).toBe(true)
      expect(sha256).toBe(createHash('sha256').update(bytes.subarray(from, to)).digest('hex'))
    } finally {
      await handle.close()
    }
  })
})

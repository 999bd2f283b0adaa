/**
 * Validation receipts (receipts.ts): a snapshot checked once opens later without its
 * records going through zod again, and nothing else changes: bytes that are not the ones
 * the receipt covers, or schemas that are not the ones it was issued under, get the full
 * check and the same refusals as before.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { ProjectFile } from '../../../shared/model'
import { tempDir } from '../../../../test/support/folders'
import { sampleWithOneJournaledEdit } from '../../../../test/support/v2-sample'
import { DamagedProjectError, ProjectStore, type StoreOptions } from '../project-store'
import { compiledSchemaOf } from './collections'
import { listStoreFiles, snapshotName } from './format'
import { openCheckWorkerRunning } from './open-check'
import { peekTrailer, ReceiptBook, schemaFingerprint } from './receipts'

let dir: Awaited<ReturnType<typeof tempDir>>
let folder: string
let receipts: string
beforeEach(async () => {
  dir = await tempDir()
  folder = await sampleWithOneJournaledEdit(dir.path)
  receipts = join(dir.path, 'user-data', 'receipts')
})
afterEach(async () => {
  vi.restoreAllMocks()
  await dir.cleanup()
})

const options = (book: ReceiptBook, extra: StoreOptions = {}): StoreOptions => ({
  backups: false,
  compaction: { onClose: false },
  receipts: book,
  openCheck: { where: 'inline' },
  ...extra,
})

/**
 * Opens the project, counting the entity records checked meanwhile: each goes through the
 * compiled schema's validator (see collections.ts, checkValue), whether it is then kept as
 * read or parsed.
 */
async function openCounting(
  book: ReceiptBook,
  extra: StoreOptions = {},
): Promise<{ parsed: number; entities: unknown[]; store: ProjectStore }> {
  const schema = compiledSchemaOf('entities')!
  const spy = vi.spyOn(schema, 'validate')
  try {
    const store = await ProjectStore.open(folder, options(book, extra))
    return { parsed: spy.mock.calls.length, entities: [...store.data.entities], store }
  } finally {
    spy.mockRestore()
  }
}

async function snapshotPath(): Promise<string> {
  return join(folder, snapshotName((await listStoreFiles(folder)).snapshots[0]!))
}

describe('validation receipts', () => {
  it('are issued by a full check, and a reopen with one validates only the journal', async () => {
    const book = new ReceiptBook(receipts)
    const first = await openCounting(book)
    const entityCount = first.entities.length
    // Every entity line of the snapshot, and the journal's edit.
    expect(first.parsed).toBe(entityCount + 1)
    await first.store.close()
    const trailer = (await peekTrailer(await snapshotPath()))!
    expect(await book.has(trailer.sha256, trailer.records)).toBe(true)
    // Kept with the user, never in the project folder.
    expect(await readdir(receipts)).toEqual([`${trailer.sha256}.json`])

    const again = await openCounting(book)
    expect(again.parsed).toBe(1)
    expect(again.entities).toEqual(first.entities)
    expect(Object.isFrozen(again.store.data.entities[0])).toBe(true)
    await again.store.close()
  })

  it('do not let a snapshot changed after its receipt open: its bytes no longer match', async () => {
    const book = new ReceiptBook(receipts)
    await (await ProjectStore.open(folder, options(book))).close()
    const path = await snapshotPath()
    const trailer = (await peekTrailer(path))!
    expect(await book.has(trailer.sha256, trailer.records)).toBe(true)
    // A record edited by hand, the trailer (which the receipt is found by) left as it was.
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replace('"name":"Taliban"', '"name":"Talibon"'))
    const refused = await ProjectStore.open(folder, options(book)).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DamagedProjectError)
    expect((refused as DamagedProjectError).damage).toBe('checksum')
  })

  it('do not cover a snapshot rewritten with a new trailer: it gets the full check', async () => {
    const book = new ReceiptBook(receipts)
    await (await ProjectStore.open(folder, options(book))).close()
    const path = await snapshotPath()
    // A record made invalid and the trailer's sha256 recomputed to match: no receipt names it.
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n')
    const at = lines.findIndex((line) => line.includes('"name":"Taliban"'))
    lines[at] = lines[at]!.replace('"name":"Taliban"', '"name":""')
    const records = lines.slice(1, -1)
    const sha256 = createHash('sha256')
      .update(records.map((line) => `${line}\n`).join(''))
      .digest('hex')
    lines[lines.length - 1] = JSON.stringify({ end: true, records: records.length, sha256 })
    await writeFile(path, `${lines.join('\n')}\n`)
    const refused = await ProjectStore.open(folder, options(book)).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DamagedProjectError)
    expect((refused as DamagedProjectError).damage).toBe('schema')
    expect((refused as Error).message).toMatch(/a name is required/)
  })

  it('are void once the record schemas change (another fingerprint): every record is checked', async () => {
    const book = new ReceiptBook(receipts)
    const first = await openCounting(book)
    await first.store.close()
    const changed = new ReceiptBook(receipts, 'f'.repeat(64))
    const again = await openCounting(changed)
    expect(again.parsed).toBe(first.parsed)
    await again.store.close()
  })

  it('are issued by a compaction whose base had one', async () => {
    const book = new ReceiptBook(receipts)
    const opened = await ProjectStore.open(folder, options(book, { writeDelayMs: 0 }))
    opened.mutate((data) => {
      const at = data.entities.findIndex((e) => e.id === 'grp-nrf')
      data.entities[at] = { ...data.entities[at]!, name: 'Edited twice' }
    })
    await opened.flush()
    await opened.compact()
    await opened.close()
    const trailer = (await peekTrailer(await snapshotPath()))!
    expect(await book.has(trailer.sha256, trailer.records)).toBe(true)
    const again = await openCounting(book)
    // The new snapshot holds both edits and its journal is empty: nothing to validate.
    expect(again.parsed).toBe(0)
    expect(again.store.data.entities.find((e) => e.id === 'grp-nrf')?.name).toBe('Edited twice')
    await again.store.close()
  })
})

describe('the schema fingerprint', () => {
  it('changes with any change to a record schema', () => {
    const today = schemaFingerprint()
    expect(schemaFingerprint(ProjectFile)).toBe(today)
    const withField = ProjectFile.extend({ extra: z.array(z.string()).default([]) })
    expect(schemaFingerprint(withField)).not.toBe(today)
    const bounded = ProjectFile.extend({ entities: ProjectFile.shape.entities.max(10) })
    expect(schemaFingerprint(bounded)).not.toBe(today)
    const sourceKinds = ProjectFile.extend({
      sources: z.array(ProjectFile.shape.sources.element.extend({ kind: z.literal('post') })),
    })
    expect(schemaFingerprint(sourceKinds)).not.toBe(today)
  })
})

describe('the open-check worker', () => {
  it('is stopped when the project it checked closes', async () => {
    const store = await ProjectStore.open(folder, {
      backups: false,
      compaction: { onClose: false },
      openCheck: { where: 'worker' },
    })
    expect(openCheckWorkerRunning()).toBe(true)
    await store.close()
    expect(openCheckWorkerRunning()).toBe(false)
  })
})

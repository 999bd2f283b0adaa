/**
 * The v2 folder's promises: a torn last journal line is cut back, a crash between a
 * compaction's rename and its clean-up loses nothing, a replay twice is harmless, a
 * snapshot that fails its trailer is refused, a v1 file converts record for record, and
 * compaction gives the same records in a worker as inline.
 */
import { appendFile, cp, readdir, readFile, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectFile } from '../../../shared/model'
import { copySample, SAMPLE_DIR, tempDir } from '../../../../test/support/folders'
import { objectsIn } from '../../../../test/support/frozen'
import { readStored } from '../../../../test/support/stored'
import {
  DamagedProjectError,
  PROJECT_FILE,
  ProjectStore,
  type JournalEvent,
} from '../project-store'
import { COLLECTIONS } from './collections'
import { journalName, listStoreFiles, snapshotName, V1_KEPT_FILE } from './format'
import { ReceiptBook } from './receipts'

let dir: Awaited<ReturnType<typeof tempDir>>
let folder: string
beforeEach(async () => {
  dir = await tempDir()
  folder = await copySample(dir.path)
})
afterEach(async () => {
  await dir.cleanup()
})

const rename = (store: ProjectStore, id: string, name: string): void =>
  store.mutate((data) => {
    const index = data.entities.findIndex((e) => e.id === id)
    data.entities[index] = { ...data.entities[index]!, name }
  })

const nameOf = (file: ProjectFile, id: string): string | undefined =>
  file.entities.find((e) => e.id === id)?.name

/** Opens the sample (converting it), makes `edits` saved edits, and leaves it closed without compacting. */
async function editedSample(edits: number): Promise<void> {
  const store = await ProjectStore.open(folder, {
    writeDelayMs: 0,
    backups: false,
    compaction: { onClose: false },
  })
  for (let i = 1; i <= edits; i++) {
    rename(store, 'grp-nrf', `Edit ${i}`)
    await store.flush()
  }
  await store.close()
}

describe('converting a v1 project', () => {
  it('converts the sample to v2 on open with every record equal, keeping project.v1.json until the first compaction', async () => {
    const original = ProjectFile.parse(
      JSON.parse(await readFile(join(SAMPLE_DIR, PROJECT_FILE), 'utf8')),
    )
    const store = await ProjectStore.open(folder, { backups: false })
    expect(store.data).toEqual(original)
    const names = await readdir(folder)
    expect(names).toEqual(expect.arrayContaining([snapshotName(1), journalName(1), V1_KEPT_FILE]))
    expect(names).not.toContain(PROJECT_FILE)
    expect(await readStored(folder)).toEqual(original)
    // The kept v1 file is byte for byte the original.
    expect(await readFile(join(folder, V1_KEPT_FILE), 'utf8')).toBe(
      await readFile(join(SAMPLE_DIR, PROJECT_FILE), 'utf8'),
    )
    rename(store, 'grp-nrf', 'After conversion')
    await store.close()
    expect(await readdir(folder)).not.toContain(V1_KEPT_FILE)
    const reopened = await ProjectStore.open(folder)
    expect(reopened.data).toEqual({
      ...original,
      entities: original.entities.map((e) =>
        e.id === 'grp-nrf' ? { ...e, name: 'After conversion' } : e,
      ),
    })
    await reopened.close()
  })
})

describe('the journal', () => {
  it('cuts back a torn last line (a crash mid-append), says so in the log, and keeps every whole batch', async () => {
    await editedSample(3)
    const journal = join(folder, journalName(1))
    const whole = (await readFile(journal)).length
    await appendFile(journal, '{"s":99,"op":"put","c":"entities","id":"grp-nrf","v":{"na')
    const log: string[] = []
    const store = await ProjectStore.open(folder, { log: (line) => log.push(line) })
    expect(nameOf(store.data, 'grp-nrf')).toBe('Edit 3')
    // Cut back once the records are verified, before the next write can append.
    await store.verified
    expect(log.join('\n')).toMatch(/cut short by a crash.*cut back to \d+ bytes/)
    expect((await readFile(journal)).length).toBe(whole)
    // The next edit follows on from the last whole batch.
    rename(store, 'grp-nrf', 'Edit 4')
    await store.flush()
    expect(nameOf(await readStored(folder), 'grp-nrf')).toBe('Edit 4')
    await store.close()
  })

  it('cuts back an unfinished batch whose end never reached the disk', async () => {
    await editedSample(2)
    const journal = join(folder, journalName(1))
    const text = await readFile(journal, 'utf8')
    const lines = text.trimEnd().split('\n')
    // A two-op batch of which only the first op made it: no end mark.
    const last = JSON.parse(lines.at(-1)!) as { s: number }
    const noteId = (await readStored(folder)).notes[0]!.id
    await appendFile(
      journal,
      `${JSON.stringify({ s: last.s + 1, op: 'del', c: 'notes', id: noteId })}\n`,
    )
    const store = await ProjectStore.open(folder, { log: () => undefined })
    expect(store.data.notes.some((n) => n.id === noteId)).toBe(true)
    await store.close()
  })

  it('refuses damage that is not at the end, and moves the store aside with the backups offered', async () => {
    await editedSample(3)
    const journal = join(folder, journalName(1))
    const lines = (await readFile(journal, 'utf8')).split('\n')
    lines[1] = '{"s":'
    await writeFile(journal, lines.join('\n'))
    const error = await ProjectStore.open(folder).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DamagedProjectError)
    expect((error as DamagedProjectError).path).toBe(journal)
    expect((error as DamagedProjectError).files).toEqual(
      expect.arrayContaining([journal, join(folder, snapshotName(1))]),
    )
  })

  it('refuses a journal with a missing op (a gap in the sequence)', async () => {
    await editedSample(3)
    const journal = join(folder, journalName(1))
    const lines = (await readFile(journal, 'utf8')).trimEnd().split('\n')
    await writeFile(journal, `${[lines[0], lines[2]].join('\n')}\n`)
    const error = await ProjectStore.open(folder).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DamagedProjectError)
    expect((error as DamagedProjectError).message).toMatch(/an edit is missing/)
  })

  it('refuses records a journal op left inconsistent, on a first open and under a receipt', async () => {
    const book = new ReceiptBook(join(dir.path, 'receipts'))
    const store = await ProjectStore.open(folder, {
      writeDelayMs: 0,
      backups: false,
      compaction: { onClose: false },
      receipts: book,
    })
    // The snapshot is sound; the journal then deletes a source its quotes still name.
    const quoted = store.data.annotations[0]!.sourceId
    store.mutate((data) => {
      data.sources = data.sources.filter((source) => source.id !== quoted)
    })
    await store.flush()
    await store.close()
    const bytesOnDisk = async (): Promise<string[]> =>
      Promise.all(
        [snapshotName(1), journalName(1)].map(async (name) =>
          (await readFile(join(folder, name))).toString('base64'),
        ),
      )
    const before = await bytesOnDisk()
    for (const receipts of [undefined, book]) {
      // The records load (each one is sound); the pass over them together runs after.
      const opened = await ProjectStore.open(folder, {
        backups: false,
        writeDelayMs: 0,
        ...(receipts ? { receipts } : {}),
      })
      // An edit made before the verdict stays in memory: nothing may be written.
      opened.mutate((data) => {
        data.project = { ...data.project, name: 'Renamed before the verdict' }
      })
      const error = await opened.verified.catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DamagedProjectError)
      expect((error as DamagedProjectError).damage).toBe('integrity')
      expect((error as DamagedProjectError).message).toContain(`missing source "${quoted}"`)
      expect((error as DamagedProjectError).files).toEqual(
        expect.arrayContaining([join(folder, snapshotName(1)), join(folder, journalName(1))]),
      )
      expect(opened.isClosed).toBe(true)
      expect(() => opened.mutate(() => undefined)).toThrow(/closed just after it opened/)
      await expect(opened.flush()).rejects.toBeInstanceOf(DamagedProjectError)
      await expect(opened.backupNow('manual')).rejects.toBeInstanceOf(DamagedProjectError)
      await opened.close()
      expect(await bytesOnDisk()).toEqual(before)
      expect(await listStoreFiles(folder)).toEqual({ snapshots: [1], journals: [1] })
    }
  })

  it('replays twice harmlessly: ops the snapshot already holds are skipped', async () => {
    await editedSample(3)
    const journal = await readFile(join(folder, journalName(1)))
    const store = await ProjectStore.open(folder, { compaction: { where: 'inline' } })
    await store.close()
    // The compacted snapshot (generation 2) holds every op of journal 1; put journal 1
    // back beside it, as a crash before its deletion would leave it, and replay it again.
    await writeFile(join(folder, journalName(1)), journal)
    const reopened = await ProjectStore.open(folder)
    expect(nameOf(reopened.data, 'grp-nrf')).toBe('Edit 3')
    // Files of folded generations go once the records are verified.
    await reopened.verified
    expect(await listStoreFiles(folder)).toEqual({ snapshots: [2], journals: [2] })
    await reopened.close()
  })

  it('tells a follower about every batch on disk, with its sequence numbers, and about resets', async () => {
    const store = await ProjectStore.open(folder, { writeDelayMs: 0, backups: false })
    const events: JournalEvent[] = []
    const stop = store.onJournal((event) => events.push(event))
    rename(store, 'grp-nrf', 'Followed')
    await store.flush()
    store.replaceAll({ ...store.data })
    await store.flush()
    stop()
    rename(store, 'grp-nrf', 'Not followed')
    await store.close()
    expect(events).toEqual([
      {
        kind: 'ops',
        entries: [
          expect.objectContaining({ seq: 2, op: 'put', collection: 'entities', id: 'grp-nrf' }),
        ],
      },
      { kind: 'reset', seq: 3 },
    ])
  })
})

describe('a large batch', () => {
  it('is written whole although serialized in slices, and an edit made while it is written goes in the next batch', async () => {
    const options = {
      writeDelayMs: 60_000,
      backups: false as const,
      compaction: { onClose: false },
    }
    const store = await ProjectStore.open(folder, options)
    const first = store.data.entities[0]!
    // Megabytes of records: more than one slice's few milliseconds of serializing.
    const long = 'A long description of a group, written out. '.repeat(40)
    store.mutate((data) => {
      for (let n = 0; n < 1_500; n++) {
        data.entities.push({ ...first, id: `bulk-${n}`, name: `Bulk ${n}`, description: long })
      }
    })
    const writing = store.flush()
    // The batch's records were taken when the write began: this edit is the next batch's.
    rename(store, 'bulk-1499', 'Renamed while written')
    rename(store, first.id, 'Also renamed meanwhile')
    await writing
    await store.flush()
    await store.close()
    const reopened = await ProjectStore.open(folder, options)
    expect(reopened.data.entities.filter((e) => e.id.startsWith('bulk-'))).toHaveLength(1_500)
    expect(nameOf(reopened.data, 'bulk-1499')).toBe('Renamed while written')
    expect(nameOf(reopened.data, first.id)).toBe('Also renamed meanwhile')
    expect(nameOf(reopened.data, 'bulk-1498')).toBe('Bulk 1498')
    await reopened.close()
  })
})

describe('compaction', () => {
  it('survives a crash between the new snapshot’s rename and the old generation’s deletion', async () => {
    await editedSample(3)
    const oldSnapshot = await readFile(join(folder, snapshotName(1)))
    const oldJournal = await readFile(join(folder, journalName(1)))
    const store = await ProjectStore.open(folder, { compaction: { where: 'inline' } })
    await store.compact()
    await store.close()
    // As if the deletions after the rename had not happened.
    await writeFile(join(folder, snapshotName(1)), oldSnapshot)
    await writeFile(join(folder, journalName(1)), oldJournal)
    const reopened = await ProjectStore.open(folder)
    expect(nameOf(reopened.data, 'grp-nrf')).toBe('Edit 3')
    await reopened.verified
    expect((await listStoreFiles(folder)).snapshots).toEqual([2])
    await reopened.close()
  })

  it('survives a crash before the new snapshot’s rename: the old generation is still whole', async () => {
    await editedSample(3)
    await writeFile(join(folder, `.${snapshotName(2)}.999999.0123456789ab.tmp`), '{"format":')
    const store = await ProjectStore.open(folder)
    expect(nameOf(store.data, 'grp-nrf')).toBe('Edit 3')
    await store.close()
  })

  it('makes the same records in a worker thread as inline, folding several journals', async () => {
    await editedSample(2)
    const inline = join(dir.path, 'inline')
    await cp(folder, inline, { recursive: true })
    const inWorker = await ProjectStore.open(folder, {
      writeDelayMs: 0,
      compaction: { where: 'worker' },
    })
    const inMemory = inWorker.data
    await inWorker.compact()
    const other = await ProjectStore.open(inline, {
      compaction: { where: 'inline', onClose: false },
    })
    await other.compact()
    await other.close()
    expect(await readFile(join(inline, snapshotName(2)), 'utf8')).toBe(
      await readFile(join(folder, snapshotName(2)), 'utf8'),
    )
    rename(inWorker, 'grp-nrf', 'After the worker')
    await inWorker.close()
    expect(await readStored(folder)).toEqual({
      ...inMemory,
      entities: inMemory.entities.map((e) =>
        e.id === 'grp-nrf' ? { ...e, name: 'After the worker' } : e,
      ),
    })
  })

  it('starts on its own when the journal passes its op count', async () => {
    const store = await ProjectStore.open(folder, {
      writeDelayMs: 0,
      backups: false,
      compaction: { maxJournalOps: 3, onClose: false },
    })
    for (let i = 1; i <= 4; i++) {
      rename(store, 'grp-nrf', `Edit ${i}`)
      await store.flush()
    }
    await store.close()
    expect((await listStoreFiles(folder)).snapshots[0]).toBeGreaterThan(1)
    expect(nameOf(await readStored(folder), 'grp-nrf')).toBe('Edit 4')
  })
})

describe('a damaged snapshot', () => {
  it('refuses one whose records do not match its trailer, moves the store aside and offers the backups', async () => {
    const { Workspace } = await import('../workspace')
    const workspace = new Workspace({
      userDataDir: join(dir.path, 'user'),
      store: { writeDelayMs: 0 },
    })
    await workspace.open(folder)
    await workspace.current.backupNow('manual')
    await workspace.close()
    const { snapshots } = await listStoreFiles(folder)
    const path = join(folder, snapshotName(snapshots[0]!))
    const text = await readFile(path, 'utf8')
    // A changed letter that still parses and validates: only the checksum can tell.
    await writeFile(
      path,
      text.replace('"name":"National Resistance Front"', '"name":"National Resistance Frunt"'),
    )
    await expect(workspace.open(folder)).rejects.toThrow(
      /do not match its trailer.*1 backup is available/s,
    )
    const status = await workspace.status()
    expect(status.failure).toMatchObject({ damage: 'checksum' })
    expect(status.failure?.movedTo).toMatch(/snapshot\.\d+\.jsonl\.corrupt-/)
    expect((await listStoreFiles(folder)).snapshots).toEqual([])
    const restored = await workspace.restoreBackup(status.failure!.backups[0]!.id, folder)
    expect(nameOf(restored.data, 'grp-nrf')).toBe('National Resistance Front')
    await workspace.close()
  })

  it('refuses a snapshot cut short', async () => {
    await editedSample(1)
    const path = join(folder, snapshotName(1))
    const size = (await readFile(path)).length
    await truncate(path, Math.floor(size / 2))
    const error = await ProjectStore.open(folder).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DamagedProjectError)
    expect((error as DamagedProjectError).damage).toBe('truncated')
  })
})

describe('records once saved', () => {
  it('are frozen: an in-place edit throws instead of being silently left unsaved', async () => {
    const store = await ProjectStore.open(folder, { backups: false })
    expect(() =>
      store.mutate((data) => {
        ;(data.entities[0] as { name: string }).name = 'Edited in place'
      }),
    ).toThrow(TypeError)
    await store.close()
  })
})

describe('fields (project meta, views)', () => {
  it('are edited in place after a reopen of the v2 folder, and the edit is saved', async () => {
    await editedSample(1)
    const store = await ProjectStore.open(folder, { writeDelayMs: 0, backups: false })
    store.mutate((data) => {
      data.views.gridColumns = { ...data.views.gridColumns, entities: [] }
      data.project.name = 'Renamed in place'
    })
    await store.close()
    const stored = await readStored(folder)
    expect(stored.views.gridColumns?.entities).toEqual([])
    expect(stored.project.name).toBe('Renamed in place')
  })
})

describe('a batch', () => {
  it('writes an edit made while the batch before it was on its way to the disk', async () => {
    const store = await ProjectStore.open(folder, {
      writeDelayMs: 60_000,
      backups: false,
      compaction: { onClose: false },
    })
    rename(store, 'grp-nrf', 'First')
    // The batch finds what changed at once, then waits for the disk; the next edit comes meanwhile.
    const writing = store.flush()
    rename(store, 'grp-nrf', 'Second')
    await writing
    await store.flush()
    const onDisk = await readStored(folder)
    expect(nameOf(onDisk, 'grp-nrf')).toBe('Second')
    await store.close()
  })

  it('writes a collection the edit replaced whole, and a record it deleted', async () => {
    const store = await ProjectStore.open(folder, {
      writeDelayMs: 60_000,
      backups: false,
      compaction: { onClose: false },
    })
    const [, ...kept] = store.data.relations
    // Replaced without being read inside the edit: the assignment alone is noted.
    store.mutate((data) => {
      data.relations = kept
    })
    await store.flush()
    const onDisk = await readStored(folder)
    expect(onDisk.relations.map((r) => r.id)).toEqual(kept.map((r) => r.id))
    await store.close()
  })
})

describe('records as an open leaves them', () => {
  it('are frozen all through, read validating, under a receipt, or with a journal replayed', async () => {
    const seen = new ReceiptBook(join(dir.path, 'receipts'))
    const everyRecordFrozen = (store: ProjectStore): boolean =>
      COLLECTIONS.every((name) =>
        (store.data as unknown as Record<string, unknown[]>)[name]!.every((record) =>
          objectsIn(record).every((object) => Object.isFrozen(object)),
        ),
      )
    // Converted from v1 and compacted on close: the next open reads a snapshot.
    await (await ProjectStore.open(folder, { backups: false })).close()
    // A first open (no receipt; it issues one), then a reopen under that receipt.
    const first = await ProjectStore.open(folder, {
      backups: false,
      receipts: seen,
      compaction: { onClose: false },
    })
    expect(first.data.annotations.length).toBeGreaterThan(0)
    expect(everyRecordFrozen(first)).toBe(true)
    first.mutate((data) => {
      const annotation = data.annotations[0]!
      data.annotations[0] = { ...annotation, comment: 'Edited', tags: [...annotation.tags, 'x'] }
    })
    await first.close()
    const reopened = await ProjectStore.open(folder, { backups: false, receipts: seen })
    expect(reopened.data.annotations[0]!.comment).toBe('Edited')
    expect(everyRecordFrozen(reopened)).toBe(true)
    await reopened.close()
  })
})

/**
 * Many records put at once (an import) are journaled a part at a time as one batch, with
 * the event loop free between parts, and reach memory together once the batch is on disk.
 * A crash midway leaves nothing of them; a put given up changes nothing; a disk that refuses
 * a part leaves memory as it was.
 */
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Entity } from '../../../shared/model'
import { copySample, tempDir } from '../../../../test/support/folders'
import { realFs, type WriteFs } from '../durable-write'
import { ProjectStore, type JournalEvent } from '../project-store'
import type { RecordPut } from './collections'

let dir: Awaited<ReturnType<typeof tempDir>>
let folder: string
beforeEach(async () => {
  dir = await tempDir()
  folder = await copySample(dir.path)
})
afterEach(async () => {
  await dir.cleanup()
})

const options = { writeDelayMs: 0, backups: false as const, compaction: { onClose: false } }

function entities(count: number): RecordPut[] {
  const at = '2026-01-01T00:00:00.000Z'
  return Array.from({ length: count }, (_, n) => {
    const record: Entity = {
      id: `imported-${n}`,
      type: 'group',
      name: `Imported group ${n}`,
      aliases: [],
      description: '',
      attributes: {},
      createdAt: at,
      updatedAt: at,
    } as unknown as Entity
    return { collection: 'entities', record }
  })
}

const imported = (store: ProjectStore): number =>
  store.data.entities.filter((e) => e.id.startsWith('imported-')).length

describe('putting many records at once', () => {
  it('writes them in parts, the event loop free between, and shows them only when all are on disk', async () => {
    const store = await ProjectStore.open(folder, options)
    const before = store.data.entities.length
    const revision = store.revision
    let turns = 0
    const ticker = setInterval(() => turns++, 0)
    let seenMidway = -1
    let asked = 0
    const done = await store.putRecords(entities(2_200), () => {
      if (++asked === 2) seenMidway = imported(store)
      return true
    })
    clearInterval(ticker)
    expect(done).toBe(true)
    expect(seenMidway).toBe(0)
    expect(asked).toBeGreaterThanOrEqual(4)
    expect(turns).toBeGreaterThan(0)
    expect(imported(store)).toBe(2_200)
    expect(store.data.entities.length).toBe(before + 2_200)
    expect(store.revision).toBe(revision + 1)
    await store.close()

    const reopened = await ProjectStore.open(folder, options)
    expect(imported(reopened)).toBe(2_200)
    await reopened.close()
  })

  it('leaves nothing of them after a crash midway, and every edit made before', async () => {
    const store = await ProjectStore.open(folder, options)
    store.mutate((data) => {
      data.project.description = 'Edited before the import'
    })
    await store.flush()
    const crashed = join(dir.path, 'crashed')
    let asked = 0
    await store.putRecords(entities(2_200), () => {
      // The disk as a crash after the second part would leave it, copied before the store
      // goes on (a copy left running raced the later parts, and under load took them too).
      if (++asked === 2) cpSync(folder, crashed, { recursive: true })
      return true
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    await store.close()

    const logged: string[] = []
    const reopened = await ProjectStore.open(crashed, { ...options, log: (m) => logged.push(m) })
    expect(imported(reopened)).toBe(0)
    expect(reopened.data.project.description).toBe('Edited before the import')
    await reopened.verified
    expect(logged.join('\n')).toMatch(/cut short by a crash/)
    await reopened.close()
  })

  it('changes nothing when given up between parts, and later edits are saved as usual', async () => {
    const store = await ProjectStore.open(folder, options)
    let asked = 0
    const done = await store.putRecords(entities(2_200), () => ++asked < 3)
    expect(done).toBe(false)
    expect(imported(store)).toBe(0)
    store.mutate((data) => {
      data.project.description = 'After the import was given up'
    })
    await store.close()

    const reopened = await ProjectStore.open(folder, options)
    expect(imported(reopened)).toBe(0)
    expect(reopened.data.project.description).toBe('After the import was given up')
    await reopened.close()
  })

  it('leaves memory as it was when the disk refuses a part', async () => {
    let journalOpens = 0
    const failing: WriteFs = {
      ...realFs,
      open: (async (path: Parameters<typeof realFs.open>[0], ...rest: unknown[]) => {
        if (String(path).includes('journal.') && ++journalOpens === 3) {
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        }
        return (realFs.open as (...args: unknown[]) => unknown)(path, ...rest)
      }) as WriteFs['open'],
    }
    const store = await ProjectStore.open(folder, { ...options, fs: failing })
    await store.flush()
    journalOpens = 0
    await expect(store.putRecords(entities(2_200), () => true)).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringMatching(/^Nothing was added.*disk is full/),
    })
    expect(imported(store)).toBe(0)
    store.mutate((data) => {
      data.project.description = 'After the refused import'
    })
    await store.close()

    const reopened = await ProjectStore.open(folder, options)
    expect(imported(reopened)).toBe(0)
    expect(reopened.data.project.description).toBe('After the refused import')
    await reopened.close()
  })

  it('saves later edits of the records it put, and of those it replaced', async () => {
    const store = await ProjectStore.open(folder, options)
    const first = store.data.entities[0]!
    const replacement = { ...first, description: 'Replaced by the batch' }
    const puts = [...entities(1_200), { collection: 'entities', record: replacement }]
    expect(await store.putRecords(puts, () => true)).toBe(true)
    expect(store.data.entities.find((e) => e.id === first.id)?.description).toBe(
      'Replaced by the batch',
    )
    store.mutate((data) => {
      const at = data.entities.findIndex((e) => e.id === 'imported-3')
      data.entities[at] = { ...data.entities[at]!, name: 'Renamed after the import' }
      data.entities = data.entities.filter((e) => e.id !== 'imported-4')
    })
    await store.flush()
    store.mutate((data) => {
      data.entities.push({ ...data.entities[0]!, id: 'added-after', name: 'Added after' })
    })
    await store.close()

    const reopened = await ProjectStore.open(folder, options)
    expect(imported(reopened)).toBe(1_199)
    expect(reopened.data.entities.find((e) => e.id === 'imported-3')?.name).toBe(
      'Renamed after the import',
    )
    expect(reopened.data.entities.find((e) => e.id === first.id)?.description).toBe(
      'Replaced by the batch',
    )
    expect(reopened.data.entities.find((e) => e.id === 'added-after')?.name).toBe('Added after')
    expect(reopened.data.entities.filter((e) => e.id === first.id)).toHaveLength(1)
    await reopened.close()
  })

  it('keeps an edit made while its last part was written, with every record it put', async () => {
    const store = await ProjectStore.open(folder, options)
    const before = store.data.entities.length
    let asked = 0
    const done = await store.putRecords(entities(1_200), () => {
      // Asked last before the last part is written: an edit lands while it is.
      if (++asked === 3) {
        store.mutate((data) => {
          data.entities[0] = { ...data.entities[0]!, description: 'Edited during the import' }
        })
      }
      return true
    })
    expect(done).toBe(true)
    expect(store.data.entities.length).toBe(before + 1_200)
    expect(store.data.entities[0]!.description).toBe('Edited during the import')
    await store.close()

    const reopened = await ProjectStore.open(folder, options)
    expect(imported(reopened)).toBe(1_200)
    expect(reopened.data.entities[0]!.description).toBe('Edited during the import')
    await reopened.close()
  })

  it('tells whoever follows the journal of every record once the batch is on disk', async () => {
    const store = await ProjectStore.open(folder, options)
    const early: JournalEvent[] = []
    const late: JournalEvent[] = []
    store.onJournal((event) => early.push(event))
    let asked = 0
    const puts = entities(1_200)
    await store.putRecords(puts, () => {
      // One follower from the start, one that comes midway: both hear of the whole batch.
      if (++asked === 2) store.onJournal((event) => late.push(event))
      return true
    })
    for (const events of [early, late]) {
      expect(events).toHaveLength(1)
      const event = events[0]!
      if (event.kind !== 'ops') throw new Error('expected ops')
      expect(event.entries.map((entry) => entry.id)).toEqual(puts.map((put) => put.record.id))
      const first = event.entries[0]!.seq
      expect(event.entries.map((entry) => entry.seq)).toEqual(puts.map((_, n) => first + n))
      expect(event.entries[5]).toMatchObject({ op: 'put', collection: 'entities' })
      expect(event.entries[5]!.value).toBe(store.data.entities.find((e) => e.id === 'imported-5'))
    }
    await store.close()
  })

  it('journals parts as they come, with their JSON as given, and gives all up when their source fails', async () => {
    const store = await ProjectStore.open(folder, options)
    // The journal takes the JSON as given, never serializing the record again (the caller
    // vouches they are the same; here they differ, to tell which was written).
    const puts = entities(1_200).map((put) => ({
      ...put,
      json: JSON.stringify({ ...put.record, description: 'As journaled' }),
    }))
    const parts = async function* (failAt: number | null): AsyncGenerator<RecordPut[]> {
      for (let start = 0, n = 0; start < puts.length; start += 400, n++) {
        if (n === failAt) throw new Error('the worker stopped')
        await new Promise((resolve) => setImmediate(resolve))
        yield puts.slice(start, start + 400)
      }
    }
    await expect(store.putRecordParts(parts(2), () => true)).rejects.toThrow('the worker stopped')
    expect(imported(store)).toBe(0)
    expect(await store.putRecordParts(parts(null), () => true)).toBe(true)
    expect(imported(store)).toBe(1_200)
    await store.close()

    const reopened = await ProjectStore.open(folder, options)
    expect(imported(reopened)).toBe(1_200)
    expect(reopened.data.entities.find((e) => e.id === 'imported-7')).toMatchObject({
      name: 'Imported group 7',
      description: 'As journaled',
    })
    await reopened.close()
  })
})

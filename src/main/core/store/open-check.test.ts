/**
 * Opening with the checks in a worker thread (store/open-check.ts) ends exactly as opening
 * with them on the main thread: the same records when the files are sound, the same
 * refusal (kind, file, message) when a record fails its schema, a snapshot its trailer,
 * or the records their integrity; a record its schema reshapes is kept as reshaped.
 */
import { appendFile, cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../../test/support/folders'
import { sampleWithOneJournaledEdit } from '../../../../test/support/v2-sample'
import { DamagedProjectError, ProjectStore } from '../project-store'
import { journalName, snapshotName } from './format'

let dir: Awaited<ReturnType<typeof tempDir>>
let folder: string
beforeEach(async () => {
  dir = await tempDir()
  folder = await sampleWithOneJournaledEdit(dir.path)
})
afterEach(async () => {
  await dir.cleanup()
})

type Outcome =
  | { opened: unknown; frozen: boolean }
  | { refused: string; damage: string | undefined; path: string | undefined; message: string }

/** Opens a copy of `folder` with the checks where asked, as an outcome free of the copy's path. */
async function openCopy(where: 'worker' | 'inline', log: string[] = []): Promise<Outcome> {
  const copy = join(dir.path, where)
  await cp(folder, copy, { recursive: true })
  const unplaced = (text: string | undefined): string | undefined => text?.replaceAll(copy, '…')
  try {
    const store = await ProjectStore.open(copy, {
      backups: false,
      compaction: { onClose: false },
      openCheck: { where },
      log: (line) => log.push(line),
    })
    // The integrity pass runs after the open resolves: its refusal counts as the open's.
    await store.verified
    const outcome = { opened: store.data, frozen: Object.isFrozen(store.data.entities[0]) }
    await store.close()
    return outcome
  } catch (error) {
    const damaged = error instanceof DamagedProjectError ? error : undefined
    return {
      refused: (error as Error).name,
      damage: damaged?.damage,
      path: unplaced(damaged?.path),
      message: unplaced((error as Error).message)!,
    }
  }
}

/** Appends one batch of one op to journal 1, following the last op. */
async function appendOp(op: Record<string, unknown>): Promise<void> {
  const journal = join(folder, journalName(1))
  const lines = (await readFile(journal, 'utf8')).trimEnd().split('\n')
  const last = JSON.parse(lines.at(-1)!) as { s: number }
  await appendFile(journal, `${JSON.stringify({ s: last.s + 1, ...op, e: 1 })}\n`)
}

async function entity(id: string): Promise<Record<string, unknown>> {
  const text = await readFile(join(folder, snapshotName(1)), 'utf8')
  const line = text.split('\n').find((l) => l.includes(`"id":"${id}"`))!
  return (JSON.parse(line) as { v: Record<string, unknown> }).v
}

describe('opening with the checks in a worker', () => {
  it('gives the records a main-thread open gives, frozen, without falling back', async () => {
    const log: string[] = []
    const inWorker = await openCopy('worker', log)
    expect(inWorker).toMatchObject({ frozen: true })
    expect(inWorker).toEqual(await openCopy('inline'))
    expect(log.join('\n')).not.toMatch(/checked on the main thread/)
  })

  it('refuses a record that fails its schema, as a main-thread open does', async () => {
    await appendOp({
      op: 'put',
      c: 'entities',
      id: 'grp-nrf',
      v: { ...(await entity('grp-nrf')), name: '' },
    })
    const inWorker = await openCopy('worker')
    expect(inWorker).toMatchObject({ refused: 'DamagedProjectError', damage: 'schema' })
    expect((inWorker as { message: string }).message).toMatch(
      /entities\.grp-nrf\.name: a name is required/,
    )
    expect(inWorker).toEqual(await openCopy('inline'))
  })

  it('refuses a snapshot whose records do not match its trailer, as a main-thread open does', async () => {
    const path = join(folder, snapshotName(1))
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.replace('"name":"Taliban"', '"name":"Talibon"'))
    const inWorker = await openCopy('worker')
    expect(inWorker).toMatchObject({ refused: 'DamagedProjectError', damage: 'checksum' })
    expect(inWorker).toEqual(await openCopy('inline'))
  })

  it('refuses records that point to one deleted, as a main-thread open does', async () => {
    const text = await readFile(join(folder, snapshotName(1)), 'utf8')
    const relation = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { c?: string; v?: { from: string } })
      .find((l) => l.c === 'relations')!
    await appendOp({ op: 'del', c: 'entities', id: relation.v!.from })
    const inWorker = await openCopy('worker')
    expect(inWorker).toMatchObject({ refused: 'DamagedProjectError', damage: 'integrity' })
    expect((inWorker as { message: string }).message).toMatch(/links a missing entity/)
    expect(inWorker).toEqual(await openCopy('inline'))
  })

  it('keeps a record as its schema shapes it (a name trimmed), as a main-thread open does', async () => {
    await appendOp({
      op: 'put',
      c: 'entities',
      id: 'grp-nrf',
      v: { ...(await entity('grp-nrf')), name: '  Padded name  ' },
    })
    const inWorker = await openCopy('worker')
    const entities = (inWorker as { opened: { entities: { id: string; name: string }[] } }).opened
      .entities
    expect(entities.find((e) => e.id === 'grp-nrf')?.name).toBe('Padded name')
    expect(inWorker).toEqual(await openCopy('inline'))
  })
})

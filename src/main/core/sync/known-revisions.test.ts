/**
 * The known revisions are saved in parts beside the sync state: a save writes what changed
 * (not every record), reading them back gives what was saved, and a new generation
 * replaces the old parts once they grow past the records they name.
 */
import { join } from 'node:path'
import PouchDB, { type PouchDB as Pouch } from 'pouchdb-node'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { tempDir } from '../../../../test/support/folders'
import { knownPartId, KnownRevisions, type SavedKnown } from './known-revisions'

let dir: { path: string; cleanup: () => Promise<void> }
let db: Pouch.Database<Record<string, unknown>>
let state: SavedKnown

beforeEach(async () => {
  dir = await tempDir('sightline-known-')
  db = new PouchDB(join(dir.path, 'mirror'))
  state = {}
})

afterEach(async () => {
  await db.close()
  await dir.cleanup()
})

/** Saves as the sync state does: the parts, then the state naming them. */
async function save(known: KnownRevisions): Promise<void> {
  const saved = await known.save(db)
  state = { ...saved.fields }
  await saved.commit()
}

async function partSizes(generation: number, parts: number): Promise<number[]> {
  const sizes: number[] = []
  for (let index = 0; index < parts; index++) {
    const part = (await db.get(knownPartId(generation, index))) as unknown as { known: object }
    sizes.push(Object.keys(part.known).length)
  }
  return sizes
}

it('writes only what changed since the last save, and reads back every entry', async () => {
  const known = await KnownRevisions.load(db, state)
  for (let i = 0; i < 5000; i++) known.set(`entities:${i}`, `1-a${i}`)
  await save(known)
  expect(state).toEqual({ knownGeneration: 0, knownParts: 3 })
  known.set('entities:7', '2-b7')
  known.set('notes:1', '1-n1')
  expect(known.unsaved).toBe(true)
  await save(known)
  // The newest part (1000 entries) took the two changes; the others were not written again.
  expect(state).toEqual({ knownGeneration: 0, knownParts: 3 })
  expect(await partSizes(0, 3)).toEqual([2000, 2000, 1002])
  expect(known.unsaved).toBe(false)

  const again = await KnownRevisions.load(db, state)
  expect(again.get('entities:7')).toBe('2-b7')
  expect(again.get('entities:4999')).toBe('1-a4999')
  expect(again.get('notes:1')).toBe('1-n1')
  expect(again.get('entities:5000')).toBeUndefined()
})

it('begins a new part once the newest is full, and a new generation once the parts hold twice the records', async () => {
  const known = await KnownRevisions.load(db, state)
  for (let i = 0; i < 100; i++) known.set(`entities:${i}`, `1-a${i}`)
  await save(known)
  for (let i = 100; i < 2600; i++) known.set(`entities:${i}`, `1-a${i}`)
  await save(known)
  expect(state).toEqual({ knownGeneration: 0, knownParts: 3 })
  expect(await partSizes(0, 3)).toEqual([100, 2000, 500])
  // The same records edited again and again: the parts fill with entries of older revisions.
  for (let round = 2; round <= 6; round++) {
    for (let i = 0; i < 2600; i += 2) known.set(`entities:${i}`, `${round}-a${i}`)
    await save(known)
  }
  expect(state.knownGeneration, 'written again whole').toBe(1)
  expect((await partSizes(1, state.knownParts!)).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(
    2 * 2600 + 2000,
  )
  await expect(db.get(knownPartId(0, 0)), 'the old generation is removed').rejects.toMatchObject({
    status: 404,
  })
  const reopened = await KnownRevisions.load(db, state)
  expect(reopened.get('entities:42')).toBe('6-a42')
  expect(reopened.get('entities:43')).toBe('1-a43')
})

it('takes the whole list an older mirror kept in its state, and writes it out as parts', async () => {
  const known = await KnownRevisions.load(db, { known: { 'entities:1': '3-c' } })
  expect(known.get('entities:1')).toBe('3-c')
  expect(known.unsaved).toBe(true)
  await save(known)
  expect(state).toEqual({ knownGeneration: 1, knownParts: 1 })
  expect((await KnownRevisions.load(db, state)).get('entities:1')).toBe('3-c')
})

it('keeps what a failed save did not record, for the next save', async () => {
  const known = await KnownRevisions.load(db, state)
  known.set('entities:1', '1-a')
  const saved = await known.save(db)
  // The state document naming the part could not be written.
  saved.undo()
  expect(known.unsaved).toBe(true)
  await save(known)
  expect((await KnownRevisions.load(db, state)).get('entities:1')).toBe('1-a')
})

/**
 * Remote changes reach the store a slice at a time (sync-client.ts): each slice stops when
 * its budget is spent, the positions of the records are kept from one slice to the next,
 * and found again when any other edit came between two slices.
 */
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Entity } from '../../../shared/model'
import { tempDir } from '../../../../test/support/folders'
import { ProjectStore } from '../project-store'
import { StorePositions } from './sync-client'
import type { StoreChange } from './sync-store'

let dir: Awaited<ReturnType<typeof tempDir>>
let store: ProjectStore
beforeEach(async () => {
  dir = await tempDir()
  const at = '2026-01-01T00:00:00.000Z'
  store = await ProjectStore.create(
    join(dir.path, 'p'),
    { id: 'p1', name: 'Positions', description: '', createdAt: at, updatedAt: at },
    { backups: false, compaction: { onClose: false } },
  )
})
afterEach(async () => {
  await store.close()
  await dir.cleanup()
})

function group(id: string, name = `Group ${id}`): Entity {
  const at = '2026-01-01T00:00:00.000Z'
  return {
    id,
    type: 'group',
    name,
    aliases: [],
    description: '',
    attributes: {},
    createdAt: at,
    updatedAt: at,
  } as Entity
}

const put = (entity: Entity): StoreChange => ({
  collection: 'entities',
  id: entity.id,
  value: entity as never,
})
const del = (id: string): StoreChange => ({ collection: 'entities', id, value: null })

/** Applies every change, a slice at a time; answers how many slices it took. */
function applyAll(positions: StorePositions, changes: StoreChange[], budgetMs: number): number {
  let slices = 0
  for (let at = 0; at < changes.length; slices++) {
    const next = positions.apply(store, changes, at, budgetMs)
    expect(next).toBeGreaterThan(at)
    at = next
  }
  return slices
}

const names = (): string[] => store.data.entities.map((e) => `${e.id}=${e.name}`)

it('applies changes in slices that stop at their budget, leaving what one edit of them all would', async () => {
  const positions = new StorePositions()
  const created = Array.from({ length: 100 }, (_, n) => group(`g${n}`))
  // No time at all: each slice stops at its first look at the clock (every 16 changes).
  expect(applyAll(positions, created.map(put), 0)).toBe(Math.ceil(100 / 16))
  expect(store.data.entities.map((e) => e.id)).toEqual(created.map((e) => e.id))

  const changes = [
    put(group('g5', 'Renamed five')),
    del('g7'),
    del('missing'),
    put(group('new', 'Added later')),
    del('g9'),
    put(group('g9', 'Back again')),
    put(group('g99', 'Renamed last')),
  ]
  applyAll(positions, changes, 0)
  const expected = created
    .filter((e) => e.id !== 'g7')
    .map((e) =>
      e.id === 'g5'
        ? `g5=Renamed five`
        : e.id === 'g9'
          ? 'g9=Back again'
          : e.id === 'g99'
            ? 'g99=Renamed last'
            : `${e.id}=${e.name}`,
    )
  expect(names()).toEqual([...expected, 'new=Added later'])
  await store.flush()
  const reopened = await ProjectStore.open(store.folder, { backups: false })
  expect(reopened.data.entities.map((e) => `${e.id}=${e.name}`)).toEqual(names())
  await reopened.close()
})

it('finds the positions again when another edit came between two slices', () => {
  const positions = new StorePositions()
  applyAll(positions, [put(group('a')), put(group('b')), put(group('c'))], 10)
  // Another edit puts a different record where "a" was, in the same array.
  store.mutate((data) => {
    data.entities[0] = group('d', 'In place of a')
    data.entities.reverse()
  })
  applyAll(positions, [put(group('d', 'Updated d')), put(group('a', 'A again'))], 10)
  expect(names()).toEqual(['c=Group c', 'b=Group b', 'd=Updated d', 'a=A again'])
})

/**
 * FilesViewReader: after an edit, a second read of the project's files reads only the ops
 * appended since the first, and gives what a whole read gives; another snapshot is read
 * whole.
 */
import { rename } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { copySample, tempDir } from '../../../../test/support/folders'
import { ProjectStore } from '../project-store'
import type { StoreFilesView } from './folder'
import { FilesViewReader, readFilesView } from './loader'

let dir: Awaited<ReturnType<typeof tempDir>>
let store: ProjectStore
beforeEach(async () => {
  dir = await tempDir('sightline-files-view-')
  store = await ProjectStore.open(await copySample(dir.path), {
    writeDelayMs: 0,
    backups: false,
    compaction: { onClose: false },
  })
})
afterEach(async () => {
  await store.close()
  await dir.cleanup()
})

/** The store's files as they are now, every edit written. */
async function view(): Promise<StoreFilesView> {
  const read = await store.readFiles(async (files) => files)
  if (!read) throw new Error('the store offered no files')
  return read.value
}

function describeFirstEntity(description: string): void {
  store.mutate((data) => {
    data.entities[0] = { ...data.entities[0]!, description }
  })
}

describe('reading the files of a project again after an edit', () => {
  it('reads only the new ops, and gives what a whole read gives', async () => {
    const reader = new FilesViewReader()
    describeFirstEntity('first edit')
    await reader.read(await view())
    describeFirstEntity('second edit')
    store.mutate((data) => {
      data.entities.splice(1, 1)
    })
    const next = await view()
    // Without its snapshot only a read of the appended ops can succeed.
    const moved = `${next.snapshot}.away`
    await rename(next.snapshot, moved)
    let resumed: Record<string, unknown>
    try {
      resumed = await reader.read(next)
    } finally {
      await rename(moved, next.snapshot)
    }
    expect(resumed).toEqual(await readFilesView(next))
    const entities = resumed.entities as { description: string }[]
    expect(entities[0]!.description).toBe('second edit')
    expect(entities).toHaveLength(store.data.entities.length)
  })

  it('reads the whole files again when the snapshot is another', async () => {
    const reader = new FilesViewReader()
    const first = await view()
    await reader.read(first)
    describeFirstEntity('after')
    const next = await view()
    await expect(reader.read({ ...next, snapshot: `${next.snapshot}.missing` })).rejects.toThrow()
    // The failed read left nothing behind: the next one reads everything afresh.
    expect(await reader.read(next)).toEqual(await readFilesView(next))
  })
})

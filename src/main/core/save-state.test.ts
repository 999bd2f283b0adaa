/** A failing disk reaches the user through the contract, and nothing acknowledged is lost. */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { SaveStatus } from '../../shared/contract'
import { createDispatch, type Dispatch } from './dispatch'
import { readStored } from '../../../test/support/stored'
import { faultyFs, type FaultyFs } from '../../../test/support/faulty-fs'
import { copySample, tempDir } from '../../../test/support/folders'
import { Workspace } from './workspace'

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let dispatch: Dispatch
let disk: FaultyFs

beforeEach(async () => {
  dir = await tempDir()
  disk = faultyFs()
  workspace = new Workspace({
    userDataDir: join(dir.path, 'user'),
    store: { writeDelayMs: 10, fs: disk.fs, backups: false },
  })
  await workspace.open(await copySample(dir.path))
  dispatch = createDispatch(workspace, { validateOutput: true })
})
afterEach(async () => {
  disk.heal()
  await workspace.close()
  await dir.cleanup()
})

async function saveState(): Promise<SaveStatus> {
  const result = await dispatch('project.saveState', {})
  if (!result.ok) throw new Error(result.error.message)
  return result.value as SaveStatus
}

it('reports a full disk in project.saveState and project.save, keeps the edit, and saves it once the disk recovers', async () => {
  const folder = workspace.current.folder
  const before = JSON.stringify(await readStored(folder))
  expect(await saveState()).toEqual({ pending: false, writes: 0 })

  // The journal append is where an edit meets the disk.
  disk.failAt('write', 'ENOSPC')
  const edit = await dispatch('entities.update', { id: 'grp-nrf', patch: { name: 'Unsaved' } })
  expect(edit.ok).toBe(true)
  const start = Date.now()
  while (!(await saveState()).lastError && Date.now() - start < 3_000) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  expect(await saveState()).toMatchObject({
    pending: true,
    lastError: 'The disk is full (ENOSPC)',
  })

  const retry = await dispatch('project.save', {})
  expect(retry).toMatchObject({
    ok: false,
    error: {
      code: 'storage',
      message: expect.stringMatching(/kept in memory but could not be saved.*disk is full/),
    },
  })
  expect(JSON.stringify(await readStored(folder))).toBe(before)
  const read = await dispatch('entities.get', { id: 'grp-nrf' })
  expect(read).toMatchObject({ ok: true, value: { name: 'Unsaved' } })

  disk.heal()
  const saved = await dispatch('project.save', {})
  expect(saved).toMatchObject({ ok: true, value: { pending: false } })
  expect(saved.ok && (saved.value as SaveStatus).lastError).toBeFalsy()
  expect((await saveState()).lastSavedAt).toBeDefined()
  expect((await readStored(folder)).entities.find((e) => e.id === 'grp-nrf')?.name).toBe('Unsaved')
})

it('refuses an import the disk cannot hold with a clear message, leaving no half-written project', async () => {
  const exported = await dispatch('project.export', {})
  if (!exported.ok) throw new Error(exported.error.message)
  disk.failAt('write', 'ENOSPC')
  const result = await dispatch('project.import', {
    content: (exported.value as { content: string }).content,
  })
  expect(result).toMatchObject({
    ok: false,
    error: {
      code: 'storage',
      message: expect.stringMatching(/disk is full.*Nothing was imported/),
    },
  })
  expect(await readdir(join(dir.path, 'user', 'projects')).catch(() => [])).toEqual([])
})

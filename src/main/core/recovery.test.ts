/** Opening a damaged project: moved aside byte for byte, backups offered, the user's choice restored. */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackupInfo, DamageKind, ProjectInfo, WorkspaceStatus } from '../../shared/contract'
import { SCHEMA_VERSION } from '../../shared/model'
import type { Result } from '../../shared/result'
import { createDispatch, type Dispatch } from './dispatch'
import { PROJECT_FILE } from './project-store'
import { copySample, SAMPLE_DIR, tempDir } from '../../../test/support/folders'
import { newestSnapshot, readStored, resealSnapshot } from '../../../test/support/stored'
import { listStoreFiles } from './store/format'
import { Workspace } from './workspace'

let dir: Awaited<ReturnType<typeof tempDir>>
let folder: string
let workspace: Workspace
let dispatch: Dispatch

beforeEach(async () => {
  dir = await tempDir()
  folder = await copySample(dir.path)
  workspace = new Workspace({
    userDataDir: join(dir.path, 'user'),
    sampleDir: SAMPLE_DIR,
    store: { writeDelayMs: 0 },
  })
  dispatch = createDispatch(workspace, { validateOutput: true })
})
afterEach(async () => {
  await workspace.close()
  await dir.cleanup()
})

async function value<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

async function errorOf(method: string, input: unknown = {}) {
  const result: Result<unknown> = await dispatch(method, input)
  if (result.ok) throw new Error(`${method} should have failed`)
  return result.error
}

/** Opens the project, makes an edit that reaches disk (and its automatic backup), closes it. */
async function projectWithBackup(name = 'Backed-up name'): Promise<void> {
  await value('project.open', { path: folder })
  await value('entities.update', { id: 'grp-nrf', patch: { name } })
  await value('project.save')
  await workspace.close()
}

/** Damage to the project's snapshot; what only a schema or the integrity check can see keeps a matching trailer. */
const damages: [DamageKind, (sound: string) => string | Buffer][] = [
  ['empty', () => ''],
  ['truncated', (sound) => sound.slice(0, sound.length - 1000)],
  ['nul-bytes', (sound) => Buffer.alloc(sound.length)],
  ['not-json', () => '<html>not a project</html>'],
  ['not-a-project', () => '"just a string"'],
  ['schema', (sound) => resealSnapshot(sound.replace('"type":"group"', '"type":"GROUP!"'))],
  ['checksum', (sound) => sound.replace('"from":"per-ahmad-masoud"', '"from":"per-ahmad-masouf"')],
]

describe('opening a damaged project', () => {
  it.each(damages)(
    '%s: moved aside byte for byte, the newest verified backup offered and restored on request',
    async (damage, corrupt) => {
      await projectWithBackup()
      const snapshot = await newestSnapshot(folder)
      const snapshotName = snapshot.slice(folder.length + 1)
      const sound = await readFile(snapshot, 'utf8')
      const damaged = corrupt(sound)
      await writeFile(snapshot, damaged)

      const error = await errorOf('project.open', { path: folder })
      expect(error.code).toBe('storage')
      expect(error.message).toMatch(/The damaged file was kept as .*snapshot\.\d+\.jsonl\.corrupt-/)
      expect(error.message).toMatch(/1 backup is available to restore/)
      expect(error.message).not.toMatch(/\n\s+at /)

      // Nothing lost: the damaged bytes sit under the new name; nothing took the snapshot's place.
      const names = await readdir(folder)
      expect(await listStoreFiles(folder)).toEqual({ snapshots: [], journals: [] })
      const corruptName = names.find((n) => n.startsWith(`${snapshotName}.corrupt-`))
      expect(corruptName).toBeDefined()
      expect(Buffer.compare(await readFile(join(folder, corruptName!)), Buffer.from(damaged))).toBe(
        0,
      )

      const status = await value<WorkspaceStatus>('workspace.status')
      expect(status.open).toBeNull()
      expect(status.failure).toMatchObject({
        folder,
        damage,
        movedTo: join(folder, corruptName!),
      })
      const [offered] = status.failure!.backups
      expect(offered).toMatchObject({ verified: true, reason: 'auto' })
      expect(await value<BackupInfo[]>('backups.list', { folder })).toEqual(status.failure!.backups)
      expect((await errorOf('entities.list')).code).toBe('no_project')

      const info = await value<ProjectInfo>('backups.restore', { id: offered!.id, folder })
      expect(info.path).toBe(folder)
      const nrf = await value<{ name: string }>('entities.get', { id: 'grp-nrf' })
      expect(nrf.name).toBe('Backed-up name')
      expect((await value<WorkspaceStatus>('workspace.status')).failure).toBeNull()
      // The damaged file is still kept after the restore.
      expect(await readdir(folder)).toContain(corruptName)
    },
  )

  it('integrity: a project whose records fail the pass after it opened is closed unwritten, moved aside, and restored on request', async () => {
    await projectWithBackup()
    const snapshot = await newestSnapshot(folder)
    const snapshotName = snapshot.slice(folder.length + 1)
    // Each record is sound and the trailer matches: only the pass over them together sees it.
    const damaged = resealSnapshot(
      (await readFile(snapshot, 'utf8')).replace('"from":"per-ahmad-masoud"', '"from":"nobody"'),
    )
    await writeFile(snapshot, damaged)
    const journals = (await listStoreFiles(folder)).journals
    expect(journals.length).toBeGreaterThan(0)

    // The open answers once the records are loaded. An edit sent at once lands in memory if
    // the verdict has not come yet (the sample is small: it usually has), and is never written.
    const opened = await value<ProjectInfo>('project.open', { path: folder })
    expect(opened.path).toBe(folder)
    const edit = await dispatch('entities.update', {
      id: 'grp-nrf',
      patch: { name: 'Edited too soon' },
    })
    const notSaved = edit.ok ? ': the edits made since it opened were not saved' : ''

    await expect
      .poll(async () => (await value<WorkspaceStatus>('workspace.status')).failure?.damage)
      .toBe('integrity')
    const status = await value<WorkspaceStatus>('workspace.status')
    expect(status.open).toBeNull()
    expect(status.failure!.message).toMatch(
      new RegExp(
        `^Sightline closed this project just after opening it, before writing anything to it${notSaved}\\. Cannot open .*: its records are inconsistent: relation "[^"]+" links a missing entity "nobody"\\. The damaged file was kept as .*snapshot\\.\\d+\\.jsonl\\.corrupt-.*1 backup is available to restore\\.$`,
      ),
    )
    expect((await errorOf('entities.list')).code).toBe('no_project')

    // Nothing was written: the damaged bytes and the journals sit, unchanged, under new names.
    const names = await readdir(folder)
    expect(await listStoreFiles(folder)).toEqual({ snapshots: [], journals: [] })
    const corruptName = names.find((n) => n.startsWith(`${snapshotName}.corrupt-`))
    expect(status.failure!.movedTo).toBe(join(folder, corruptName!))
    expect(Buffer.compare(await readFile(join(folder, corruptName!)), Buffer.from(damaged))).toBe(0)
    for (const generation of journals) {
      expect(names.some((n) => n.startsWith(`journal.${generation}.jsonl.corrupt-`))).toBe(true)
    }

    const [offered] = status.failure!.backups
    expect(offered).toMatchObject({ verified: true, reason: 'auto' })
    await value('backups.restore', { id: offered!.id, folder })
    const nrf = await value<{ name: string }>('entities.get', { id: 'grp-nrf' })
    expect(nrf.name).toBe('Backed-up name')
    expect((await value<WorkspaceStatus>('workspace.status')).failure).toBeNull()
  })

  it('says so when there is no backup, and still keeps the damaged bytes', async () => {
    await writeFile(join(folder, PROJECT_FILE), '{"schemaVersion":1,')
    const error = await errorOf('project.open', { path: folder })
    expect(error.message).toMatch(/There is no backup to restore/)
    const status = await value<WorkspaceStatus>('workspace.status')
    expect(status.failure).toMatchObject({ damage: 'truncated', backups: [] })
    expect(await readFile(status.failure!.movedTo!, 'utf8')).toBe('{"schemaVersion":1,')
  })

  it('leaves a file from a newer Sightline in place, and a restore moves it aside instead of overwriting it', async () => {
    await projectWithBackup()
    const snapshot = await newestSnapshot(folder)
    const newer = (await readFile(snapshot, 'utf8')).replace(
      `"schemaVersion":${SCHEMA_VERSION}`,
      `"schemaVersion":${SCHEMA_VERSION + 1}`,
    )
    await writeFile(snapshot, newer)
    const error = await errorOf('project.open', { path: folder })
    expect(error.message).toMatch(/newer version of Sightline/)
    expect(await readFile(snapshot, 'utf8')).toBe(newer)
    const status = await value<WorkspaceStatus>('workspace.status')
    expect(status.failure?.damage).toBeUndefined()
    expect(status.failure?.movedTo).toBeUndefined()

    await value('backups.restore', { id: status.failure!.backups[0]!.id, folder })
    const replaced = (await readdir(folder)).find((n) =>
      n.startsWith(`${snapshot.slice(folder.length + 1)}.replaced-`),
    )
    expect(await readFile(join(folder, replaced!), 'utf8')).toBe(newer)
  })

  it('starts on the recovery state rather than opening another project when the recent one is damaged', async () => {
    await projectWithBackup()
    await writeFile(await newestSnapshot(folder), Buffer.alloc(64))
    const restarted = new Workspace({ userDataDir: join(dir.path, 'user'), sampleDir: SAMPLE_DIR })
    expect(await restarted.openDefault()).toBeNull()
    const status = await restarted.status()
    expect(status.open).toBeNull()
    expect(status.failure).toMatchObject({ folder, damage: 'nul-bytes' })
    expect(await readdir(join(dir.path, 'user', 'projects')).catch(() => [])).not.toContain(
      'sample',
    )
    await restarted.close()
  })

  it('skips a recent project whose folder is gone', async () => {
    const gone = join(dir.path, 'gone')
    await value('project.create', { name: 'Gone soon', path: gone })
    await workspace.close()
    const { rm } = await import('node:fs/promises')
    await rm(gone, { recursive: true })
    const restarted = new Workspace({ userDataDir: join(dir.path, 'user'), sampleDir: SAMPLE_DIR })
    expect((await restarted.openDefault())?.data.project.name).toMatch(/sample/)
    expect((await restarted.status()).failure).toBeNull()
    await restarted.close()
  })

  it('refuses a tampered backup and changes nothing', async () => {
    await projectWithBackup()
    await writeFile(await newestSnapshot(folder), '')
    await errorOf('project.open', { path: folder })
    const [backup] = (await value<WorkspaceStatus>('workspace.status')).failure!.backups
    const path = join(folder, 'backups', `${backup!.id}.jsonl`)
    await writeFile(
      path,
      (await readFile(path, 'utf8')).replace('Backed-up name', 'Tampered name!'),
    )
    const before = await readdir(folder)
    const error = await errorOf('backups.restore', { id: backup!.id, folder })
    expect(error.message).toMatch(/cannot be restored: its (size|bytes) do/)
    expect(await readdir(folder)).toEqual(before)
  })
})

describe('restoring a backup into a healthy project', () => {
  it('replaces the records, after backing up the current state so the restore can be undone', async () => {
    await projectWithBackup('State A')
    await value('project.open', { path: folder })
    const [stateA] = await value<BackupInfo[]>('backups.list')
    await value('entities.update', { id: 'grp-nrf', patch: { name: 'State B' } })

    await value('backups.restore', { id: stateA!.id })
    expect((await value<{ name: string }>('entities.get', { id: 'grp-nrf' })).name).toBe('State A')
    const onDisk = await readStored(folder)
    expect(onDisk.entities.find((e: { id: string }) => e.id === 'grp-nrf')?.name).toBe('State A')

    const undo = (await value<BackupInfo[]>('backups.list')).find(
      (b) => b.reason === 'before-restore',
    )
    expect(undo?.verified).toBe(true)
    await value('backups.restore', { id: undo!.id })
    expect((await value<{ name: string }>('entities.get', { id: 'grp-nrf' })).name).toBe('State B')
  })

  it('makes a manual backup on request', async () => {
    await value('project.open', { path: folder })
    const made = await value<BackupInfo>('backups.create')
    expect(made).toMatchObject({ reason: 'manual', verified: true })
    expect((await value<BackupInfo[]>('backups.list'))[0]).toEqual(made)
  })

  it('refuses a backup that does not exist', async () => {
    await value('project.open', { path: folder })
    const error = await errorOf('backups.restore', { id: 'project-20260101T000000000Z-auto-0000' })
    expect(error.code).toBe('not_found')
  })
})

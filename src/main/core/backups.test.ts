import { createHash } from 'node:crypto'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as Migrations from './migrations'
import { backupsFolder, BACKUPS_KEPT, listBackups, readBackup, writeBackup } from './backups'
import { PROJECT_FILE, ProjectStore } from './project-store'
import { readStored } from '../../../test/support/stored'
import { copySample, tempDir } from '../../../test/support/folders'

// A v0 file stands in for the first real migration (v1 is the first schema version).
vi.mock('./migrations', async (importOriginal) => {
  const original = await importOriginal<typeof Migrations>()
  return {
    ...original,
    migrateProjectFile: (raw: unknown) => {
      const file = raw as { schemaVersion?: unknown }
      if (file?.schemaVersion === 0) return { file: { ...file, schemaVersion: 1 }, migratedFrom: 0 }
      return original.migrateProjectFile(raw)
    },
  }
})

let dir: Awaited<ReturnType<typeof tempDir>>
let folder: string
beforeEach(async () => {
  dir = await tempDir()
  folder = await copySample(dir.path)
})
afterEach(async () => {
  await dir.cleanup()
})

const rename = (store: ProjectStore, name: string) =>
  store.mutate((data) => {
    data.project.name = name
  })

describe('automatic backups', () => {
  it('keeps the bytes of the first write, checksummed, and no more within the interval', async () => {
    const store = await ProjectStore.open(folder, {
      writeDelayMs: 0,
      backups: { intervalMs: 60_000 },
    })
    rename(store, 'First edit')
    await store.flush()
    rename(store, 'Second edit')
    await store.flush()
    const backups = await listBackups(folder)
    expect(backups).toHaveLength(1)
    const [backup] = backups
    expect(backup).toMatchObject({ reason: 'auto', verified: true, projectName: 'First edit' })
    // A compacted snapshot (v2), checksummed as a whole file.
    const bytes = await readFile(join(backupsFolder(folder), `${backup!.id}.jsonl`))
    const meta = JSON.parse(
      await readFile(join(backupsFolder(folder), `${backup!.id}.meta.json`), 'utf8'),
    )
    expect(meta.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect((await readBackup(folder, backup!.id)).project.name).toBe('First edit')
    expect(backup!.counts?.entities).toBe(store.data.entities.length)
    await store.close()
  })

  it('rotates: only the newest ones of a kind are kept', async () => {
    const store = await ProjectStore.open(folder, { writeDelayMs: 0, backups: { intervalMs: 0 } })
    for (let i = 0; i < BACKUPS_KEPT.auto + 4; i++) {
      rename(store, `Edit ${i}`)
      await store.flush()
    }
    await store.backupNow('manual')
    const backups = await listBackups(folder)
    expect(backups.filter((b) => b.reason === 'auto').map((b) => b.projectName)).toEqual(
      Array.from({ length: BACKUPS_KEPT.auto }, (_, i) => `Edit ${BACKUPS_KEPT.auto + 3 - i}`),
    )
    expect(backups.filter((b) => b.reason === 'manual')).toHaveLength(1)
    // Two files per backup, nothing else.
    expect(await readdir(backupsFolder(folder))).toHaveLength(2 * backups.length)
    await store.close()
  })

  it('reports a failed backup without failing the save', async () => {
    await writeFile(backupsFolder(folder), 'a file where the folder should be')
    const store = await ProjectStore.open(folder, { writeDelayMs: 0 })
    rename(store, 'Saved anyway')
    await store.flush()
    expect(store.saveState()).toMatchObject({ pending: false, backupError: expect.any(String) })
    expect((await readStored(folder)).project.name).toBe('Saved anyway')
    await store.close()
  })

  it('keeps the original file before a migration rewrites it', async () => {
    const original = await readFile(join(folder, PROJECT_FILE), 'utf8')
    const v0 = original.replace('"schemaVersion":1', '"schemaVersion":0')
    await writeFile(join(folder, PROJECT_FILE), v0)
    const store = await ProjectStore.open(folder, { writeDelayMs: 60_000 })
    const [backup] = await listBackups(folder)
    expect(backup).toMatchObject({ reason: 'before-migration', verified: true })
    expect(await readFile(join(backupsFolder(folder), `${backup!.id}.json`), 'utf8')).toBe(v0)
    // The migrated version is written with the next save.
    expect(store.saveState().pending).toBe(true)
    await store.close()
    expect((await readStored(folder)).schemaVersion).toBe(1)
  })
})

describe('verifying backups', () => {
  async function oneBackup() {
    const text = await readFile(join(folder, PROJECT_FILE), 'utf8')
    return writeBackup(folder, text, 'manual')
  }

  it('restores only a backup whose bytes match its checksum', async () => {
    const backup = await oneBackup()
    expect((await readBackup(folder, backup.id)).project.name).toMatch(/Taliban/)

    const path = join(backupsFolder(folder), `${backup.id}.json`)
    const bytes = await readFile(path)
    bytes[100] = bytes[100]! ^ 1
    await writeFile(path, bytes)
    expect((await listBackups(folder))[0]).toMatchObject({
      verified: false,
      problem: expect.stringMatching(/do not match its checksum/),
    })
    await expect(readBackup(folder, backup.id)).rejects.toThrow(/cannot be restored/)
  })

  it('does not trust a backup without its checksum file', async () => {
    const backup = await oneBackup()
    await rm(join(backupsFolder(folder), `${backup.id}.meta.json`))
    expect((await listBackups(folder))[0]).toMatchObject({ id: backup.id, verified: false })
    await expect(readBackup(folder, backup.id)).rejects.toThrow(/checksum file is missing/)
  })

  it('refuses names that are not backup names', async () => {
    await oneBackup()
    for (const id of [
      '../project',
      '..%2fproject',
      'project',
      '/etc/passwd',
      'project-x-auto-0000',
    ]) {
      await expect(readBackup(folder, id)).rejects.toThrow(/not a backup name/)
    }
  })

  it('refuses a verified backup whose content is not a sound project', async () => {
    const backup = await writeBackup(folder, '{"schemaVersion":1,"project":{}}', 'manual')
    expect((await listBackups(folder))[0]?.verified).toBe(true)
    await expect(readBackup(folder, backup.id)).rejects.toThrow(/does not match the project schema/)
  })
})

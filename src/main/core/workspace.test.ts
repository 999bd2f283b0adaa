import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readStored } from '../../../test/support/stored'
import { SAMPLE_DIR, tempDir } from '../../../test/support/folders'
import { Workspace } from './workspace'

let dir: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => {
  await dir.cleanup()
})

async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const name of await readdir(folder, { recursive: true })) {
    const path = join(folder, name)
    if ((await stat(path)).isFile()) files[name] = await readFile(path, 'utf8')
  }
  return files
}

describe('Workspace', () => {
  it('copies the sample on first run, opens it, and never writes into data/', async () => {
    const before = await snapshot(SAMPLE_DIR)
    const workspace = new Workspace({
      userDataDir: dir.path,
      sampleDir: SAMPLE_DIR,
      store: { writeDelayMs: 0 },
    })
    const store = (await workspace.openDefault())!
    expect(store.folder).toBe(join(dir.path, 'projects', 'sample'))
    store.mutate((data) => {
      data.project.name = 'Edited copy'
    })
    await workspace.close()
    expect(await snapshot(SAMPLE_DIR)).toEqual(before)
    expect((await readStored(store.folder)).project.name).toBe('Edited copy')

    // Second run: the recent project, with the user's edit, not a fresh sample.
    const again = new Workspace({ userDataDir: dir.path, sampleDir: SAMPLE_DIR })
    expect((await again.openDefault())?.data.project.name).toBe('Edited copy')
    await again.close()
  })

  it('remembers recent projects, newest first', async () => {
    const workspace = new Workspace({ userDataDir: dir.path, sampleDir: SAMPLE_DIR })
    await workspace.create('Northern fronts')
    await workspace.create('Northern fronts')
    await workspace.open(await workspace.installSample())
    const recent = await workspace.recent()
    expect(recent.map((r) => r.path)).toEqual([
      join(dir.path, 'projects', 'sample'),
      join(dir.path, 'projects', 'northern-fronts-2'),
      join(dir.path, 'projects', 'northern-fronts'),
    ])
    await workspace.close()
  })

  it('keeps the current project open when another cannot be opened', async () => {
    const workspace = new Workspace({ userDataDir: dir.path, sampleDir: SAMPLE_DIR })
    const current = await workspace.open(await workspace.installSample())
    await expect(workspace.open(join(dir.path, 'missing'))).rejects.toThrow(/no project\.json/i)
    expect(workspace.current).toBe(current)
    await workspace.close()
  })

  it('sets an unreadable recent list aside instead of overwriting it', async () => {
    await writeFile(join(dir.path, 'recent.json'), '{ not json')
    const workspace = new Workspace({ userDataDir: dir.path })
    expect(await workspace.recent()).toEqual([])
    const names = await readdir(dir.path)
    expect(names.some((n) => n.startsWith('recent.json.corrupt-'))).toBe(true)
  })
})

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectFile, SCHEMA_VERSION } from '../../shared/model'
import type { WriteFs } from './durable-write'
import { AppError } from './errors'
import { PROJECT_FILE, ProjectStore } from './project-store'
import { copySample, tempDir } from './test-helpers'

let dir: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => {
  await dir.cleanup()
})

const meta = (name = 'Test project') => ({
  id: 'p1',
  name,
  description: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
})

const entity = (id: string, name: string) => ({
  id,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  type: 'group',
  name,
  aliases: [],
  description: '',
  attributes: {},
})

async function readProject(folder: string): Promise<ProjectFile> {
  return ProjectFile.parse(JSON.parse(await readFile(join(folder, PROJECT_FILE), 'utf8')))
}

async function expectRefusedUntouched(folder: string, contents: string, pattern: RegExp) {
  const path = join(folder, PROJECT_FILE)
  await writeFile(path, contents)
  const error = await ProjectStore.open(folder).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).message).toContain(path)
  expect((error as AppError).message).toMatch(pattern)
  expect(await readFile(path, 'utf8')).toBe(contents)
  expect(await readdir(folder)).toEqual([PROJECT_FILE])
}

describe('ProjectStore', () => {
  it('round-trips a project through disk', async () => {
    const folder = join(dir.path, 'p')
    const store = await ProjectStore.create(folder, meta())
    store.mutate((data) => data.entities.push(entity('e1', 'National Resistance Front')))
    await store.close()

    const reopened = await ProjectStore.open(folder)
    expect(reopened.data.project.name).toBe('Test project')
    expect(reopened.data.entities.map((e) => e.name)).toEqual(['National Resistance Front'])
    expect(reopened.data.schemaVersion).toBe(SCHEMA_VERSION)
    // Compact JSON: pretty-printing halves stringify speed on large projects.
    expect(await readFile(reopened.path, 'utf8')).not.toContain('\n')
  })

  it('opens the shipped sample project', async () => {
    const store = await ProjectStore.open(await copySample(dir.path))
    expect(store.data.entities.length).toBeGreaterThan(20)
    const source = store.data.sources[0]!
    expect((await store.readSourceText(source.contentHash)).length).toBe(source.length)
  })

  it('acknowledges an edit at once and coalesces a burst into one write', async () => {
    const folder = join(dir.path, 'p')
    const store = await ProjectStore.create(folder, meta(), { writeDelayMs: 50 })
    const before = store.saveState().writes
    for (let i = 0; i < 100; i++)
      store.mutate((data) => data.entities.push(entity(`e${i}`, `Group ${i}`)))
    // Applied in memory, not yet written.
    expect(store.data.entities).toHaveLength(100)
    expect(store.saveState().pending).toBe(true)
    expect((await readProject(folder)).entities).toHaveLength(0)

    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(store.saveState()).toMatchObject({ pending: false, writes: before + 1 })
    expect((await readProject(folder)).entities).toHaveLength(100)
    await store.close()
  })

  it('flushes pending edits on close, before the coalescing window ends', async () => {
    const folder = join(dir.path, 'p')
    const store = await ProjectStore.create(folder, meta(), { writeDelayMs: 60_000 })
    store.mutate((data) => data.entities.push(entity('e1', 'Wolf Unit')))
    await store.close()
    expect((await readProject(folder)).entities.map((e) => e.name)).toEqual(['Wolf Unit'])
    expect(() => store.mutate(() => undefined)).toThrow(/closed/)
  })

  it('serializes writes: an edit made during a write is written after it', async () => {
    const folder = join(dir.path, 'p')
    const store = await ProjectStore.create(folder, meta(), { writeDelayMs: 0 })
    store.mutate((data) => data.entities.push(entity('e1', 'A')))
    const first = store.flush()
    store.mutate((data) => data.entities.push(entity('e2', 'B')))
    await first
    await store.flush()
    expect((await readProject(folder)).entities).toHaveLength(2)
    await store.close()
  })

  it('refuses a file that is not JSON and leaves it byte-identical', async () => {
    await expectRefusedUntouched(dir.path, '{"schemaVersion": 1, "project": ', /not valid JSON/)
  })

  it('refuses an empty file and leaves it as it was', async () => {
    await expectRefusedUntouched(dir.path, '', /empty/)
  })

  it('refuses a file from a newer version of Sightline and leaves it byte-identical', async () => {
    const sample = await readFile(join(await copySample(dir.path), PROJECT_FILE), 'utf8')
    const newer = sample.replace(
      `"schemaVersion":${SCHEMA_VERSION}`,
      `"schemaVersion":${SCHEMA_VERSION + 1}`,
    )
    expect(newer).not.toBe(sample)
    const folder = join(dir.path, 'newer')
    await mkdir(folder)
    await expectRefusedUntouched(folder, newer, /newer version of Sightline/)
  })

  it('refuses a file that fails schema validation, naming the field', async () => {
    const file = {
      schemaVersion: SCHEMA_VERSION,
      project: meta(),
      sources: [],
      annotations: [],
      entities: [{ ...entity('e1', 'X'), attributes: { phase: 'world-domination' } }],
      relations: [],
      notes: [],
      reports: [],
      views: {},
    }
    await expectRefusedUntouched(dir.path, JSON.stringify(file), /entities\.0\.attributes\.phase/)
  })

  it('refuses dangling references, listing them', async () => {
    const file = {
      schemaVersion: SCHEMA_VERSION,
      project: meta(),
      sources: [],
      annotations: [],
      entities: [entity('e1', 'X')],
      relations: [
        {
          id: 'r1',
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          type: 'leads',
          from: 'ghost',
          to: 'e1',
          evidence: [],
          confidence: 'low',
          comment: '',
        },
      ],
      notes: [],
      reports: [],
      views: {},
    }
    await expectRefusedUntouched(dir.path, JSON.stringify(file), /missing entity "ghost"/)
  })

  it('refuses to create a project over an existing one', async () => {
    const folder = join(dir.path, 'p')
    await (await ProjectStore.create(folder, meta())).close()
    await expect(ProjectStore.create(folder, meta('Other'))).rejects.toThrow(
      /already holds a project/,
    )
    expect((await readProject(folder)).project.name).toBe('Test project')
  })

  it('keeps edits in memory when the disk refuses a write, leaves the old file and no temp file', async () => {
    const folder = join(dir.path, 'p')
    let failing = true
    const errors: string[] = []
    const flakyFs: WriteFs = {
      ...fsp,
      open: fsp.open,
      rm: fsp.rm,
      rename: async (from, to) => {
        if (failing)
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
        return fsp.rename(from, to)
      },
    }
    await (await ProjectStore.create(folder, meta())).close()
    const store = await ProjectStore.open(folder, {
      writeDelayMs: 60_000,
      fs: flakyFs,
      onSaveError: (e) => errors.push(e.message),
    })
    const before = await readFile(join(folder, PROJECT_FILE), 'utf8')
    store.mutate((data) => data.entities.push(entity('e1', 'Kept')))
    await expect(store.flush()).rejects.toThrow(/kept in memory.*ENOSPC/)
    expect(errors).toEqual(['ENOSPC: no space left on device'])
    expect(store.saveState()).toMatchObject({
      pending: true,
      lastError: 'ENOSPC: no space left on device',
    })
    expect(await readFile(join(folder, PROJECT_FILE), 'utf8')).toBe(before)
    expect((await readdir(folder)).filter((f) => f.endsWith('.tmp'))).toEqual([])

    failing = false
    await store.flush()
    expect(store.saveState()).toMatchObject({ pending: false })
    expect(store.saveState().lastError).toBeUndefined()
    expect((await readProject(folder)).entities.map((e) => e.name)).toEqual(['Kept'])
    await store.close()
  })

  it('writes each source text once, named by its sha256', async () => {
    const folder = join(dir.path, 'p')
    const store = await ProjectStore.create(folder, meta())
    const first = await store.writeSourceText('Panjshir valley')
    const second = await store.writeSourceText('Panjshir valley')
    expect(first).toEqual(second)
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(await store.readSourceText(first.contentHash)).toBe('Panjshir valley')
    expect(await readdir(join(folder, 'sources'))).toEqual([`${first.contentHash}.txt`])
    await store.close()
  })
})

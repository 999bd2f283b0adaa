import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  MAX_IMPORT_CHARS,
  type BackupInfo,
  type ProjectExportFile,
  type ProjectInfo,
} from '../../../shared/contract'
import type { ProjectFile } from '../../../shared/model'
import type { ApiErrorBody } from '../../../shared/result'
import { createDispatch, type Dispatch } from '../dispatch'
import { readStored } from '../../../../test/support/stored'
import { copySample, tempDir } from '../../../../test/support/folders'
import { Workspace } from '../workspace'

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let dispatch: Dispatch
let sampleFolder: string

beforeEach(async () => {
  dir = await tempDir()
  workspace = new Workspace({ userDataDir: join(dir.path, 'user'), store: { writeDelayMs: 0 } })
  sampleFolder = await copySample(dir.path)
  await workspace.open(sampleFolder)
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

async function importError(content: string): Promise<ApiErrorBody> {
  const result = await dispatch('project.import', { content })
  if (result.ok) throw new Error('the import should have been refused')
  return result.error
}

interface Envelope {
  format: string
  formatVersion: number
  exportedAt: string
  project: ProjectFile & Record<string, unknown>
  texts: Record<string, string>
}

async function exported(): Promise<Envelope> {
  const file = await value<ProjectExportFile>('project.export')
  return JSON.parse(file.content) as Envelope
}

describe('project.export and project.import', () => {
  it('round-trips a whole project, texts included, into a new folder, leaving the original alone', async () => {
    const original = structuredClone(workspace.current.data)
    const file = await value<ProjectExportFile>('project.export')
    expect(file.fileName).toBe('armed-opposition-to-the-taliban-sample.sightline.json')
    expect(file.bytes).toBe(Buffer.byteLength(file.content))
    const envelope = JSON.parse(file.content) as Envelope
    expect(envelope).toMatchObject({ format: 'sightline-project', formatVersion: 1 })
    expect(Object.keys(envelope.texts)).toHaveLength(
      new Set(original.sources.map((s) => s.contentHash)).size,
    )

    const info = await value<ProjectInfo>('project.import', { content: file.content })
    expect(info.path).toBe(
      join(dir.path, 'user', 'projects', 'armed-opposition-to-the-taliban-sample'),
    )
    expect(info.path).not.toBe(sampleFolder)
    expect(workspace.current.data).toEqual(original)
    for (const source of original.sources) {
      expect(await workspace.current.readSourceText(source.contentHash)).toBe(
        envelope.texts[source.contentHash],
      )
    }
    // The imported state is kept as a backup from the start; no staging folder is left over.
    const backups = await value<BackupInfo[]>('backups.list')
    expect(backups).toMatchObject([{ reason: 'import', verified: true }])
    expect(
      (await readdir(join(dir.path, 'user', 'projects'))).filter((n) => n.startsWith('.')),
    ).toEqual([])

    // Importing the same file again makes a second project instead of touching the first.
    const again = await value<ProjectInfo>('project.import', { content: file.content })
    expect(again.path).toBe(`${info.path}-2`)
    const named = await value<ProjectInfo>('project.import', {
      content: file.content,
      name: 'Copy',
    })
    expect(named.path).toBe(join(dir.path, 'user', 'projects', 'copy'))
    expect(named.project.name).toBe('Copy')
  })

  type Case = [string, (e: Envelope) => unknown, RegExp[]]
  const source0 = (e: Envelope) => e.project.sources[0]!
  const cases: Case[] = [
    [
      'a newer schema version',
      (e) => ((e.project.schemaVersion = 99 as 1), e),
      [/newer version of Sightline \(schema version 99/],
    ],
    [
      'no schema version',
      (e) => (delete (e.project as Partial<ProjectFile>).schemaVersion, e),
      [/no valid "schemaVersion"/],
    ],
    [
      'another format',
      (e) => ({ ...e, format: 'something-else' }),
      [/not a Sightline project export/],
    ],
    ['a newer export format', (e) => ({ ...e, formatVersion: 2 }), [/formatVersion/]],
    [
      'duplicate ids',
      (e) => {
        e.project.entities.push({ ...e.project.entities[0]!, name: 'Twin' })
        return e
      },
      [/"grp-[a-z-]+" is used twice/],
    ],
    [
      'dangling references, each listed',
      (e) => {
        e.project.annotations[0]!.sourceId = 'src-missing'
        e.project.relations[0]!.to = 'ent-missing'
        return e
      },
      [/points to a missing source "src-missing"/, /links a missing entity "ent-missing"/],
    ],
    [
      'a schema-invalid record',
      (e) => ((e.project.entities[0]!.type = 'NOT A TYPE'), e),
      [/project\.entities\.0\.type/],
    ],
    ['a missing source text', (e) => ((e.texts = {}), e), [/text of source ".*" is missing/]],
    [
      'a source text that does not match its hash',
      (e) => ((e.texts[source0(e).contentHash] = 'forged text'), e),
      [/does not match its hash/],
    ],
  ]

  it.each(cases)(
    'refuses %s with the list of problems, importing nothing',
    async (_name, edit, patterns) => {
      const projectsBefore = await readdir(join(dir.path, 'user', 'projects')).catch(() => [])
      const current = workspace.current
      const revision = current.revision
      const error = await importError(JSON.stringify(edit(await exported())))
      expect(error.code).toBe('invalid_input')
      expect(error.message).toMatch(/cannot be imported.*Nothing was imported/)
      const listed = (error.issues ?? []).map((i) => `${i.path}: ${i.message}`).join('\n')
      for (const pattern of patterns) expect(listed).toMatch(pattern)
      expect(await readdir(join(dir.path, 'user', 'projects')).catch(() => [])).toEqual(
        projectsBefore,
      )
      expect(workspace.current).toBe(current)
      expect(current.revision).toBe(revision)
    },
  )

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a "%s" key anywhere, and nothing is polluted',
    async (key) => {
      const text = JSON.stringify(await exported()).replace(
        '"attributes":{',
        `"attributes":{"${key}":{"polluted":true},`,
      )
      const error = await importError(text)
      expect(error.issues?.[0]?.message).toMatch(
        new RegExp(
          `project\\.entities\\.\\d+\\.attributes\\.${key}: the key "${key}" is not allowed`,
        ),
      )
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(Object.keys(Object.prototype)).toEqual([])
    },
  )

  it('refuses nesting deeper than the cap', async () => {
    const envelope = await exported()
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const text = JSON.stringify(envelope).replace('"views":{}', `"views":{"deep":${deep}}`)
    const error = await importError(text)
    expect(error.message).toMatch(/nested more than 32 levels deep/)
  })

  it('refuses what is not JSON, and a file larger than the cap', async () => {
    expect((await importError('{"format": "sightline-project",')).message).toMatch(/not valid JSON/)
    const huge = await dispatch('project.import', { content: ' '.repeat(MAX_IMPORT_CHARS + 1) })
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(huge.ok || huge.error.message).toMatch(/content/)
  })

  it('exports what is in memory, even before it reaches disk', async () => {
    await value('entities.update', { id: 'grp-nrf', patch: { name: 'Renamed just now' } })
    const envelope = await exported()
    expect(envelope.project.entities.find((e) => e.id === 'grp-nrf')?.name).toBe('Renamed just now')
    const onDisk: ProjectFile = await readStored(sampleFolder)
    expect(onDisk.schemaVersion).toBe(envelope.project.schemaVersion)
  })
})

/**
 * A project folder from someone else: links, pipes, edited texts, a sources/ folder that
 * points elsewhere, another tool's project.json, oversized and over-nested files. Each is
 * refused with a clear message, nothing outside the folder is read or written, the app
 * keeps answering, and project.json is left as it was.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  ImportOutcome,
  ProjectExportFile,
  ReviewItem,
  SearchResults,
  SourceSummary,
  SourceWithText,
  WorkspaceStatus,
} from '../../shared/contract'
import { writeBackup } from './backups'
import { createDispatch, type Dispatch } from './dispatch'
import { PROJECT_FILE } from './project-store'
import { readFileInside, UnsafeFileError } from './safe-files'
import { copySample, tempDir } from '../../../test/support/folders'
import { newestSnapshot, readStored, storedText } from '../../../test/support/stored'
import { dispatchCallers } from '../../../test/support/sample-dispatch'
import { Workspace } from './workspace'

const SECRET = 'TOP-SECRET-OUTSIDE-THE-PROJECT'
const SAMPLE_SOURCE = 'src-brief'

let dir: Awaited<ReturnType<typeof tempDir>>
let folder: string
let outside: string
let workspace: Workspace
let dispatch: Dispatch

beforeEach(async () => {
  dir = await tempDir('sightline-untrusted-')
  folder = await copySample(dir.path)
  outside = join(dir.path, 'outside')
  await mkdir(outside)
  await writeFile(join(outside, 'secret.txt'), `${SECRET}\n`)
  workspace = new Workspace({ userDataDir: join(dir.path, 'user'), store: { writeDelayMs: 0 } })
  dispatch = createDispatch(workspace, { validateOutput: true })
})
afterEach(async () => {
  await workspace.close()
  await dir.cleanup()
})

const { value, errorOf } = dispatchCallers(() => dispatch)

async function sampleTextPath(): Promise<string> {
  const project = JSON.parse(await readFile(join(folder, PROJECT_FILE), 'utf8'))
  const source = project.sources.find((s: { id: string }) => s.id === SAMPLE_SOURCE)
  return join(folder, 'sources', `${source.contentHash}.txt`)
}

/** Replaces the sample source's text file with what `plant` puts at its path. */
async function plantInPlaceOfText(plant: (path: string) => Promise<void>): Promise<void> {
  const path = await sampleTextPath()
  await rm(path)
  await plant(path)
}

/** Everything a view could ask about the source; none of it may carry the outside text. */
async function expectDamagedEverywhere(reason: RegExp): Promise<void> {
  await workspace.current.flush()
  const before = await storedText(folder)
  const got = await value<SourceWithText>('sources.get', { id: SAMPLE_SOURCE })
  expect(got.text).toBe('')
  expect(got.damage).toMatch(reason)
  expect(got.annotations.length).toBeGreaterThan(0)

  const listed = await value<SourceSummary[]>('sources.list')
  const row = listed.find((s) => s.source.id === SAMPLE_SOURCE)!
  expect(row.damage).toMatch(reason)
  expect(row.needsReview).toBe(row.annotationCount)

  const review = await value<ReviewItem[]>('annotations.review', { sourceId: SAMPLE_SOURCE })
  expect(review).toHaveLength(got.annotations.length)
  for (const item of review) {
    expect(item.sourceDamage).toMatch(reason)
    expect(item.currentText).toBeNull()
  }

  const annotate = await errorOf('annotations.create', {
    sourceId: SAMPLE_SOURCE,
    start: 0,
    end: 5,
    exact: 'Armed',
    contentHash: got.source.contentHash,
    kind: 'claim',
    credibility: 3,
  })
  expect(annotate.message).toMatch(/cannot be used: the file sources\/[0-9a-f]{64}\.txt/)
  expect(annotate.message).toMatch(/Import the original document again to repair it/)

  const exported = await errorOf('project.export')
  expect(exported.message).toMatch(/cannot be used/)

  const search = await value<SearchResults>('search.query', { q: SECRET })
  expect(JSON.stringify(search)).not.toContain(SECRET)
  for (const answer of [got, listed, review]) expect(JSON.stringify(answer)).not.toContain(SECRET)
  // Reading never writes: the store files are byte for byte what they were.
  expect(await storedText(folder)).toBe(before)
}

describe('a source text that is not what the project recorded', () => {
  it('a link to a file outside the folder is not followed', async () => {
    await plantInPlaceOfText((path) => symlink(join(outside, 'secret.txt'), path))
    await value('project.open', { path: folder })
    await expectDamagedEverywhere(/is a link to another place/)
  })

  it('the list shows a link as damaged on its first call', async () => {
    await plantInPlaceOfText((path) => symlink(join(outside, 'secret.txt'), path))
    await value('project.open', { path: folder })
    // Nothing has read the text yet: the list looks at the file without reading it.
    const listed = await value<SourceSummary[]>('sources.list')
    expect(listed.find((s) => s.source.id === SAMPLE_SOURCE)?.damage).toMatch(/is a link/)
    expect(listed.filter((s) => s.damage)).toHaveLength(1)
  })

  it('the list shows a text too short for its recorded length on its first call', async () => {
    await writeFile(await sampleTextPath(), 'short')
    await value('project.open', { path: folder })
    const listed = await value<SourceSummary[]>('sources.list')
    expect(listed.find((s) => s.source.id === SAMPLE_SOURCE)?.damage).toMatch(
      /cannot hold the [\d,]+ characters/,
    )
  })

  it('a link to /dev/zero is refused at once instead of read forever', async () => {
    await plantInPlaceOfText((path) => symlink('/dev/zero', path))
    await value('project.open', { path: folder })
    await expectDamagedEverywhere(/is a link/)
  })

  it.skipIf(process.platform === 'win32')(
    'a named pipe neither blocks the app nor is read',
    async () => {
      await plantInPlaceOfText(async (path) => {
        execFileSync('mkfifo', [path])
      })
      await value('project.open', { path: folder })
      // Another call answers while (and after) the pipe is looked at.
      const [got, entities] = await Promise.all([
        value<SourceWithText>('sources.get', { id: SAMPLE_SOURCE }),
        value<unknown[]>('entities.list', { type: 'group' }),
      ])
      expect(got.damage).toMatch(/is not a regular file/)
      expect(entities.length).toBeGreaterThan(0)
      await expectDamagedEverywhere(/is not a regular file/)
    },
  )

  it('a text edited by hand fails its sha256 and is shown as damaged, then repaired by importing the original', async () => {
    const path = await sampleTextPath()
    const original = await readFile(path, 'utf8')
    await writeFile(path, original.replace('Taliban', 'Talibam'))
    await value('project.open', { path: folder })
    await expectDamagedEverywhere(/does not match its recorded fingerprint \(sha256\)/)

    // The same document again restores the stored text.
    const outcome = await value<ImportOutcome>('sources.paste', {
      title: 'again',
      text: original,
    })
    expect(outcome.status).toBe('duplicate')
    expect(outcome.notes.join(' ')).toMatch(/has been restored/)
    const got = await value<SourceWithText>('sources.get', { id: SAMPLE_SOURCE })
    expect(got.damage).toBeUndefined()
    expect(got.text).toBe(original)
  })

  it('a text of the wrong length is refused before it is read, whatever its size on disk', async () => {
    const path = await sampleTextPath()
    // A sparse file: huge on paper, nothing written.
    await truncate(path, 4 * 1024 * 1024 * 1024)
    await value('project.open', { path: folder })
    await expectDamagedEverywhere(/is 4096 MB, more than the/)
  })

  it('a sources/ folder that is a link elsewhere is neither read nor written through', async () => {
    const sources = join(folder, 'sources')
    const elsewhere = join(outside, 'sources')
    await rename(sources, elsewhere)
    await symlink(elsewhere, sources)
    await value('project.open', { path: folder })
    await expectDamagedEverywhere(/lies outside the project folder/)

    const before = await readdir(elsewhere)
    const refused = await errorOf('sources.paste', { title: 'New', text: 'A new document.' })
    expect(refused.message).toMatch(/sources\/ in .* is not a folder inside the project/)
    expect(await readdir(elsewhere)).toEqual(before)
    expect((await value<SourceSummary[]>('sources.list')).map((s) => s.source.title)).not.toContain(
      'New',
    )
  })
})

describe('the chart image kept for reports', () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  )

  it('a link in place of the asset is not followed; a report draws its own chart instead', async () => {
    await value('project.open', { path: folder })
    await value('graph.saveImage', {
      format: 'png',
      data: PNG.toString('base64'),
      width: 1,
      height: 1,
    })
    expect((await value<{ dataUrl: string }>('graph.image')).dataUrl).toContain('base64')
    await workspace.close()
    const hash = createHash('sha256').update(PNG).digest('hex')
    const asset = join(folder, 'assets', `${hash}.png`)
    await rm(asset)
    await writeFile(join(outside, 'secret.png'), SECRET)
    await symlink(join(outside, 'secret.png'), asset)

    await value('project.open', { path: folder })
    expect((await errorOf('graph.image')).message).toMatch(/is a link to another place/)
    const report = await value<{ id: string }>('reports.create', {
      title: 'Chart',
      sections: [{ id: 'g1', kind: 'graph' }],
    })
    const { html } = await value<{ html: string }>('reports.html', { id: report.id })
    expect(html).not.toContain(Buffer.from(SECRET).toString('base64'))
    expect(html).toContain('<svg')
  })
})

describe('a project.json that is not a Sightline project', () => {
  const foreign: [string, unknown, RegExp][] = [
    [
      'an Nx project configuration',
      {
        name: 'web',
        $schema: '../../node_modules/nx/schemas/project-schema.json',
        targets: { build: {} },
      },
      /looks like an Nx project configuration/,
    ],
    [
      'a .NET project.json',
      { version: '1.0.0-*', dependencies: {}, frameworks: { net451: {} } },
      /looks like a \.NET project\.json/,
    ],
    ['some other tool’s file', { title: 'x', pages: [] }, /another program's file/],
  ]

  it.each(foreign)(
    '%s: refused with a message, nothing renamed or written',
    async (_, json, kind) => {
      const other = join(dir.path, 'other-tool')
      await mkdir(other)
      const bytes = `${JSON.stringify(json, null, 2)}\n`
      await writeFile(join(other, PROJECT_FILE), bytes)

      const error = await errorOf('project.open', { path: other })
      expect(error.code).toBe('storage')
      expect(error.message).toMatch(/is not a Sightline project/)
      expect(error.message).toMatch(kind)
      expect(error.message).toMatch(/changed nothing in that folder/)
      expect(await readdir(other)).toEqual([PROJECT_FILE])
      expect(await readFile(join(other, PROJECT_FILE), 'utf8')).toBe(bytes)
      const status = await value<WorkspaceStatus>('workspace.status')
      expect(status.failure?.movedTo).toBeUndefined()
      expect(status.failure?.damage).toBeUndefined()
    },
  )

  it('a project.json that is a link is not followed', async () => {
    const linked = join(dir.path, 'linked')
    await mkdir(linked)
    await symlink(join(folder, PROJECT_FILE), join(linked, PROJECT_FILE))
    const error = await errorOf('project.open', { path: linked })
    expect(error.message).toMatch(/is a link to another place.*left untouched/)
    expect((await readdir(linked)).sort()).toEqual([PROJECT_FILE])
  })
})

describe('the store files of a v2 project', () => {
  it('a snapshot that is a link to a copy outside is not followed, and nothing is moved aside', async () => {
    await value('project.open', { path: folder })
    await workspace.close()
    const snapshot = await newestSnapshot(folder)
    const copy = join(outside, 'snapshot.jsonl')
    await rename(snapshot, copy)
    await symlink(copy, snapshot)
    const names = (await readdir(folder)).sort()

    const error = await errorOf('project.open', { path: folder })
    expect(error.code).toBe('storage')
    expect(error.message).toMatch(/is a link to another place.*left untouched/)
    expect((await readdir(folder)).sort()).toEqual(names)
    expect((await value<WorkspaceStatus>('workspace.status')).failure?.movedTo).toBeUndefined()
  })

  it.skipIf(process.platform === 'win32')(
    'a journal that is a named pipe neither blocks the open nor is read',
    async () => {
      await value('project.open', { path: folder })
      await workspace.close()
      const journal = (await readdir(folder)).find((name) => name.startsWith('journal.'))!
      await rm(join(folder, journal))
      execFileSync('mkfifo', [join(folder, journal)])

      const error = await errorOf('project.open', { path: folder })
      expect(error.message).toMatch(/is not a regular file.*left untouched/)
    },
  )
})

describe('the limits of an imported project file, for one opened or restored', () => {
  /** The sample with a view nested 5,000 levels deep (written as text: too deep to stringify). */
  async function deeplyNested(): Promise<string> {
    const text = await readFile(join(folder, PROJECT_FILE), 'utf8')
    const deep = `${'{"d":'.repeat(5_000)}0${'}'.repeat(5_000)}`
    expect(text).toContain('"views":{}')
    return text.replace('"views":{}', `"views":{"extra":${deep}}`)
  }

  it('a project.json nested too deeply is refused untouched', async () => {
    const text = await deeplyNested()
    await writeFile(join(folder, PROJECT_FILE), text)
    const error = await errorOf('project.open', { path: folder })
    expect(error.message).toMatch(/nested more than 32 levels deep/)
    expect(error.message).toMatch(/left untouched/)
    expect(await readFile(join(folder, PROJECT_FILE), 'utf8')).toBe(text)
    expect((await readdir(folder)).filter((n) => n.includes('corrupt'))).toEqual([])
  })

  it('a project.json larger than an importable project is refused before it is read', async () => {
    const path = join(folder, PROJECT_FILE)
    await truncate(path, 600 * 1024 * 1024)
    const error = await errorOf('project.open', { path: folder })
    expect(error.message).toMatch(/is 600 MB, more than the 128 MB it may hold/)
    expect((await stat(path)).size).toBe(600 * 1024 * 1024)
    expect((await readdir(folder)).filter((n) => n.includes('corrupt'))).toEqual([])
  })

  it('a backup nested too deeply is refused, and the project stays as it was', async () => {
    // Read before the open converts project.json to the v2 store files.
    const nested = await deeplyNested()
    await value('project.open', { path: folder })
    const backup = await writeBackup(folder, nested, 'manual')
    const before = await readStored(folder)
    const error = await errorOf('backups.restore', { id: backup.id })
    expect(error.message).toMatch(/cannot be restored: .*nested more than 32 levels deep/)
    await workspace.close()
    expect(await readStored(folder)).toEqual(before)
  })

  it('a backup that is a link to /dev/zero is listed as unverified and never read', async () => {
    const text = await readFile(join(folder, PROJECT_FILE), 'utf8')
    await value('project.open', { path: folder })
    const backup = await writeBackup(folder, text, 'manual')
    const path = join(folder, 'backups', `${backup.id}.json`)
    await rm(path)
    await symlink('/dev/zero', path)
    const listed = await value<{ id: string; verified: boolean }[]>('backups.list')
    expect(listed.find((b) => b.id === backup.id)?.verified).toBe(false)
    expect((await errorOf('backups.restore', { id: backup.id })).message).toMatch(
      /cannot be restored/,
    )
  })
})

describe('UNC paths', () => {
  it.each(['\\\\server\\share\\project', '//server/share/project', '\\\\?\\UNC\\server\\share'])(
    '%s is refused by project.open, project.create and backups',
    async (path) => {
      for (const [method, input] of [
        ['project.open', { path }],
        ['project.create', { name: 'x', path }],
        ['backups.list', { folder: path }],
        ['backups.restore', { id: 'project-20260101T000000000Z-auto-0000', folder: path }],
      ] as const) {
        const error = await errorOf(method, input)
        expect(error.code).toBe('invalid_input')
        expect(error.message).toMatch(/network \(UNC\) paths are not accepted/)
      }
    },
  )
})

describe('readFileInside', () => {
  it('refuses paths that climb out of the folder', async () => {
    for (const path of [
      '../outside/secret.txt',
      'sources/../../outside/secret.txt',
      '/etc/passwd',
    ]) {
      await expect(readFileInside(folder, path, 1024)).rejects.toBeInstanceOf(UnsafeFileError)
    }
  })

  it('hands back a regular file inside the folder', async () => {
    const { bytes } = await readFileInside(folder, PROJECT_FILE, 64 * 1024 * 1024)
    expect(bytes.toString('utf8')).toBe(await readFile(join(folder, PROJECT_FILE), 'utf8'))
  })

  it('exports a project whose texts are sound', async () => {
    await value('project.open', { path: folder })
    const exported = await value<ProjectExportFile>('project.export')
    expect(exported.content).toContain('"texts"')
  })
})

/**
 * A kill during replication loses nothing: a child process syncing a project is killed
 * mid-push and mid-pull; the next sync, from the same folders, finishes the job and every
 * record arrives.
 */
import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { expect, it } from 'vitest'
import { hubAndFolderPerFile, numberedPlace } from '../../../../test/support/team-hub-fixture'
import { Workspace } from '../workspace'

const ROOT = resolve(import.meta.dirname, '../../../..')
const CHILD = join(ROOT, 'test', 'support', 'sync-child.ts')
const RECORDS = 3000

const files = hubAndFolderPerFile('sightline-sync-kill-')

/**
 * How many documents the hub holds: cheap enough to ask every few milliseconds (the hub
 * answers in this process, beside the test). During the first push they are all records:
 * the project's details and views go after the records.
 */
async function hubDocCount(db: string): Promise<number> {
  const response = await fetch(files.hub.databaseUrl(db))
  if (!response.ok) return 0
  return ((await response.json()) as { doc_count: number }).doc_count
}

/** The project's records on the hub (its details and views travel as documents too). */
async function hubCount(db: string): Promise<number> {
  const range = `startkey=${encodeURIComponent('"entities:"')}&endkey=${encodeURIComponent('"entities:\ufff0"')}`
  const response = await fetch(`${files.hub.databaseUrl(db)}/_all_docs?${range}`)
  if (!response.ok) return 0
  return ((await response.json()) as { rows: unknown[] }).rows.length
}

/** Runs the child and kills it once `strike` says so; resolves with whether it was killed before DONE. */
async function runAndKill(args: string[], strike: () => Promise<boolean>): Promise<boolean> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const started = Date.now()
  while (!output.includes('SYNCING') && Date.now() - started < 60_000) {
    await new Promise((r) => setTimeout(r, 10))
  }
  expect(output).toContain('SYNCING')
  while (!output.includes('DONE') && !(await strike())) await new Promise((r) => setTimeout(r, 5))
  const killedEarly = !output.includes('DONE')
  child.kill('SIGKILL')
  await exited
  return killedEarly
}

async function folderBytes(folder: string): Promise<number> {
  try {
    let bytes = 0
    for (const name of await readdir(folder)) bytes += (await stat(join(folder, name))).size
    return bytes
  } catch {
    return 0
  }
}

function entitiesOf(workspace: Workspace): string {
  return JSON.stringify(
    [...workspace.current.data.entities].sort((a, b) => a.id.localeCompare(b.id)),
  )
}

it('finishes a push and a pull that were killed half-way', async () => {
  const projectA = join(files.folder, 'a')
  const owner = new Workspace({
    userDataDir: join(files.folder, 'user-a'),
    store: { backups: false },
  })
  const store = await owner.create('Kill test', projectA)
  store.mutate((data) => {
    for (let i = 0; i < RECORDS; i++) data.entities.push(numberedPlace(i))
  })
  await owner.close()

  const url = files.hub.databaseUrl('kill')
  const pushKilled = await runAndKill(
    [projectA, join(files.folder, 'user-a'), url, 'open'],
    async () => {
      const count = await hubDocCount('kill')
      return count > 0 && count < RECORDS
    },
  )
  expect(pushKilled, 'the push was cut short').toBe(true)
  expect(await hubCount('kill')).toBeLessThan(RECORDS)

  // The next sync from the same folder finishes the push.
  const again = new Workspace({
    userDataDir: join(files.folder, 'user-a'),
    store: { backups: false },
  })
  await again.open(projectA)
  await (await again.sync.forStore(again.current)).syncNow()
  expect(await hubCount('kill')).toBe(RECORDS)
  const expected = entitiesOf(again)
  await again.close()

  // A new peer pulls; killed half-way, its next sync finishes the pull.
  const projectB = join(files.folder, 'b')
  // Struck once the peer's mirror holds part of the hub (its LevelDB files have grown).
  const pullKilled = await runAndKill(
    [projectB, join(files.folder, 'user-b'), url, 'create'],
    async () => (await folderBytes(join(projectB, '.sync', 'mirror'))) > 400_000,
  )
  expect(pullKilled, 'the pull was cut short').toBe(true)
  const peer = new Workspace({
    userDataDir: join(files.folder, 'user-b'),
    store: { backups: false },
  })
  await peer.open(projectB)
  const before = peer.current.data.entities.length
  await (await peer.sync.forStore(peer.current)).syncNow()
  expect(entitiesOf(peer)).toBe(expected)
  await peer.close()
  expect(before, 'the killed pull had not applied everything').toBeLessThan(RECORDS)
}, 180_000)

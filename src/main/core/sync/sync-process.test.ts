/**
 * The sync engine in a process of its own: every thread of it at a low priority (also the
 * ones it starts once PouchDB runs), a crash shown as the sync's error with its reason and
 * nothing lost, the next sync in a fresh process, and no process left once the project
 * closes.
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { getPriority } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, it } from 'vitest'
import {
  hubAndFolderPerFile,
  numberedPlace,
  until,
} from '../../../../test/support/team-hub-fixture'
import { Workspace } from '../workspace'

const files = hubAndFolderPerFile('sightline-sync-process-')

/** Each thread's nice value (field 19 of its stat, counted after the command's name). */
function niceOfThreads(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
  })
}

/** Alive, not merely a zombie left for an orphan's new parent to reap. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  if (process.platform !== 'linux') return true
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

const ROOT = resolve(import.meta.dirname, '../../../..')

it('runs in a low-priority process of its own, survives its crash with the reason shown, and leaves no process behind', async () => {
  const workspace = new Workspace({
    userDataDir: join(files.folder, 'user'),
    store: { writeDelayMs: 5, backups: false },
  })
  const store = await workspace.create('Process', join(files.folder, 'project'))
  store.mutate((data) => {
    for (let i = 0; i < 50; i++) data.entities.push(numberedPlace(i))
  })
  await workspace.sync.link(store, { url: files.hub.databaseUrl('process'), live: false })
  const first = await workspace.sync.forStore(store)
  await first.syncNow()
  const pid = first.processId!
  expect(pid).toBeGreaterThan(0)
  expect(pid).not.toBe(process.pid)
  if (process.platform === 'linux') {
    // After a sync, so the threads LevelDB and libuv's pool started are among them.
    const nice = niceOfThreads(pid)
    expect(nice.length).toBeGreaterThan(4)
    expect(new Set(nice)).toEqual(new Set([Math.min(19, getPriority() + 10)]))
  }

  // A crash during a sync: the call fails with the reason, the status says so, the store
  // is intact.
  store.mutate((data) => {
    data.entities.push(numberedPlace(50))
  })
  const cut = first.syncNow()
  process.kill(pid, 'SIGKILL')
  await expect(cut).rejects.toThrow(/sync process stopped.*SIGKILL/)
  expect(first.hasStopped).toBe(true)
  const crashed = await workspace.sync.status(store)
  expect(crashed.state).toBe('error')
  expect(crashed.reason).toMatch(/sync process stopped.*SIGKILL/)
  expect(store.data.entities).toHaveLength(51)

  // The next sync starts a fresh process, which carries on from the mirror.
  const second = await workspace.sync.forStore(store)
  expect(second).not.toBe(first)
  await second.syncNow()
  expect(second.currentStatus().state).toBe('synced')
  const response = await fetch(files.hub.databaseUrl('process'))
  const docs = ((await response.json()) as { doc_count: number }).doc_count
  expect(docs).toBeGreaterThanOrEqual(51)

  const secondPid = second.processId!
  expect(isRunning(secondPid)).toBe(true)
  await workspace.close()
  expect(isRunning(secondPid), 'no sync process after the project closed').toBe(false)
}, 30_000)

it('ends the sync process when the app is killed', async () => {
  // The app, with its engine in a process of its own, killed while it syncs.
  const app = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'test', 'support', 'sync-child.ts'),
      join(files.folder, 'killed-app'),
      join(files.folder, 'user-killed'),
      files.hub.databaseUrl('killed-app'),
      'create',
      'engine-process',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let output = ''
  app.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((done) => app.once('exit', () => done()))
  await until('the engine to start', () => /ENGINE \d+/.test(output))
  const engine = Number(/ENGINE (\d+)/.exec(output)![1])
  expect(isRunning(engine)).toBe(true)
  app.kill('SIGKILL')
  await exited
  await until('the engine to end with the app', () => !isRunning(engine))
}, 30_000)

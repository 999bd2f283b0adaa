/**
 * Crash safety, proven: a child process applies 1,000 edits to a large project while this
 * test kills it with SIGKILL at random moments, at least 50 times: at any moment, in the
 * middle of a journal append, and in the middle of a compaction (which the child runs in a
 * worker thread every few dozen edits). After every kill each snapshot on disk must be
 * whole (its trailer checks), the project must open as the app opens it (a torn last
 * journal line cut back), every edit whose write had completed must be in it, and what is
 * lost must be only edits younger than the coalescing window plus the writes in progress.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ProjectFile } from '../../../shared/model'
import { PROJECT_FILE, ProjectStore } from '../project-store'
import { journalName, listStoreFiles, snapshotName } from '../store/format'
import { Slicer } from '../store/lines'
import { readSnapshot } from '../store/loader'
import { SAMPLE_DIR, tempDir } from '../../../../test/support/folders'

const EDITS = 1_000
const MIN_KILLS = 50
/** The store's default coalescing window (StoreOptions.writeDelayMs), which the child uses. */
const WRITE_WINDOW_MS = 150
/** Few but long padding records: writes take long enough to be killed in the middle of,
 * while validating the file on every open stays cheap. */
const PADDING_ENTITIES = 400
const PADDING_CHARS = 7_000
/** Average pause between two edits in the child: about 20 edits between two kills. */
const EDIT_PAUSE_MS = 15
/** Half the kills land uniformly in this range after the child reports it is ready… */
const KILL_AFTER_MS = [40, 600] as const
/** …a third while an append is torn: the child writes half of it, pauses this long, then
 * writes the rest… */
const TORN_PAUSE_MS = 80
/** …striking within this many ms of the half being written (well inside the pause, with
 * room for the test's own polling to be late on a loaded machine)… */
const MID_WRITE_KILL_MS = 20
/** …and a third within this many ms after a compaction has begun. */
const MID_COMPACTION_KILL_MS = 400
/** Slack for timers firing late on a loaded 2-core machine. */
const SCHEDULING_SLACK_MS = 500

const ROOT = resolve(import.meta.dirname, '../../../..')
let dir: Awaited<ReturnType<typeof tempDir>>
let editorScript: string
let project: string

beforeAll(async () => {
  dir = await tempDir('sightline-kill-')
  // Bundled once, so each of the ~60 child processes starts in a few tens of milliseconds.
  const outDir = join(ROOT, 'node_modules', '.cache', `sightline-kill-${randomUUID()}`)
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: {
        // The store's workers are entries of their own, found beside the editor's code.
        input: {
          editor: join(ROOT, 'test', 'support', 'crash-editor.ts'),
          'compaction-worker': join(ROOT, 'src', 'main', 'core', 'store', 'compaction-worker.ts'),
          'open-check-worker': join(ROOT, 'src', 'main', 'core', 'store', 'open-check-worker.ts'),
        },
        output: {
          format: 'esm',
          entryFileNames: '[name].mjs',
          chunkFileNames: '[name]-[hash].mjs',
        },
      },
    },
  })
  editorScript = join(outDir, 'editor.mjs')

  project = join(dir.path, 'project')
  await cp(SAMPLE_DIR, project, { recursive: true })
  const file = ProjectFile.parse(JSON.parse(await readFile(join(project, PROJECT_FILE), 'utf8')))
  const at = '2026-01-01T00:00:00.000Z'
  for (let i = 0; i < PADDING_ENTITIES; i++) {
    file.entities.push({
      id: `pad-${i}`,
      createdAt: at,
      updatedAt: at,
      type: 'place',
      name: `Padding place ${i}`,
      aliases: [`Alias ${i}`],
      description: `Makes the project large enough for writes to take time. ${'.'.repeat(PADDING_CHARS)}`,
      attributes: { placeKind: 'district', country: 'Afghanistan' },
    })
  }
  await writeFile(join(project, PROJECT_FILE), JSON.stringify(file))
}, 60_000)

afterAll(async () => {
  if (editorScript) await rm(resolve(editorScript, '..'), { recursive: true, force: true })
  await dir?.cleanup()
})

interface Round {
  killed: boolean
  startedWith: number
  duringWrite: boolean
  acknowledged: number
  onDisk: number
  lost: number
  lostMs: number
  writes: number
  tempFilesLeft: number
  worstWriteMs: number
  duringCompaction: boolean
  compactions: number
}

/** The edits a project holds: the n of every entity named "Edit n". */
function editsIn(file: ProjectFile): number[] {
  return file.entities
    .map((e) => /^Edit (\d+)$/.exec(e.name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
}

type Aim = 'anytime' | 'mid-write' | 'mid-compaction'
const AIMS: Aim[] = ['anytime', 'mid-write', 'mid-compaction']

/** The size of the store's files: what the child was writing. */
async function storeBytes(): Promise<number> {
  const { snapshots, journals } = await listStoreFiles(project)
  const names = [...snapshots.map(snapshotName), ...journals.map(journalName)]
  let bytes = 0
  for (const name of names) bytes += (await stat(join(project, name))).size
  return bytes
}

async function runRound(kill: boolean, startedWith: number, aim: Aim = 'anytime'): Promise<Round> {
  const child = spawn(
    process.execPath,
    // The last, unkilled child finishes the remaining edits quickly.
    [
      editorScript,
      project,
      join(dir.path, 'user'),
      String(EDITS),
      String(kill ? EDIT_PAUSE_MS : 1),
      String(kill ? TORN_PAUSE_MS : 0),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  let errors = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))

  let killedAt = Infinity
  if (kill) {
    const start = Date.now()
    while (!output.includes('READY') && Date.now() - start < 15_000) {
      await new Promise((r) => setTimeout(r, 2))
    }
    expect(output, errors).toContain('READY')
    if (aim === 'mid-write' || aim === 'mid-compaction') {
      // Wait for an append to be half written (or a compaction to start), then strike.
      const mark = aim === 'mid-write' ? '\nW ' : '\nC '
      const seen = output.length
      while (!output.slice(seen).includes(mark) && Date.now() - start < 15_000) {
        await new Promise((r) => setTimeout(r, 1))
      }
      const window = aim === 'mid-write' ? MID_WRITE_KILL_MS : MID_COMPACTION_KILL_MS
      await new Promise((r) => setTimeout(r, Math.random() * window))
    } else {
      const [min, max] = KILL_AFTER_MS
      await new Promise((r) => setTimeout(r, min + Math.random() * (max - min)))
    }
    killedAt = Date.now()
    child.kill('SIGKILL')
  }
  const code = await exited
  if (!kill) expect(code, errors).toBe(0)

  const lines = output
    .trim()
    .split('\n')
    .map((l) => l.split(' '))
  const acknowledgedAt = new Map<number, number>()
  let savedThrough = 0
  let writes = 0
  let lastBegin = -1
  let beginAt = 0
  let lastSave = -1
  let worstWriteMs = 0
  let compactions = 0
  let lastCompactionAt = -Infinity
  let ready = false
  lines.forEach((parts, index) => {
    if (parts[0] === 'READY') ready = true
    if (parts[0] === 'A') acknowledgedAt.set(Number(parts[1]), Number(parts[2]))
    // A journal made before READY is the conversion of the v1 file, not a compaction.
    if (parts[0] === 'C' && ready) {
      compactions++
      lastCompactionAt = Number(parts[1])
    }
    if (parts[0] === 'B') {
      lastBegin = index
      beginAt = Number(parts[1])
    }
    if (parts[0] === 'S') {
      savedThrough = Math.max(savedThrough, Number(parts[1]))
      worstWriteMs = Math.max(worstWriteMs, Number(parts[3]))
      writes++
      lastSave = index
    }
  })
  const acknowledged = Math.max(0, ...acknowledgedAt.keys())

  // 1. Every snapshot on disk is whole: written to a temp file and renamed only once complete.
  for (const generation of (await listStoreFiles(project)).snapshots) {
    await readSnapshot(join(project, snapshotName(generation)), new Slicer(Infinity))
  }

  // 2. It opens as the app opens it: streamed, schema-validated, journals replayed (a torn
  // last line cut back), references checked. A killed writer's temp file may remain;
  // opening removes it.
  const tempFilesLeft = (await readdir(project)).filter((n) => n.endsWith('.tmp')).length
  const store = await ProjectStore.open(project, {
    backups: false,
    compaction: { onClose: false },
    // Checked on this thread: a worker would start (and stop, on close) once per round.
    openCheck: { where: 'inline' },
    log: () => undefined,
  })
  const edits = editsIn(store.data as ProjectFile)
  await store.close()
  expect((await readdir(project)).filter((n) => n.endsWith('.tmp'))).toEqual([])

  // 3. Edits 1..n, no gap, nothing never made; every edit of a completed write is there.
  const onDisk = edits.length
  expect(edits).toEqual(Array.from({ length: onDisk }, (_, i) => i + 1))
  expect(onDisk).toBeGreaterThanOrEqual(savedThrough)
  expect(onDisk).toBeLessThanOrEqual(Math.max(acknowledged, startedWith))

  // 4. What was lost is young: acknowledged within the window plus at most two writes (the
  // one in flight when the window closed, and its own, cut short by the kill).
  const oldestLost = acknowledgedAt.get(onDisk + 1)
  const lostMs = oldestLost === undefined ? 0 : killedAt - oldestLost
  const inFlightMs = lastBegin > lastSave ? killedAt - beginAt : 0
  const slowestWriteMs = Math.max(worstWriteMs, inFlightMs)
  expect(lostMs).toBeLessThanOrEqual(WRITE_WINDOW_MS + 2 * slowestWriteMs + SCHEDULING_SLACK_MS)

  return {
    killed: kill,
    startedWith,
    duringWrite: kill && lastBegin > lastSave,
    acknowledged,
    onDisk,
    lost: Math.max(0, acknowledged - onDisk),
    lostMs,
    writes,
    tempFilesLeft,
    worstWriteMs: slowestWriteMs,
    duringCompaction:
      kill && aim === 'mid-compaction' && killedAt - lastCompactionAt < MID_COMPACTION_KILL_MS,
    compactions,
  }
}

it(`survives ${MIN_KILLS}+ SIGKILLs during ${EDITS} edits without losing a saved edit`, async () => {
  await mkdir(join(dir.path, 'user'), { recursive: true })
  const started = Date.now()
  const rounds: Round[] = []
  let onDisk = 0
  while (onDisk < EDITS) {
    // Kill until the quota is met; then let one child finish the remaining edits.
    const kill = rounds.filter((r) => r.killed).length < MIN_KILLS
    const round = await runRound(kill, onDisk, AIMS[rounds.length % AIMS.length])
    rounds.push(round)
    onDisk = round.onDisk
  }
  const killed = rounds.filter((r) => r.killed)
  const summary = {
    edits: EDITS,
    editsApplied: rounds.reduce((n, r) => n + Math.max(0, r.acknowledged - r.startedWith), 0),
    editsLost: rounds.reduce((n, r) => n + r.lost, 0),
    writes: rounds.reduce((n, r) => n + r.writes, 0),
    kills: killed.length,
    killsDuringWrite: killed.filter((r) => r.duringWrite).length,
    killsDuringCompaction: killed.filter((r) => r.duringCompaction).length,
    compactions: rounds.reduce((n, r) => n + r.compactions, 0),
    killsLeavingTempFile: killed.filter((r) => r.tempFilesLeft > 0).length,
    worstLossEdits: Math.max(...killed.map((r) => r.lost)),
    worstLossMs: Math.max(...killed.map((r) => r.lostMs)),
    worstWriteMs: Math.max(...rounds.map((r) => r.worstWriteMs)),
    projectBytes: await storeBytes(),
    editsInLastUnkilledRound: rounds.at(-1)!.acknowledged - rounds.at(-1)!.startedWith,
    seconds: Math.round((Date.now() - started) / 1000),
  }
  console.info(`kill test: ${JSON.stringify(summary)}`)
  expect(summary.kills).toBeGreaterThanOrEqual(MIN_KILLS)
  expect(summary.killsDuringWrite).toBeGreaterThan(0)
  expect(summary.killsDuringCompaction).toBeGreaterThan(0)
  expect(onDisk).toBe(EDITS)
}, 300_000)

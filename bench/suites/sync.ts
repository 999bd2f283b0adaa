/**
 * Team sync (issue 20): the first replication of a project to an empty hub and back to a
 * new peer, and an incremental sync of 100 edits, each beside the floor of PouchDB moving
 * the same documents (the records and the source texts) without Sightline around it (a bare
 * LevelDB database, bulkDocs, and the same replication, batch size included). The hub is express-pouchdb over an in-memory PouchDB on 127.0.0.1,
 * in a thread of its own (it stands for another computer); the longest main-thread stall
 * is sampled throughout.
 * PouchDB and the replication run in the sync worker; the main thread's own part of it
 * (handing the records over, forwarding the journal, applying what arrived a slice at a
 * time) is also timed step by step, which a loaded machine inflates far less than the
 * event loop's delay.
 */
import { cp, mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import PouchDB from 'pouchdb-node'
import { collectionOf, COLLECTIONS } from '../../src/main/core/store/collections'
import { recordDocId, sourceTextDoc } from '../../src/main/core/sync/mirror-docs'
import { REPLICATION_BATCH } from '../../src/main/core/sync/project-sync'
import type { ProjectStore } from '../../src/main/core/project-store'
import { Workspace } from '../../src/main/core/workspace'
import { constants, PerformanceObserver } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { line, longestBusy, longestStall, settleHeap, target, timeOnce } from '../measure'
import { formatThreadTimes, nameThread, threadTimes } from '../thread-cpu'
import type { BenchSuite, Measurement } from '../types'

const EDITS = 100

/** The hub in its own thread (bench/team-hub-worker.ts). */
async function startHubThread(): Promise<{
  databaseUrl(name: string): string
  close(): Promise<void>
}> {
  const worker = new Worker(new URL('../../src/main/core/store/worker-boot.mjs', import.meta.url), {
    workerData: { entry: new URL('../team-hub-worker.ts', import.meta.url).href },
  })
  const base = await new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { url: string; tid: number }) => {
      if (message.tid) nameThread(message.tid, 'the hub (another computer in real use)')
      resolve(message.url)
    })
    worker.once('error', reject)
  })
  return {
    databaseUrl: (name) => `${base}${name}`,
    close: async () => {
      const closed = new Promise((resolve) => worker.once('message', resolve))
      worker.postMessage({ close: true })
      await closed
      await worker.terminate()
    },
  }
}

/** Links the project to the hub's database at `url` and syncs it once. */
async function linkAndSync(workspace: Workspace, store: ProjectStore, url: string): Promise<void> {
  await workspace.sync.link(store, { url, live: false })
  await (await workspace.sync.forStore(store)).syncNow()
}

/** Times `task`, with the longest main-thread stall and processor run while it ran. */
function totalRunMs(table: ReadonlyArray<{ runMs: number }>): number {
  return table.reduce((sum, thread) => sum + thread.runMs, 0)
}

/** Runs `task` and adds every thread's processor time (children's too) to `into`. */
async function withThreadCpu<T>(into: number[], task: () => Promise<T>): Promise<T> {
  const { result, table } = await threadTimes(task)
  into.push(totalRunMs(table))
  return result
}

async function watched(
  what: string,
  log: (message: string) => void,
  task: () => Promise<unknown>,
): Promise<{ ms: number; stall: number; busy: number; gc: number; gcKind: string; cpu: number }> {
  let ms = 0
  let stall = 0
  let gc = 0
  let gcKind = ''
  // The garbage collector's pauses of this thread (wall time: waiting for its helper threads
  // and for a core included): what of its longest runs is not sync's code.
  const pauses = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration <= gc) continue
      gc = entry.duration
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind
      gcKind = kind === constants.NODE_PERFORMANCE_GC_MINOR ? 'scavenge' : 'mark-compact or other'
    }
  })
  pauses.observe({ entryTypes: ['gc'] })
  try {
    const { result: busy, table } = await threadTimes(() =>
      longestBusy(async () => {
        stall = await longestStall(async () => {
          ms = await timeOnce(task)
        })
      }),
    )
    log(formatThreadTimes(what, table))
    return { ms, stall, busy, gc, gcKind, cpu: totalRunMs(table) }
  } finally {
    pauses.disconnect()
  }
}

/**
 * Informational lines: where a sync's time went, by phase. The incoming pass runs while the
 * pull does, so the phases may add up to more than the whole; what they leave out (starting
 * the worker, linking) is "other" when they do not.
 */
function phaseLines(what: string, total: number, phases: Record<string, number>): Measurement[] {
  const listed = Object.entries(phases).sort(([, a], [, b]) => b - a)
  const rest = total - listed.reduce((sum, [, ms]) => sum + ms, 0)
  const last: [string, number] =
    rest >= 0 ? ['other', rest] : ['overlap (phases side by side)', -rest]
  return [...listed, last].map(([phase, ms]) =>
    line({ name: `  ${what}, phase: ${phase}`, unit: 'ms', value: ms }),
  )
}

/**
 * What the floor replicates: the documents Sightline's mirror holds, the records and each
 * source's text as an attachment of its own document. Built just before the floor runs, so
 * that the copy does not sit in the heap while the app's sync is measured.
 */
async function floorDocsOf(store: ProjectStore): Promise<{ docs: object[]; texts: number }> {
  const records = COLLECTIONS.flatMap((collection) =>
    collectionOf(store.data, collection).map((record) => ({
      _id: recordDocId(collection, record.id),
      collection,
      id: record.id,
      value: JSON.parse(JSON.stringify(record)) as unknown,
      author: 'Bench',
      at: new Date().toISOString(),
    })),
  )
  const texts = await Promise.all(
    [...new Set(store.data.sources.map((source) => source.contentHash))].map(async (hash) =>
      sourceTextDoc(hash, Buffer.from(await store.readSourceText(hash), 'utf8')),
    ),
  )
  return { docs: [...records, ...texts], texts: texts.length }
}

export const syncSuite: BenchSuite = {
  name: 'sync',
  async run(ctx) {
    const hub = await startHubThread()
    const out: Measurement[] = []
    try {
      const folder = await mkdtemp(join(ctx.tmpDir, 'sync-'))
      const projectA = join(folder, 'a')
      await cp(await ctx.project(ctx.preset), projectA, { recursive: true })
      const a = new Workspace({ userDataDir: join(folder, 'user-a'), store: { backups: false } })
      const store = await a.open(projectA)
      // The integrity pass runs just after an open: let it finish before anything is timed.
      await store.verified
      const recordCount = COLLECTIONS.reduce(
        (sum, collection) => sum + collectionOf(store.data, collection).length,
        0,
      )

      // ---- first replication up: mirror the project, push to an empty hub
      // Processor time of each first sync and its floor: [up, floor up, down, floor down],
      // every thread's, the sync process's included.
      const cpu: number[] = []
      // Each run (and each floor) starts from a collected, settled heap: what the one before
      // left, or opening the project, is not its pause (measure.ts, settleHeap).
      const settle = async (before: string): Promise<void> => {
        const collections = await settleHeap()
        ctx.log(`  before ${before}: ${collections} full collections while the heap settled`)
      }
      await settle('the first sync up')
      const heapAtStart = process.memoryUsage().heapUsed
      const upRun = await watched('first sync up', ctx.log, () =>
        linkAndSync(a, store, hub.databaseUrl('up')),
      )
      cpu.push(upRun.cpu)
      const up = upRun.ms
      const upPhases = await (await a.sync.forStore(store)).phases()
      const floorLocal = new PouchDB<Record<string, unknown>>(join(folder, 'floor-up'))
      // The floor's copy of the documents lives only while the floor runs.
      const floorUp = await (async () => {
        const floorDocs = await floorDocsOf(store)
        ctx.log(
          `  sync: ${recordCount} records and ${floorDocs.texts} source texts of the ${ctx.preset} preset`,
        )
        await settle('its floor')
        return withThreadCpu(cpu, () =>
          timeOnce(async () => {
            for (let i = 0; i < floorDocs.docs.length; i += 500)
              await floorLocal.bulkDocs(floorDocs.docs.slice(i, i + 500) as never)
            await floorLocal.sync(new PouchDB(hub.databaseUrl('floor-up')), {
              batch_size: REPLICATION_BATCH,
            })
          }),
        )
      })()

      // ---- first replication down: a new, empty project pulls everything
      const b = new Workspace({ userDataDir: join(folder, 'user-b'), store: { backups: false } })
      const peer = await b.create('Peer', join(folder, 'b'))
      await settle('the first sync down')
      const downRun = await watched('first sync down', ctx.log, () =>
        linkAndSync(b, peer, hub.databaseUrl('up')),
      )
      cpu.push(downRun.cpu)
      const down = downRun.ms
      const downPhases = await (await b.sync.forStore(peer)).phases()
      const floorDownDb = new PouchDB<Record<string, unknown>>(join(folder, 'floor-down'))
      await settle('its floor')
      const floorDown = await withThreadCpu(cpu, () =>
        timeOnce(async () => {
          await floorDownDb.sync(new PouchDB(hub.databaseUrl('floor-up')), {
            batch_size: REPLICATION_BATCH,
          })
        }),
      )
      const arrived = peer.data.entities.length === store.data.entities.length

      // ---- incremental: 100 edits, then one sync
      const entities = store.data.entities.slice(0, EDITS)
      let incremental = 0
      // The edits count in the stall, not in the sync's time.
      const incrementalRun = await watched('incremental sync', ctx.log, async () => {
        store.mutate((data) => {
          entities.forEach((entity, index) => {
            const position = data.entities.findIndex((e) => e.id === entity.id)
            data.entities[position] = {
              ...entity,
              description: `${entity.description} (edit ${index})`,
            }
          })
        })
        incremental = await timeOnce(async () => (await a.sync.forStore(store)).syncNow())
      })
      const floorEdits = await timeOnce(async () => {
        const current = await floorLocal.allDocs({
          keys: entities.map((e) => recordDocId('entities', e.id)),
          include_docs: true,
        })
        await floorLocal.bulkDocs(
          current.rows.map(
            (row) => ({ ...('doc' in row ? row.doc! : {}), at: new Date().toISOString() }) as never,
          ),
        )
        await floorLocal.sync(new PouchDB(hub.databaseUrl('floor-up')), {
          batch_size: REPLICATION_BATCH,
        })
      })

      out.push(
        line({
          name: `first sync up (${ctx.preset}: ${recordCount} records)`,
          unit: 'ms',
          value: up,
          floor: { name: `PouchDB bulkDocs + push (${REPLICATION_BATCH} a batch)`, value: floorUp },
          target: target.ratioAtMost(2),
          note: 'Includes mirroring every record and source text from the store into the local PouchDB.',
        }),
        line({
          name: `first sync down to a new peer (${ctx.preset})`,
          unit: 'ms',
          value: down,
          floor: { name: `PouchDB pull (${REPLICATION_BATCH} a batch)`, value: floorDown },
          target: target.ratioAtMost(2),
          note: `Includes checking every record with its schema and applying it to the store (all arrived: ${arrived}).`,
        }),
        ...(['up', 'down'] as const).map((direction, index) =>
          line({
            name: `processor time of the first sync ${direction}, informational`,
            unit: 'ms',
            value: cpu[2 * index]!,
            floor: {
              name: direction === 'up' ? 'of PouchDB bulkDocs + push' : 'of the PouchDB pull',
              value: cpu[2 * index + 1]!,
            },
            note: 'Every thread of the process (the hub’s too, which serves both alike): the work itself, which a loaded machine does not inflate as it does the time.',
          }),
        ),
        line({
          name: `incremental sync of ${EDITS} edits`,
          unit: 'ms',
          value: incremental,
          floor: {
            name: `PouchDB bulkDocs + push (${REPLICATION_BATCH} a batch)`,
            value: floorEdits,
          },
          target: target.ratioAtMost(2),
        }),
        line({
          name: 'longest main-thread stall during sync',
          unit: 'ms',
          value: Math.max(upRun.stall, downRun.stall, incrementalRun.stall),
          target: target.atMost(30),
          note: `Up ${upRun.stall.toFixed(0)} ms, down ${downRun.stall.toFixed(0)} ms, incremental ${incrementalRun.stall.toFixed(0)} ms.`,
        }),
        line({
          name: 'main-thread heap in use as the first sync up starts, informational',
          unit: 'MB',
          value: heapAtStart / 1e6,
          note: 'After a collection: the app’s core with the project open, and this suite. The garbage collector’s pauses, in the stall above, grow with it; this process loads no other suite (bench/index.ts).',
        }),
        line({
          name: 'longest main-thread run on a processor during sync',
          unit: 'ms',
          value: Math.max(upRun.busy, downRun.busy, incrementalRun.busy),
          note: `Up ${upRun.busy.toFixed(0)} ms, down ${downRun.busy.toFixed(0)} ms, incremental ${incrementalRun.busy.toFixed(0)} ms: the thread's own processor time between two 5 ms ticks (garbage collection included, waiting for a core left out), so load barely moves it.`,
        }),
        line({
          name: 'longest garbage-collector pause of the main thread during sync',
          unit: 'ms',
          value: Math.max(upRun.gc, downRun.gc, incrementalRun.gc),
          note: `Up ${upRun.gc.toFixed(0)} ms (${upRun.gcKind}), down ${downRun.gc.toFixed(0)} ms (${downRun.gcKind}), incremental ${incrementalRun.gc.toFixed(0)} ms: wall time, in the stall above; the thread's own processor time in it is in the line before.`,
        }),
        line({
          name: 'longest main-thread step of sync (its own work, timed)',
          unit: 'ms',
          value: Math.max(
            (await a.sync.forStore(store)).longestStepMs,
            (await b.sync.forStore(peer)).longestStepMs,
          ),
          note: 'The store’s own writes of what sync applied are not in it (they are in the stall above).',
        }),
      )
      out.push(
        ...phaseLines('first sync up', up, upPhases),
        ...phaseLines('first sync down', down, downPhases),
      )
      await floorLocal.close()
      await floorDownDb.close()
      await b.close()
      await a.close()
    } finally {
      await hub.close()
    }
    return out
  },
}

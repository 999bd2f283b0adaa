/**
 * The main process's side of team sync. The mirror, replication and every check run in a
 * low-priority process of their own (sync-worker.ts); here the project's records are
 * handed over once, in slices, then its journal as it is written, and the remote changes
 * the engine has checked are applied to the store a slice at a time, so the main thread
 * never holds for long. The engine's status is kept here, so the header reads it without
 * a round trip.
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { MessageChannel } from 'node:worker_threads'
import type {
  QuarantinedDoc,
  SyncConflict,
  SyncStatus,
  TeamActivity,
} from '../../../shared/api/sync'
import { AppError } from '../errors'
import type { JournalEvent, ProjectStore } from '../project-store'
import { COLLECTIONS, collectionOf, FIELDS, fieldOf } from '../store/collections'
import { workerEntry } from '../store/worker-entry'
import type { PlainRecord } from './merge'
import { readRemote, redact, type RemoteConfig } from './remote'
import {
  answerCall,
  PendingCalls,
  type FromWorker,
  type MainMethods,
  type SyncView,
  type ToWorker,
  type WorkerMethods,
} from './sync-protocol'
import type { StoreChange } from './sync-store'

/** Records per message while the copy is handed over. */
const COPY_SLICE = 500
/** How long one store edit of remote changes may hold the event loop, in ms. */
const SLICE_MS = 4

export interface SyncClientOptions {
  author: () => string
  password: (remote: RemoteConfig) => Promise<string | undefined>
  log?: (message: string) => void
  /**
   * Serves the mirror in this thread, over a message channel, instead of a process of its
   * own: for tests, where starting one from source costs about a second a project.
   */
  inThisThread?: boolean
}

/** Where the mirror runs: a process of its own, or a channel in this thread. */
interface SyncEndpoint {
  postMessage(message: ToWorker): void
  onMessage(listener: (message: FromWorker) => void): void
  /** Told if it stops by itself (a process that crashed or was killed). */
  onStop(listener: (error: Error) => void): void
  terminate(): Promise<void>
  /** Settles once every message posted so far has left this process. */
  sent(): Promise<void>
  /** The process it runs in, when that is a process of its own. */
  readonly pid?: number | undefined
}

/**
 * The sync engine in a process of its own, every thread of it at a low priority
 * (sync-worker.ts lowers them as it starts). In a worker thread, PouchDB's LevelDB work
 * (libuv's pool, shared by the whole process), LevelDB's compaction and V8's
 * garbage-collector helpers ran beside the app's main thread at its priority, and on two
 * cores the main thread waited for one: most of its stalls during a sync. Electron runs
 * the same entry as plain Node (ELECTRON_RUN_AS_NODE).
 */
function childProcess(folder: string): SyncEndpoint {
  const entry = workerEntry('sync-worker', new URL('./sync-worker.ts', import.meta.url))
  const [modulePath, args] = entry.workerData
    ? // From source: a small boot script registers tsx's loader, then imports the entry.
      [
        fileURLToPath(new URL('./sync-process-boot.mjs', import.meta.url)),
        [entry.workerData.entry, folder],
      ]
    : [fileURLToPath(entry.url), [folder]]
  const child = fork(modulePath, args, {
    serialization: 'advanced',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    // Only the app's own flags are meant for the app (a debugger port, the bench's --expose-gc).
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    // Never started (no such file, no processes left): there is nothing to wait for.
    child.once('error', () => child.pid === undefined && resolve())
  })
  // Messages the channel still holds in this process, and who waits for them to leave.
  let unsent = 0
  let waiting: Array<() => void> = []
  const release = (): void => {
    const resolved = waiting
    waiting = []
    for (const resolve of resolved) resolve()
  }
  const left = (): void => {
    if (--unsent <= 0) release()
  }
  // A channel closed with messages in it: none of them will leave; nobody waits for them.
  child.once('disconnect', () => {
    unsent = 0
    release()
  })
  return {
    pid: child.pid,
    postMessage: (message) => {
      if (!child.connected) return
      unsent++
      child.send(message, undefined, {}, left)
    },
    sent: () =>
      unsent === 0 || !child.connected
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiting.push(resolve)),
    onMessage: (listener) => child.on('message', (message) => listener(message as FromWorker)),
    onStop: (listener) => {
      child.on('error', listener)
      child.on('exit', (code, signal) =>
        listener(
          new Error(
            `The sync process stopped (${signal ? `signal ${signal}` : `exit code ${code}`}).`,
          ),
        ),
      )
    },
    terminate: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill()
      await exited
    },
  }
}

async function channelInThisThread(folder: string): Promise<SyncEndpoint> {
  // Loaded only here: the main process otherwise never loads PouchDB.
  const { serveSync } = await import('./sync-service')
  const { port1, port2 } = new MessageChannel()
  const service = serveSync(port2, folder)
  return {
    postMessage: (message) => port1.postMessage(message),
    onMessage: (listener) => port1.on('message', listener),
    onStop: () => undefined,
    sent: () => Promise.resolve(),
    terminate: async () => {
      service.stop()
      port1.close()
    },
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export class SyncClient {
  private readonly calls = new PendingCalls()
  private view: SyncView
  /** The last journal sequence number sent to the worker. */
  private sentSeq = -1
  /** Store resets wait for the copy that goes before them. */
  private copying: Promise<void> = Promise.resolve()
  private failure: Error | null = null
  private readonly statusListeners = new Set<(status: SyncStatus) => void>()
  /** The records this side put into the store for the worker (their journal echo is not sent). */
  private readonly applied = new WeakSet<object>()
  private readonly positions = new StorePositions()
  /** The longest single step of this side's work, in ms (the bench reports it). */
  longestStepMs = 0
  private readonly unsubscribe: () => void

  private constructor(
    readonly store: ProjectStore,
    private readonly worker: SyncEndpoint,
    remote: RemoteConfig | null,
    private readonly options: SyncClientOptions,
  ) {
    this.view = {
      status: {
        linked: remote !== null,
        live: false,
        state: 'idle',
        done: 0,
        total: 0,
        conflicts: 0,
        quarantined: 0,
      },
      activity: [],
      quarantine: [],
      remote,
    }
    worker.onMessage((message) => this.timed(() => this.heard(message)))
    worker.onStop((error) => this.stopped(error))
    this.unsubscribe = store.onJournal((event) => this.timed(() => this.forward(event)))
  }

  /** Sends the journal on to the worker (a reset goes after a fresh copy of the records). */
  private forward(event: JournalEvent): void {
    if (event.kind === 'reset') {
      // A whole new generation: the worker gets the records again, then the reset.
      this.copying = this.copying
        .then(() => this.sendRecords())
        .then(() => {
          this.sentSeq = event.seq
          this.post({ t: 'journal', event })
        })
      return
    }
    const last = event.entries.at(-1)
    if (last === undefined) return
    this.sentSeq = last.seq
    // What the worker applied comes back through the journal: it has those already, and
    // they are most of a first sync down, so they stay here (the last entry goes, for its
    // sequence number).
    const entries = event.entries.filter(
      (entry, index) =>
        index === event.entries.length - 1 ||
        !(typeof entry.value === 'object' && entry.value && this.applied.has(entry.value)),
    )
    this.post({ t: 'journal', event: { kind: 'ops', entries } })
  }

  /** Starts the sync engine, hands it the records and opens the mirror there. */
  static async open(store: ProjectStore, options: SyncClientOptions): Promise<SyncClient> {
    const worker = options.inThisThread
      ? await channelInThisThread(store.folder)
      : childProcess(store.folder)
    const client = new SyncClient(store, worker, await readRemote(store.folder), options)
    try {
      client.copying = client.sendRecords()
      await client.copying
      await client.call('open', { author: options.author() })
    } catch (error) {
      await client.shutdown()
      throw error
    }
    return client
  }

  static async hasRemote(folder: string): Promise<boolean> {
    return (await readRemote(folder)) !== null
  }

  /** The sync engine's process, when it runs in one of its own. */
  get processId(): number | undefined {
    return this.worker.pid
  }

  /** It stopped by itself (its process crashed or was killed), or was closed. */
  get hasStopped(): boolean {
    return this.failure !== null
  }

  get remoteConfig(): RemoteConfig | null {
    return this.view.remote
  }

  currentStatus(): SyncStatus {
    return { ...this.view.status, author: this.options.author() }
  }

  activity(): TeamActivity[] {
    return this.view.activity
  }

  quarantine(): QuarantinedDoc[] {
    return this.view.quarantine
  }

  /** Hears every status the worker reports (live replication moves it by itself). */
  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  setAuthor(name: string): void {
    this.post({ t: 'author', name })
  }

  async link(remote: RemoteConfig): Promise<void> {
    await this.call('link', remote)
  }

  async unlink(): Promise<void> {
    await this.call('unlink', undefined)
  }

  /** One sync both ways; resolves when what arrived is in the store. */
  syncNow(): Promise<void> {
    // Said at once, so whoever started it sees it running.
    this.view = {
      ...this.view,
      status: { ...this.view.status, state: 'syncing', done: 0, total: 0 },
    }
    return this.call('syncNow', undefined)
  }

  async startLive(): Promise<void> {
    await this.call('startLive', undefined)
  }

  async stopLive(): Promise<void> {
    await this.call('stopLive', undefined)
  }

  conflicts(): Promise<SyncConflict[]> {
    return this.call('conflicts', undefined)
  }

  async resolve(docId: string, value: PlainRecord | null): Promise<void> {
    await this.call('resolve', { docId, value })
  }

  async drain(): Promise<void> {
    await this.call('drain', undefined)
  }

  /** Where the worker's time went since the last call, in ms per phase. */
  phases(): Promise<Record<string, number>> {
    return this.call('phases', undefined)
  }

  async close(): Promise<void> {
    await this.copying.catch(() => undefined)
    // An engine that stopped by itself has nothing to close; its reason was shown already.
    if (!this.failure)
      await this.call('close', undefined).catch((error: unknown) =>
        this.log(`Team sync did not close cleanly: ${String(error)}`),
      )
    await this.shutdown()
  }

  // --- the worker's calls -------------------------------------------------------------

  private readonly mainMethods: {
    [K in keyof MainMethods]: (args: MainMethods[K]['args']) => Promise<MainMethods[K]['result']>
  } = {
    flush: () => this.store.flush(),
    apply: (args) => this.apply(args),
    sourceFilesStored: async ({ hashes }) => {
      for (const hash of hashes) this.store.files.forget(hash)
    },
    readAsset: ({ contentHash, format }) => this.store.readAsset(contentHash, format),
    writeAsset: ({ bytes, format }) => this.store.writeAsset(bytes, format),
    password: (remote) => this.options.password(remote),
  }

  /**
   * Applies the worker's changes a slice at a time, each slice a few milliseconds of work
   * (the store's positions of the records are kept from one slice to the next, not found
   * again). Guarded: not while the analyst has an edit the worker has not heard of (unsaved,
   * or saved and still on its way), and it stops as soon as one is made between two
   * slices; the worker reads the rest again after mirroring that edit, so it becomes a
   * conflict instead of being overwritten.
   */
  private async apply({ changes, guarded, basis }: MainMethods['apply']['args']): Promise<number> {
    if (guarded && (this.store.saveState().pending || this.sentSeq > basis)) return 0
    let applied = 0
    while (applied < changes.length) {
      this.timed(() => {
        const from = applied
        applied = this.positions.apply(this.store, changes, from, SLICE_MS)
        // Before the next turn: a write between two slices echoes them in the journal.
        for (const change of changes.slice(from, applied))
          if (change.value) this.applied.add(change.value)
      })
      if (applied === changes.length) break
      const revision = this.store.revision
      await nextTurn()
      if (this.store.isClosed) break
      if (guarded && this.store.revision !== revision) break
    }
    return applied
  }

  // --- messages -----------------------------------------------------------------------

  /** A copy of every record, a slice per message, the event loop free between them. */
  private async sendRecords(): Promise<void> {
    this.post({ t: 'records-begin' })
    for (const collection of COLLECTIONS) {
      const records = [...collectionOf(this.store.data, collection)]
      for (let start = 0; start < records.length; start += COPY_SLICE) {
        this.timed(() =>
          this.post({
            t: 'records',
            collection,
            records: records.slice(start, start + COPY_SLICE),
          }),
        )
        // One slice in the channel at a time: a process busy mirroring reads slowly, and
        // the whole project queued in this one's memory lengthened its garbage collections.
        await this.worker.sent()
        await nextTurn()
      }
    }
    this.post({
      t: 'parts',
      parts: Object.fromEntries(FIELDS.map((part) => [part, fieldOf(this.store.data, part)])),
    })
    this.post({ t: 'records-end', seq: this.store.diskState().seq })
  }

  private call<K extends keyof WorkerMethods>(
    method: K,
    args: WorkerMethods[K]['args'],
  ): Promise<WorkerMethods[K]['result']> {
    if (this.failure) return Promise.reject(this.failure)
    return this.calls.start((id) => this.post({ t: 'call', id, method, args } as ToWorker))
  }

  private heard(message: FromWorker): void {
    switch (message.t) {
      case 'reply':
        if (message.view) this.show(message.view)
        this.calls.settle(message)
        return
      case 'view':
        this.show(message.view)
        return
      case 'log':
        this.log(message.message)
        return
      case 'call':
        void this.answer(message)
        return
    }
  }

  private timed(step: () => void): void {
    const started = performance.now()
    step()
    this.longestStepMs = Math.max(this.longestStepMs, performance.now() - started)
  }

  private show(view: SyncView): void {
    this.view = view
    const status = this.currentStatus()
    for (const listener of this.statusListeners) listener(status)
  }

  private async answer(message: Extract<FromWorker, { t: 'call' }>): Promise<void> {
    const run = this.mainMethods[message.method] as (args: unknown) => Promise<unknown>
    this.post(await answerCall(message.id, () => run(message.args)))
  }

  private post(message: ToWorker): void {
    if (!this.failure) this.worker.postMessage(message)
  }

  private stopped(error: Error): void {
    if (this.failure) return
    this.failure = error
    this.view = {
      ...this.view,
      status: { ...this.view.status, state: 'error', reason: redact(error.message) },
    }
    this.calls.failAll(error)
  }

  private async shutdown(): Promise<void> {
    this.unsubscribe()
    this.failure ??= new AppError('no_project', 'Team sync of this project has been closed.')
    await this.worker.terminate()
  }

  private log(message: string): void {
    ;(this.options.log ?? ((m: string) => console.warn(m)))(redact(message))
  }
}

/**
 * Applies remote changes to the store a slice at a time, keeping where each record sits in
 * its collection from one slice to the next: finding them again took a map of the whole
 * collection per slice (20,000 annotations: milliseconds and a heap of garbage each time).
 * What it knows holds only while no other edit came between two of its slices.
 */
export class StorePositions {
  private readonly byCollection = new Map<
    string,
    { records: Array<{ id: string }>; at: Map<string, number> }
  >()
  /** The store's revision after the last slice; any other edit moves it. */
  private revision = -1

  /**
   * One store edit: the changes from `from` on, until `budgetMs` has passed (at least one
   * change). The store's records are replaced, never edited. Answers where it stopped.
   */
  apply(
    store: ProjectStore,
    changes: readonly StoreChange[],
    from: number,
    budgetMs: number,
  ): number {
    if (store.revision !== this.revision) this.byCollection.clear()
    const started = performance.now()
    let next = from
    store.mutate((data) => {
      const file = data as unknown as Record<string, Array<{ id: string }>>
      const deleted = new Map<string, Set<string>>()
      while (next < changes.length) {
        const change = changes[next++]!
        if (!COLLECTIONS.includes(change.collection)) {
          // A part kept whole: the newest value replaces it (a part is never deleted).
          if (change.value !== null && FIELDS.includes(change.collection))
            file[change.collection] = change.value as never
        } else {
          const { records, at } = this.collection(file, change.collection)
          const position = at.get(change.id)
          if (change.value === null) {
            if (position !== undefined) {
              const ids = deleted.get(change.collection) ?? new Set<string>()
              ids.add(change.id)
              deleted.set(change.collection, ids)
            }
          } else {
            deleted.get(change.collection)?.delete(change.id)
            if (position === undefined) {
              at.set(change.id, records.length)
              records.push(change.value as { id: string })
            } else records[position] = change.value as { id: string }
          }
        }
        if ((next - from) % 16 === 0 && performance.now() - started >= budgetMs) break
      }
      for (const [collection, ids] of deleted) {
        if (!ids.size) continue
        file[collection] = file[collection]!.filter((record) => !ids.has(record.id))
        this.byCollection.delete(collection)
      }
    })
    this.revision = store.revision
    return next
  }

  /** `file` is the store's view of the records: reaching a collection marks it for the next write. */
  private collection(
    file: Record<string, Array<{ id: string }>>,
    name: string,
  ): { records: Array<{ id: string }>; at: Map<string, number> } {
    const records = (file[name] ??= [])
    let known = this.byCollection.get(name)
    if (known?.records !== records) {
      known = { records, at: new Map(records.map((record, position) => [record.id, position])) }
      this.byCollection.set(name, known)
    }
    return known
  }
}

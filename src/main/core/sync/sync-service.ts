/**
 * The sync worker's side: PouchDB, the project's mirror (`.sync/`), replication with the
 * hub, the checks on what arrives (schemas, quarantine) and the merges all run here, off
 * the main process (sync-worker.ts serves it in a worker thread). It keeps a copy of the
 * records, current through the journal the main process forwards, and sends remote changes
 * back as store edits (sync-client.ts applies them in slices).
 */
import { storeContentFiles } from '../content-files'
import { AppError } from '../errors'
import { readSourceTextOf, SOURCES_FOLDER, type JournalEvent } from '../project-store'
import { ProjectFiles } from '../safe-files'
import { ProjectSync } from './project-sync'
import {
  answerCall,
  PendingCalls,
  type FromWorker,
  type MainMethods,
  type SyncView,
  type ToWorker,
  type WorkerMethods,
} from './sync-protocol'
import type { StoreChange, SyncStore } from './sync-store'

const VIEW_EVERY_MS = 100

/** The end of the channel to the main process (a worker's parentPort). */
export interface SyncPort {
  postMessage(message: FromWorker): void
  on(event: 'message', listener: (message: ToWorker) => void): unknown
}

type CallMain = <K extends keyof MainMethods>(
  method: K,
  args: MainMethods[K]['args'],
) => Promise<MainMethods[K]['result']>

// --- the records, as the store holds them ------------------------------------------------

class WorkerStore implements SyncStore {
  revision = 0
  private seq = -1
  private readonly byCollection = new Map<string, Map<string, { id: string }>>()
  private readonly parts = new Map<string, unknown>()
  private readonly listeners = new Set<(event: JournalEvent) => void>()
  /** While a copy of the records is arriving: what the journal changed meanwhile is newer. */
  private touched: Set<string> | null = null
  /** The project's source texts, as this thread writes them (see writeSourceTexts). */
  private readonly files: ProjectFiles

  constructor(
    readonly folder: string,
    private readonly callMain: CallMain,
  ) {
    this.files = new ProjectFiles(folder)
  }

  journalSeq(): number {
    return this.seq
  }

  records(collection: string): Iterable<{ id: string }> {
    return [...(this.byCollection.get(collection)?.values() ?? [])]
  }

  record(collection: string, id: string): { id: string } | undefined {
    return this.byCollection.get(collection)?.get(id)
  }

  part(name: string): unknown {
    return this.parts.get(name)
  }

  copyParts(parts: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(parts)) {
      if (!this.touched?.has(`${name}:`)) this.parts.set(name, value)
    }
    this.revision++
  }

  onJournal(listener: (event: JournalEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  beginCopy(): void {
    this.byCollection.clear()
    this.touched = new Set()
    this.revision++
  }

  copy(collection: string, records: Array<{ id: string }>): void {
    const byId = this.collection(collection)
    for (const record of records) {
      if (!this.touched?.has(`${collection}:${record.id}`)) byId.set(record.id, record)
    }
    this.revision++
  }

  endCopy(seq: number): void {
    this.touched = null
    this.seq = Math.max(this.seq, seq)
  }

  heard(event: JournalEvent): void {
    if (event.kind === 'reset') this.seq = event.seq
    else {
      for (const entry of event.entries) {
        this.touched?.add(`${entry.collection}:${entry.id ?? ''}`)
        if (entry.id === undefined) {
          this.parts.set(entry.collection, entry.op === 'put' ? entry.value : undefined)
          continue
        }
        this.put({
          collection: entry.collection,
          id: entry.id,
          value: entry.op === 'put' ? (entry.value as StoreChange['value']) : null,
        })
      }
      const last = event.entries.at(-1)?.seq
      if (last !== undefined) this.seq = last
    }
    this.revision++
    for (const listener of this.listeners) listener(event)
  }

  flush(): Promise<void> {
    return this.callMain('flush', undefined)
  }

  /**
   * Read here, in this thread: on the main thread, reading and hashing each text of a first
   * sync up made its longest runs (source texts are immutable files, safe to read from any
   * thread).
   */
  readSourceText(contentHash: string, expectedLength?: number): Promise<string> {
    return readSourceTextOf(this.files, contentHash, expectedLength)
  }

  /**
   * Stores the texts here, in this thread, as the import worker stores an import's: the
   * main thread would otherwise encode megabytes of a batch's texts, hash each, and wait on
   * thousands of file operations (each a wake-up of the thread pool that can cost it its
   * core). The store is then told which files are new.
   */
  async writeSourceTexts(
    texts: ReadonlyArray<{ utf8: Uint8Array; contentHash: string }>,
  ): Promise<void> {
    const stored = await storeContentFiles(
      this.folder,
      SOURCES_FOLDER,
      'txt',
      texts.map((text) => text.utf8),
      this.files,
      undefined,
      texts.map((text) => text.contentHash),
    )
    const written = stored.filter((file) => file.written).map((file) => file.contentHash)
    if (written.length) await this.callMain('sourceFilesStored', { hashes: written })
  }

  readAsset(contentHash: string, format: 'png' | 'svg'): Promise<Uint8Array> {
    return this.callMain('readAsset', { contentHash, format })
  }

  writeAsset(bytes: Uint8Array, format: 'png' | 'svg'): Promise<string> {
    return this.callMain('writeAsset', { bytes, format })
  }

  async apply(changes: readonly StoreChange[], guarded: boolean): Promise<number> {
    if (!changes.length) return 0
    const applied = await this.callMain('apply', {
      changes: [...changes],
      guarded,
      basis: this.seq,
    })
    for (const change of changes.slice(0, applied)) this.put(change)
    this.revision++
    return applied
  }

  private put(change: StoreChange): void {
    if (change.id === '') {
      if (change.value !== null) this.parts.set(change.collection, change.value)
      return
    }
    const byId = this.collection(change.collection)
    if (change.value === null) byId.delete(change.id)
    else byId.set(change.id, change.value as { id: string })
  }

  private collection(name: string): Map<string, { id: string }> {
    let byId = this.byCollection.get(name)
    if (!byId) {
      byId = new Map()
      this.byCollection.set(name, byId)
    }
    return byId
  }
}

// --- the mirror -------------------------------------------------------------------------

/**
 * Serves one project's mirror on `port` until its `close` call. Answers `stop`, which ends
 * what it keeps running by itself (the status poll), for a channel in the same thread.
 */
export function serveSync(port: SyncPort, folder: string): { stop(): void } {
  const send = (message: FromWorker): void => port.postMessage(message)
  const calls = new PendingCalls()
  const callMain: CallMain = (method, args) =>
    calls.start((id) => send({ t: 'call', id, method, args } as FromWorker))
  const store = new WorkerStore(folder, callMain)

  let author = ''
  let sync: ProjectSync | null = null
  let lastView = ''

  function view(): SyncView | undefined {
    if (!sync) return undefined
    const { author: _author, ...status } = sync.currentStatus()
    return {
      status,
      activity: sync.activity(),
      quarantine: sync.quarantine(),
      remote: sync.remoteConfig,
    }
  }

  /** Tells the main process when the status moved (live replication changes it by itself). */
  function publish(): void {
    const current = view()
    if (!current) return
    const text = JSON.stringify(current)
    if (text === lastView) return
    lastView = text
    send({ t: 'view', view: current })
  }
  const poll = setInterval(publish, VIEW_EVERY_MS)
  poll.unref()

  function opened(): ProjectSync {
    if (!sync) throw new AppError('unavailable', 'Team sync is still opening.')
    return sync
  }

  const methods: {
    [K in keyof WorkerMethods]: (args: WorkerMethods[K]['args']) => Promise<unknown>
  } = {
    open: async (args) => {
      author = args.author
      sync = await ProjectSync.open(store, {
        author: () => author || 'Unnamed analyst',
        password: (remote) => callMain('password', remote),
        log: (message) => send({ t: 'log', message }),
        onChange: publish,
      })
    },
    link: (remote) => opened().link(remote),
    unlink: () => opened().unlink(),
    syncNow: () => opened().syncNow(),
    startLive: () => opened().startLive(),
    stopLive: () => opened().stopLive(),
    conflicts: () => opened().conflicts(),
    resolve: ({ docId, value }) => opened().resolve(docId, value),
    drain: () => opened().drain(),
    phases: async () => opened().phases.take(),
    close: async () => {
      clearInterval(poll)
      await sync?.close()
      sync = null
    },
  }

  async function answer(message: Extract<ToWorker, { t: 'call' }>): Promise<void> {
    const run = methods[message.method] as (args: unknown) => Promise<unknown>
    const reply = await answerCall(message.id, () => run(message.args))
    const current = view()
    if (current) {
      reply.view = current
      lastView = JSON.stringify(current)
    }
    send(reply)
  }

  port.on('message', (message: ToWorker) => {
    switch (message.t) {
      case 'call':
        void answer(message)
        return
      case 'reply':
        calls.settle(message)
        return
      case 'journal':
        store.heard(message.event)
        return
      case 'records-begin':
        store.beginCopy()
        return
      case 'records':
        store.copy(message.collection, message.records)
        return
      case 'parts':
        store.copyParts(message.parts)
        return
      case 'records-end':
        store.endCopy(message.seq)
        return
      case 'author':
        author = message.name
        return
    }
  })
  return { stop: () => clearInterval(poll) }
}

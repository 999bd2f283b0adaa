/**
 * Team sync of one open project. A PouchDB database in the project's `.sync/` mirrors its
 * records, fed by the store's journal; CouchDB replication moves that database to and from
 * the team's hub; what arrives goes back into the store as ordinary edits, checked by the
 * same schemas. The mirror keeps one branch per peer: `known` is the revision each record
 * in the store stands on, so a local edit made while a remote one was arriving becomes a
 * CouchDB conflict instead of overwriting it.
 *
 * Everything that touches the mirror runs in one queue, in order. Replication itself is
 * PouchDB's asynchronous I/O; no step here holds the main thread for long (the incoming
 * pass works in batches of BATCH documents).
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import PouchDB, { type PouchDB as Pouch } from 'pouchdb-node'
import type {
  QuarantinedDoc,
  SyncConflict,
  SyncStatus,
  TeamActivity,
} from '../../../shared/api/sync'
import { writeFileDurably } from '../durable-write'
import { AppError } from '../errors'
import { inLanes } from '../lanes'
import type { JournalEntry, JournalEvent } from '../project-store'
import { COLLECTIONS, FIELDS, isCollection, schemaOf } from '../store/collections'
import { Slicer } from '../store/lines'
import { mergeRecord, sameValue, type PlainRecord } from './merge'
import { PhaseClock } from '../phase-clock'
import {
  assetDocId,
  ASSET_ATTACHMENT,
  isRecordDocId,
  partDocId,
  plain,
  recordDocId,
  recordLabel,
  SOURCE_TEXT_PREFIX,
  sourceTextDoc,
  sourceTextDocId,
  TEXT_ATTACHMENT,
  type RecordBody,
  type RecordDoc,
} from './mirror-docs'
import { KnownRevisions, type SavedKnown } from './known-revisions'
import { readRemote, redact, REMOTE_FILE, SYNC_FOLDER, type RemoteConfig } from './remote'
import type { StoreChange, SyncStore } from './sync-store'

export const STATE_ID = '_local/sightline-sync'
const BATCH = 500
/**
 * Documents per request of a replication (the bench's floor replicates with the same). 2,000
 * cost a few percent less processor time, but each batch is one apply on the main thread,
 * whose longest run in the bench grew from 11-12 ms to 14-16 ms.
 */
export const REPLICATION_BATCH = 500
const ACTIVITY_LIMIT = 200
const STATE_EVERY_MS = 2_000
/** Source texts read at once while they are mirrored. */
const TEXT_READS = 16
/** The texts a pull brought are kept until their sources are applied, up to this much. */
const PULLED_TEXT_BYTES = 64 * 1024 * 1024

export interface ProjectSyncOptions {
  /** The name this analyst's revisions carry. */
  author: () => string
  /** The hub's password, from the vault (never stored with the project). */
  password?: (remote: RemoteConfig) => Promise<string | undefined>
  /** A PouchDB constructor (tests may pass one with another adapter). */
  pouch?: Pouch.Static
  log?: (message: string) => void
  /** Told when the status moves by itself (live replication). */
  onChange?: () => void
}

interface SyncState {
  /** The last journal sequence number mirrored. */
  mirroredSeq: number
  /** The local changes-feed sequence the incoming pass has read up to. */
  appliedSince: number | string
  quarantine: QuarantinedDoc[]
  activity: TeamActivity[]
  /** Source records waiting for their text to arrive. */
  waiting: string[]
  /**
   * A sync has brought what the hub holds: only then are the project's parts (details,
   * views) written to the mirror when it has none, so a project that joins a team takes
   * the team's rather than starting a conflict over them.
   */
  pulled: boolean
}

type Leaf = RecordDoc & { _revisions?: { start: number; ids: string[] }; _deleted?: boolean }

/** What a conflicted record looks like from here: my leaf, the others, their ancestor. */
interface ConflictSides {
  winner: Leaf
  mine: Leaf
  others: Leaf[]
}

/** The state of a mirror that has never saved one. */
export const EMPTY_STATE: SyncState = {
  mirroredSeq: -1,
  appliedSince: 0,
  quarantine: [],
  activity: [],
  waiting: [],
  pulled: false,
}

export class ProjectSync {
  private queue: Promise<unknown> = Promise.resolve()
  private journalBacklog = 0
  private stateDirty = false
  private status: Omit<
    SyncStatus,
    'conflicts' | 'quarantined' | 'author' | 'linked' | 'remote' | 'username' | 'live'
  > = {
    state: 'idle',
    done: 0,
    total: 0,
  }
  private conflicted = new Set<string>()
  /** Records reconcile found with no known revision, none of whose revisions the store holds. */
  private readonly unknownBase = new Set<string>()
  /** Long loops yield every few milliseconds, so requests keep being answered. */
  private readonly slicer = new Slicer()
  /** Where the time of the syncs goes (the bench prints it). */
  readonly phases = new PhaseClock()
  private live: Pouch.Sync<RecordBody> | null = null
  /** The state document's revision as this side last wrote it. */
  private stateRev: string | undefined
  private stateSavedAt = -Infinity
  private stateTimer: NodeJS.Timeout | null = null
  private liveIncoming: NodeJS.Timeout | null = null
  private closed = false
  /**
   * Every document id the mirror holds, or may: a pulled revision of an id not in it is
   * its document's only leaf, so it needs no reading back to know it won without conflict.
   */
  private readonly mirrorIds = new Set<string>()
  /** Source texts a pull brought, by hash, until their sources take them. */
  private readonly pulledTexts = new Map<string, Buffer>()
  /**
   * Sources of this pull waiting for their text, as they were when they waited: retried from
   * here rather than read back, unless a later batch brought the record again or the analyst
   * edited it meanwhile (until the sync ends).
   */
  private readonly waitingSources = new Map<string, Leaf>()
  /** While a pull's own batches are being applied (not beside a live replication). */
  private pulling = false
  private pulledTextBytes = 0
  /** Replications begun (syncs and live ones), and those under way: they write to the mirror too. */
  private replicationsStarted = 0
  private replicationsRunning = 0
  private readonly unsubscribe: () => void

  private constructor(
    readonly store: SyncStore,
    private readonly db: Pouch.Database<RecordBody>,
    private state: SyncState,
    /** docId → the revision the store's record stands on. */
    private readonly known: KnownRevisions,
    private remote: RemoteConfig | null,
    private readonly options: ProjectSyncOptions,
  ) {
    this.unsubscribe = store.onJournal((event) => this.onJournal(event))
  }

  /** Opens (or creates) the project's mirror and brings it up to date with the store. */
  static async open(store: SyncStore, options: ProjectSyncOptions): Promise<ProjectSync> {
    const folder = join(store.folder, SYNC_FOLDER)
    await mkdir(folder, { recursive: true })
    const Ctor = options.pouch ?? PouchDB
    const db = new Ctor<RecordBody>(join(folder, 'mirror'), { auto_compaction: false })
    let state: SyncState & SavedKnown = EMPTY_STATE
    try {
      const saved = (await db.get(STATE_ID)) as unknown as SyncState & SavedKnown
      state = { ...EMPTY_STATE, ...saved }
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error
    }
    const { known: _known, knownGeneration: _generation, knownParts: _parts, ...rest } = state
    const sync = new ProjectSync(
      store,
      db,
      structuredClone(rest),
      await KnownRevisions.load(db, state),
      await readRemote(store.folder),
      options,
    )
    await sync.enqueue(async () => {
      if (sync.state.mirroredSeq !== store.journalSeq())
        await sync.phases.time('mirror the store', () => sync.reconcile())
      await sync.findConflicts()
    })
    return sync
  }

  static async hasRemote(folder: string): Promise<boolean> {
    return (await readRemote(folder)) !== null
  }

  get remoteConfig(): RemoteConfig | null {
    return this.remote
  }

  currentStatus(): SyncStatus {
    return {
      linked: this.remote !== null,
      ...(this.remote ? { remote: this.remote.url } : {}),
      ...(this.remote?.username ? { username: this.remote.username } : {}),
      live: this.remote?.live ?? false,
      ...this.status,
      ...(this.remote ? {} : { state: 'off' as const }),
      conflicts: this.conflicted.size,
      quarantined: this.state.quarantine.length,
      author: this.options.author(),
    }
  }

  activity(): TeamActivity[] {
    return [...this.state.activity].reverse()
  }

  quarantine(): QuarantinedDoc[] {
    return [...this.state.quarantine]
  }

  /** Links the project to a hub (the caller has checked the URL and stored the password). */
  async link(remote: RemoteConfig): Promise<void> {
    await this.stopLive()
    this.remote = remote
    await mkdir(join(this.store.folder, SYNC_FOLDER), { recursive: true })
    await writeFileDurably(
      join(this.store.folder, SYNC_FOLDER, REMOTE_FILE),
      JSON.stringify(remote),
    )
    this.status = { state: 'idle', done: 0, total: 0 }
    if (remote.live) await this.startLive()
  }

  async unlink(): Promise<void> {
    await this.stopLive()
    this.remote = null
    await rm(join(this.store.folder, SYNC_FOLDER, REMOTE_FILE), { force: true })
    this.status = { state: 'idle', done: 0, total: 0 }
  }

  /**
   * One sync both ways: local edits are mirrored first, then pushed and pulled, then what
   * arrived is applied to the store. Resolves when all of it is done; a failure is in the
   * status (offline, refused) and thrown.
   */
  async syncNow(): Promise<void> {
    // Said at once, so whoever started it sees it running.
    this.status = { ...this.status, state: 'syncing', done: 0, total: 0 }
    let remote: Pouch.Database<RecordBody>
    try {
      remote = await this.remoteDb()
      await this.phases.time('mirror local edits', async () => {
        await this.flushStore()
        await this.drain()
      })
    } catch (error) {
      this.failed(error)
      throw error
    }
    try {
      // What an earlier pull left unapplied (it was cut short) goes first, from the mirror.
      await this.applyIncoming()
      // What this pull brings is checked and applied batch by batch while the rest is still
      // coming, from the replication's own batches rather than read back from the mirror:
      // the pull waits on the hub and the disk, this on the processor. Beside a live
      // replication the batches are not the only writes, so the mirror is read instead.
      const pull = this.live ? null : new PulledBatches((batch) => this.pulledBatch(batch))
      const appliedBefore = this.state.appliedSince
      this.pulling = pull !== null
      this.replicationsStarted++
      this.replicationsRunning++
      const replication = this.db.sync(remote, { batch_size: REPLICATION_BATCH })
      replication.on('change', (info) => {
        this.count(info.change)
        if (info.direction === 'pull' && pull) pull.add(this.takeBatch(info.change.docs ?? []))
      })
      try {
        await this.phases.time('replicate', () => Promise.resolve(replication))
      } finally {
        this.replicationsRunning--
        if (pull) {
          await this.phases.time('apply while pulling (left after the pull)', () => pull.settled())
        }
        this.pulling = false
      }
      if (pull?.complete) await this.enqueue(() => this.caughtUp(appliedBefore))
      // Reads the mirror only for what the batches could not settle (nothing, when caught up).
      await this.applyIncoming()
      if (await this.afterFirstPull()) {
        await this.phases.time('replicate', () =>
          Promise.resolve(this.db.sync(remote, { batch_size: REPLICATION_BATCH })),
        )
      }
      this.status = {
        state: 'synced',
        done: this.status.done,
        total: this.status.done,
        lastSyncAt: new Date().toISOString(),
      }
    } catch (error) {
      this.failed(error)
      throw new AppError('unavailable', this.status.reason ?? 'The sync failed.')
    } finally {
      this.forgetPulledTexts()
      this.pulling = false
      this.waitingSources.clear()
      await remote.close().catch(() => undefined)
    }
  }

  /** Once the hub's parts are here, the ones it lacked go up (true when there are some). */
  private async afterFirstPull(): Promise<boolean> {
    if (this.state.pulled) return false
    return this.enqueue(async () => {
      this.state.pulled = true
      this.stateDirty = true
      const wrote = await this.mirrorParts()
      await this.saveState()
      return wrote
    })
  }

  /** Continuous replication with retries: it resumes by itself after sleep or a lost network. */
  async startLive(): Promise<void> {
    if (this.live || this.closed) return
    const remote = await this.remoteDb()
    this.replicationsStarted++
    const live = this.db.sync(remote, {
      live: true,
      retry: true,
      batch_size: REPLICATION_BATCH,
      back_off_function: retryDelay,
    })
    this.live = live
    const changed = (): void => this.options.onChange?.()
    // Each direction is followed on its own: the sync as a whole reports neither a failed
    // request (while retrying) nor the error a direction paused on.
    const sides: Record<'push' | 'pull', 'active' | 'caught up' | 'failed'> = {
      push: 'active',
      pull: 'active',
    }
    const settle = (): void => {
      if (sides.push === 'failed' || sides.pull === 'failed') return
      if (sides.push === 'caught up' && sides.pull === 'caught up') {
        this.status = {
          state: 'synced',
          done: this.status.done,
          total: this.status.done,
          lastSyncAt: new Date().toISOString(),
        }
        this.scheduleIncoming()
        if (!this.state.pulled)
          void this.applyIncoming()
            .then(() => this.afterFirstPull())
            .catch((error: unknown) => this.failed(error))
      } else if (this.status.state !== 'syncing') {
        this.status = { ...this.status, state: 'syncing', done: 0, total: 0 }
      }
      changed()
    }
    const fail = (direction: 'push' | 'pull', error: unknown): void => {
      sides[direction] = 'failed'
      this.failed(error)
      changed()
    }
    for (const direction of ['push', 'pull'] as const) {
      const replication = live[direction]
      replication.on('active', () => {
        sides[direction] = 'active'
        settle()
      })
      replication.on('paused', (error) => {
        if (error) fail(direction, error)
        else {
          // A retry that found nothing to move pauses without saying 'active' first: it
          // did reach the hub, so the status passes through syncing as for any other round
          // (offline straight to synced otherwise, depending on which side retried last).
          if (sides[direction] === 'failed') {
            sides[direction] = 'active'
            settle()
          }
          sides[direction] = 'caught up'
          settle()
        }
      })
      replication.on('requestError', (error) => fail(direction, error))
    }
    live.on('change', (info) => {
      this.count(info.change)
      if (info.direction === 'pull') this.scheduleIncoming()
      changed()
    })
    live.on('error', (error) => {
      this.failed(error)
      changed()
    })
  }

  async stopLive(): Promise<void> {
    const live = this.live
    this.live = null
    if (live) {
      live.cancel()
      await Promise.resolve(live).catch(() => undefined)
    }
  }

  /** Every record both sides changed in the same field, for the Conflicts view. */
  async conflicts(): Promise<SyncConflict[]> {
    return this.enqueue(async () => {
      const out: SyncConflict[] = []
      for (const docId of [...this.conflicted].sort()) {
        const sides = await this.sidesOf(docId)
        if (!sides) continue
        for (const other of sides.others) {
          const base = await this.ancestorOf(docId, sides.mine, other)
          const merge = mergeRecord(base, sides.mine.value, other.value)
          if (merge.clean) continue
          out.push({
            docId,
            collection: sides.mine.collection,
            id: sides.mine.id,
            label: recordLabel(sides.mine.value ?? other.value ?? base) || partLabel(docId),
            theirAuthor: other.author,
            theirAt: other.at,
            myAuthor: sides.mine.author,
            mine: sides.mine.value,
            theirs: other.value,
            ...(base !== undefined ? { base } : {}),
            fields: merge.conflicts.map((c) => ({
              field: c.field,
              mine: c.mine,
              theirs: c.theirs,
              ...(c.base !== undefined ? { base: c.base } : {}),
              ...(c.textMerge !== undefined ? { textMerge: c.textMerge } : {}),
            })),
          })
          break
        }
      }
      return out
    })
  }

  /**
   * Settles a conflicted record with `value` (null: deleted): written on the winning
   * revision, every other leaf deleted, so every peer converges on it; then applied to the
   * store like any edit (refused if it fails the schema).
   */
  async resolve(docId: string, value: PlainRecord | null): Promise<void> {
    await this.enqueue(async () => {
      const sides = await this.sidesOf(docId)
      if (!sides) throw new AppError('not_found', 'This conflict has been settled already.')
      const { collection, id } = sides.winner
      const checked = value === null ? null : this.validate(collection, value)
      if (checked && 'error' in checked) throw new AppError('invalid_input', checked.error)
      const record = checked === null ? null : checked.value
      if (record && id !== '' && record['id'] !== id)
        throw new AppError('invalid_input', 'The record must keep its id.')
      if (!record && id === '')
        throw new AppError('invalid_input', 'A part of the project cannot be deleted.')
      const leaves = [sides.winner, ...sides.others, sides.mine].filter(
        (leaf, index, all) => all.findIndex((l) => l._rev === leaf._rev) === index,
      )
      const rev = await this.settle({ ...sides, others: leaves }, record)
      if (!rev) throw new AppError('conflict', 'The record changed meanwhile; look again.')
      this.known.set(docId, rev)
      this.conflicted.delete(docId)
      await this.applyOne({ collection, id, value: record })
      this.note({
        author: this.options.author(),
        action: 'resolved',
        collection,
        id,
        label: recordLabel(record ?? sides.mine.value),
      })
      this.stateDirty = true
      await this.saveState()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.liveIncoming) clearTimeout(this.liveIncoming)
    if (this.stateTimer) clearTimeout(this.stateTimer)
    await this.stopLive()
    this.unsubscribe()
    await this.drain()
    this.stateDirty = true
    await this.saveState().catch(() => undefined)
    await this.db.close()
  }

  /** Waits for every queued mirror step. */
  async drain(): Promise<void> {
    while (true) {
      const tail = this.queue
      await tail.catch(() => undefined)
      if (tail === this.queue) return
    }
  }

  // --- the journal → the mirror -----------------------------------------------------

  private onJournal(event: JournalEvent): void {
    this.journalBacklog++
    void this.enqueue(async () => {
      try {
        await this.phases.time('mirror journal', () =>
          event.kind === 'reset' ? this.reconcile() : this.mirrorEntries(event.entries),
        )
      } finally {
        this.journalBacklog--
      }
    }).catch((error: unknown) => this.log(`Team sync could not mirror an edit: ${String(error)}`))
  }

  private async mirrorEntries(entries: readonly JournalEntry[]): Promise<void> {
    const last = new Map<string, { collection: string; id: string; value: PlainRecord | null }>()
    for (const entry of entries) {
      if (entry.id === undefined && isPart(entry.collection)) {
        if (entry.op === 'put')
          last.set(partDocId(entry.collection), {
            collection: entry.collection,
            id: '',
            value: plain(entry.value),
          })
        continue
      }
      if (!isCollection(entry.collection) || entry.id === undefined) continue
      last.set(recordDocId(entry.collection, entry.id), {
        collection: entry.collection,
        id: entry.id,
        value: entry.op === 'put' ? plain(entry.value) : null,
      })
    }
    await this.writeLocal(last)
    const lastSeq = entries.at(-1)?.seq
    if (lastSeq !== undefined) this.state.mirroredSeq = lastSeq
    this.stateDirty = true
    await this.saveStateSoon()
  }

  /**
   * Writes local records onto the revisions the store stood on. A record whose revision
   * has moved on meanwhile (a remote edit arrived) gets a sibling branch: a conflict.
   */
  private async writeLocal(
    changes: Map<string, { collection: string; id: string; value: PlainRecord | null }>,
  ): Promise<void> {
    if (!changes.size) return
    const pace = await this.paceBefore()
    const ids = [...changes.keys()]
    for (const docId of ids) this.mirrorIds.add(docId)
    for (let start = 0; start < ids.length; start += BATCH) {
      const slice = ids.slice(start, start + BATCH)
      const current = await this.db.allDocs({ keys: slice, include_docs: true })
      const puts: RecordDoc[] = []
      const roots: RecordDoc[] = []
      const branches: Array<{ docId: string; parent: string; doc: RecordBody }> = []
      current.rows.forEach((row, index) => {
        const docId = slice[index]!
        const change = changes.get(docId)!
        const winner = 'value' in row && row.value ? row : null
        const known = this.known.get(docId)
        const winnerRev = winner?.value.rev
        const winnerDoc = winner && 'doc' in winner ? (winner.doc as RecordDoc | null) : null
        const body = this.body(change.collection, change.id, change.value)
        if (!winnerRev || (!known && this.unknownBase.has(docId))) {
          if (!winnerRev && change.id === '' && !this.state.pulled) return
          if (change.value) roots.push({ ...body, _id: docId, ...firstRevision(change.value) })
          return
        }
        const parent = known ?? winnerRev
        if (parent === winnerRev) {
          if (winnerDoc && sameValue(winnerDoc.value, change.value)) return
          puts.push({ ...body, _id: docId, _rev: winnerRev })
        } else {
          branches.push({ docId, parent, doc: body })
        }
      })
      if (roots.length) {
        await this.db.bulkDocs(roots, { new_edits: false })
        for (const root of roots) this.known.set(root._id, root._rev!)
      }
      const results = puts.length ? await this.db.bulkDocs(puts) : []
      results.forEach((result, index) => {
        const doc = puts[index]!
        if ('ok' in result && result.ok) this.known.set(doc._id, result.rev)
        else if (doc._rev) branches.push({ docId: doc._id, parent: doc._rev, doc })
      })
      for (const branch of branches) await this.writeBranch(branch.docId, branch.parent, branch.doc)
      await this.mirrorTexts(slice.map((docId) => changes.get(docId)!))
    }
    await this.paceAfter(pace)
  }

  /**
   * Where the mirror stood before a local write, when the incoming pass had read all of it
   * and nothing else writes to it: the pass then need not read this write back (it is this
   * side's own, its revisions known).
   */
  private async paceBefore(): Promise<{ seq: number | string; started: number } | null> {
    if (this.replicationsRunning > 0 || this.live) return null
    const started = this.replicationsStarted
    const { update_seq: seq } = await this.db.info()
    return seq === this.state.appliedSince ? { seq, started } : null
  }

  private async paceAfter(pace: { seq: number | string; started: number } | null): Promise<void> {
    if (!pace || this.state.appliedSince !== pace.seq) return
    const { update_seq: seq } = await this.db.info()
    // Read after the write: a replication begun meanwhile may have written too.
    if (this.replicationsStarted !== pace.started || this.replicationsRunning > 0 || this.live)
      return
    this.state.appliedSince = seq
    this.stateDirty = true
  }

  /** The newest revision in a record's history whose body is `value`, if any. */
  private async revisionHolding(docId: string, value: PlainRecord): Promise<string | null> {
    const winner = (await this.db.get(docId, { revs: true }).catch(() => null)) as Leaf | null
    const history = winner?._revisions
    if (!history) return null
    for (const [index, hash] of history.ids.entries()) {
      const rev = `${history.start - index}-${hash}`
      const doc = (await this.db.get(docId, { rev }).catch(() => null)) as RecordDoc | null
      if (doc && sameValue(doc.value, value)) return rev
    }
    return null
  }

  /** A new revision beside the others, on `parent`: CouchDB then holds both as a conflict. */
  private async writeBranch(docId: string, parent: string, body: RecordBody): Promise<void> {
    const history = (await this.db.get(docId, { rev: parent, revs: true })) as Leaf
    const revisions = history._revisions ?? {
      start: Number(parent.split('-')[0]),
      ids: [parent.split('-')[1]!],
    }
    const hash = randomBytes(16).toString('hex')
    const start = revisions.start + 1
    const doc = {
      ...body,
      _id: docId,
      _rev: `${start}-${hash}`,
      _revisions: { start, ids: [hash, ...revisions.ids] },
    }
    await this.db.bulkDocs([doc], { new_edits: false })
    this.known.set(docId, doc._rev)
    this.conflicted.add(docId)
  }

  /** Each source's text once, as its own immutable document. */
  private async mirrorTexts(
    changes: Array<{ collection: string; value: PlainRecord | null }>,
  ): Promise<void> {
    await this.mirrorAssets(changes)
    const sources = changes.filter((c) => c.collection === 'sources' && c.value)
    if (!sources.length) return
    // Each text's length, by its document: the length its source records.
    const lengths = new Map(
      sources.map((c) => [
        sourceTextDocId(String(c.value!['contentHash'])),
        Number(c.value!['length']),
      ]),
    )
    const keys = [...lengths.keys()]
    const present = await this.db.allDocs({ keys })
    const missing = keys.filter((_, index) => {
      const row = present.rows[index]!
      return !('value' in row && row.value && !row.value.deleted)
    })
    // Read a few at a time and written in one request: one by one, a first sync up spent
    // thousands of round trips to the disk and to LevelDB on them.
    const docs: RecordDoc[] = []
    await inLanes(missing.length, TEXT_READS, async (index) => {
      const docId = missing[index]!
      const contentHash = docId.slice(SOURCE_TEXT_PREFIX.length)
      const text = await this.store.readSourceText(contentHash, lengths.get(docId))
      docs[index] = sourceTextDoc(contentHash, Buffer.from(text, 'utf8')) as unknown as RecordDoc
    })
    if (!docs.length) return
    const results = await this.db.bulkDocs(docs)
    const failed = results.find((result) => !('ok' in result && result.ok))
    if (failed && 'error' in failed)
      throw new Error(`A source text could not be mirrored: ${failed.message ?? failed.error}`)
  }

  /** The graph image the saved views name, once, as its own immutable document. */
  private async mirrorAssets(
    changes: Array<{ collection: string; value: PlainRecord | null }>,
  ): Promise<void> {
    for (const change of changes) {
      const image = change.collection === 'views' ? graphImageOf(change.value) : null
      if (!image) continue
      const docId = assetDocId(image.contentHash, image.format)
      const present = await this.db.get(docId).catch(() => null)
      if (present) continue
      const bytes = await this.store.readAsset(image.contentHash, image.format)
      await this.db.put({
        _id: docId,
        _attachments: {
          [ASSET_ATTACHMENT]: { content_type: IMAGE_TYPES[image.format], data: Buffer.from(bytes) },
        },
      } as unknown as RecordDoc)
    }
  }

  /** After the first sync: the project's parts the hub did not have go to it. */
  private async mirrorParts(): Promise<boolean> {
    const missing = new Map<string, { collection: string; id: string; value: PlainRecord | null }>()
    for (const part of FIELDS) {
      const value = this.store.part(part)
      if (value === undefined || value === null) continue
      const docId = partDocId(part)
      if (await this.db.get(docId).catch(() => null)) continue
      missing.set(docId, { collection: part, id: '', value: plain(value) })
    }
    await this.writeLocal(missing)
    return missing.size > 0
  }

  /**
   * Brings the mirror level with the store after a crash between a write and its mirroring,
   * a restore, or the first link: each record that differs from the revision it stood on is
   * written; records gone from the store are marked deleted.
   */
  private async reconcile(): Promise<void> {
    const changes = new Map<string, { collection: string; id: string; value: PlainRecord | null }>()
    const inStore = new Set<string>()
    const all = await this.db.allDocs({ include_docs: true })
    const mirrored = new Map(
      all.rows
        .filter(isRow)
        .filter((r) => isRecordDocId(r.id))
        .map((r) => [r.id, r]),
    )
    const parts = FIELDS.flatMap((part) => {
      const value = this.store.part(part)
      return value === undefined || value === null ? [] : [{ part, value }]
    })
    const everything: Array<{ collection: string; id: string; record: unknown }> = []
    for (const collection of COLLECTIONS)
      for (const record of this.store.records(collection))
        everything.push({ collection, id: record.id, record })
    for (const { part, value } of parts)
      everything.push({ collection: part, id: '', record: value })
    for (const { collection, id, record } of everything) {
      await this.slicer.maybePause()
      const docId = id === '' ? partDocId(collection) : recordDocId(collection, id)
      inStore.add(docId)
      const row = mirrored.get(docId)
      const value = plain(record)
      const known = this.known.get(docId)
      if (row && (!known || known === row.value.rev) && sameValue(row.doc?.value, value)) {
        this.known.set(docId, row.value.rev)
        continue
      }
      if (row && known && known !== row.value.rev) {
        const before = (await this.db
          .get(docId, { rev: known })
          .catch(() => null)) as RecordDoc | null
        if (before && sameValue(before.value, value)) continue
      }
      if (row && !known) {
        // The app stopped before the state naming the revision this record stood on was
        // saved, and the mirror has moved on since (a remote edit arrived, not applied).
        // The record's history says where the store stands; an edit of the analyst's on
        // top of no revision found there goes beside the others, as a conflict: writing
        // it on the newest revision would silently undo the remote edit.
        const base = await this.revisionHolding(docId, value)
        if (base) {
          this.known.set(docId, base)
          continue
        }
        this.unknownBase.add(docId)
      }
      changes.set(docId, { collection, id, value })
    }
    for (const [docId, row] of mirrored) {
      if (inStore.has(docId) || !row.doc || row.doc.value === null) continue
      // Only what this peer had: a record that arrived and was not applied yet is not a deletion.
      if (this.known.get(docId) !== row.value.rev) continue
      changes.set(docId, { collection: row.doc.collection, id: row.doc.id, value: null })
    }
    await this.writeLocal(changes)
    this.unknownBase.clear()
    this.state.mirroredSeq = this.store.journalSeq()
    this.stateDirty = true
    await this.saveState()
  }

  // --- the mirror → the store -----------------------------------------------------

  private scheduleIncoming(): void {
    if (this.liveIncoming || this.closed) return
    this.liveIncoming = setTimeout(() => {
      this.liveIncoming = null
      void this.applyIncoming().catch((error: unknown) => this.failed(error))
    }, 50)
  }

  /**
   * Applies what replication brought, in batches: a record without a conflict takes the
   * winning revision; a conflict whose sides changed different fields is merged and written
   * back; one that changed the same field waits in the Conflicts view. Nothing is applied
   * while the analyst has edits not yet mirrored: the pass waits for them, so they become
   * conflicts rather than being overwritten.
   */
  private async applyIncoming(): Promise<void> {
    // Each batch is its own step in the queue, so the journal's steps (the analyst's edits,
    // and the echo of what the last batch applied) run in between.
    for (let round = 0; round < 10_000; round++) {
      if (this.closed) return
      if ((await this.enqueue(() => this.incomingBatch())) === 'done') return
    }
    this.scheduleIncoming()
  }

  private async incomingBatch(): Promise<'done' | 'more' | 'wait'> {
    await this.phases.time('flush store', () => this.flushStore())
    if (this.journalBacklog > 0) return 'wait'
    const feed = await this.phases.time('read changes', () =>
      this.db.changes({
        since: this.state.appliedSince,
        limit: BATCH,
        include_docs: true,
        conflicts: true,
      }),
    )
    const retry = this.state.waiting.filter((docId) => !feed.results.some((r) => r.id === docId))
    const retried = retry.length
      ? await this.phases.time('read changes', () =>
          this.db.allDocs({ keys: retry, include_docs: true, conflicts: true }),
        )
      : null
    const docs: Leaf[] = [
      ...feed.results.map((r) => r.doc as Leaf | undefined),
      ...(retried?.rows ?? []).map((r) => ('doc' in r ? (r.doc as Leaf | undefined) : undefined)),
    ].filter((doc): doc is Leaf => !!doc && isRecordDocId(doc._id))
    if (this.journalBacklog > 0) return 'wait'
    if (!(await this.applyKeepingWaiting(docs))) return 'wait'
    this.state.appliedSince = feed.last_seq
    this.stateDirty = true
    const done = feed.results.length < BATCH
    await this.phases.time('save state', () => (done ? this.saveState() : this.saveStateSoon()))
    return done ? 'done' : 'more'
  }

  /**
   * What a pull's batch wrote, as the replication fetched it, sorted as it lands (before the
   * next batch can be written). A record's revision is settled from the batch itself when
   * the mirror had no document of that id and the batch one revision of it: it is then its
   * document's only leaf, the winner with no conflict. Any other is read back.
   */
  private takeBatch(written: NonNullable<Pouch.ReplicationChange['docs']>): PulledBatch {
    const revisions = new Map<string, number>()
    for (const doc of written) revisions.set(doc._id, (revisions.get(doc._id) ?? 0) + 1)
    const docs: Leaf[] = []
    const alone = new Set<string>()
    for (const doc of written) {
      if (doc._id.startsWith(SOURCE_TEXT_PREFIX)) this.keepPulledText(doc)
      if (!isRecordDocId(doc._id)) continue
      if (!doc._deleted && !this.mirrorIds.has(doc._id) && revisions.get(doc._id) === 1)
        alone.add(doc._id)
      docs.push(doc as unknown as Leaf)
    }
    for (const doc of written) {
      this.mirrorIds.add(doc._id)
      this.waitingSources.delete(doc._id)
    }
    return { docs, alone }
  }

  /**
   * Applies one batch of a pull (a step of the queue). 'wait' when the analyst edited
   * meanwhile: it is tried again once their edits are mirrored.
   */
  private async pulledBatch(batch: PulledBatch): Promise<'done' | 'wait'> {
    return this.enqueue(async () => {
      await this.phases.time('flush store', () => this.flushStore())
      if (this.journalBacklog > 0) return 'wait'
      // A local edit of the record since it landed makes the batch's revision old news.
      const settled = (doc: Leaf): boolean =>
        batch.alone.has(doc._id) && this.known.get(doc._id) === undefined
      const inBatch = new Set(batch.docs.map((doc) => doc._id))
      const retry = this.state.waiting.filter((docId) => !inBatch.has(docId))
      const waited = new Map(
        retry.flatMap((docId) => {
          const doc = this.waitingSources.get(docId)
          return doc && this.known.get(docId) === undefined ? [[docId, doc] as const] : []
        }),
      )
      const keys = [
        ...new Set(batch.docs.filter((doc) => !settled(doc)).map((doc) => doc._id)),
        ...retry.filter((docId) => !waited.has(docId)),
      ]
      const current = new Map<string, Leaf>()
      if (keys.length) {
        const read = await this.phases.time('read changes', () =>
          this.db.allDocs({ keys, include_docs: true, conflicts: true }),
        )
        for (const row of read.rows) {
          const doc = 'doc' in row ? (row.doc as Leaf | null | undefined) : undefined
          if (doc) current.set(doc._id, doc)
        }
      }
      const pulled = new Map(batch.docs.filter(settled).map((doc) => [doc._id, doc]))
      const docs: Leaf[] = []
      for (const docId of [...inBatch, ...retry]) {
        const doc = pulled.get(docId) ?? waited.get(docId) ?? current.get(docId)
        if (doc && isRecordDocId(doc._id)) docs.push(doc)
      }
      if (this.journalBacklog > 0) return 'wait'
      if (!(await this.applyKeepingWaiting(docs))) return 'wait'
      this.stateDirty = true
      await this.phases.time('save state', () => this.saveStateSoon())
      return 'done'
    })
  }

  /**
   * After a pull whose every batch was applied: the incoming pass has then seen all the
   * mirror holds (the rest is this side's own writes), and need not read the pull back.
   */
  private async caughtUp(appliedBefore: number | string): Promise<void> {
    if (this.live || this.replicationsRunning > 0 || this.state.appliedSince !== appliedBefore)
      return
    this.state.appliedSince = (await this.db.info()).update_seq
    this.stateDirty = true
  }

  private keepPulledText(doc: { _id: string; _attachments?: unknown }): void {
    const attachment = (doc._attachments as Record<string, { data?: unknown }> | undefined)?.[
      TEXT_ATTACHMENT
    ]
    const data = attachment?.data
    let bytes: Buffer
    if (Buffer.isBuffer(data)) bytes = data
    else if (data instanceof Uint8Array) bytes = Buffer.from(data)
    else if (typeof data === 'string') bytes = Buffer.from(data, 'base64')
    else return
    if (this.pulledTextBytes + bytes.length > PULLED_TEXT_BYTES) return
    const hash = doc._id.slice(SOURCE_TEXT_PREFIX.length)
    if (this.pulledTexts.has(hash)) return
    this.pulledTexts.set(hash, bytes)
    this.pulledTextBytes += bytes.length
  }

  private takePulledText(hash: string): Buffer | undefined {
    const bytes = this.pulledTexts.get(hash)
    if (!bytes) return undefined
    this.pulledTexts.delete(hash)
    this.pulledTextBytes -= bytes.length
    return bytes
  }

  private forgetPulledTexts(): void {
    this.pulledTexts.clear()
    this.pulledTextBytes = 0
  }

  /**
   * Applies a batch with the sources and views that were waiting to be retried; those still
   * not applied (the analyst's edits held the batch back) stay on the waiting list.
   */
  private async applyKeepingWaiting(docs: Leaf[]): Promise<boolean> {
    const waiting = this.state.waiting
    this.state.waiting = []
    if (await this.applyDocs(docs)) return true
    this.state.waiting = [...new Set([...waiting, ...this.state.waiting])]
    return false
  }

  /**
   * Applies a batch; false when the analyst edited meanwhile (the checks above awaited),
   * so nothing of it is applied and the batch is read again after their edits are mirrored.
   */
  private async applyDocs(docs: Leaf[]): Promise<boolean> {
    const checked: Array<{
      doc: Leaf
      value: PlainRecord | null
      current: PlainRecord | null
      textHash?: string
    }> = []
    const unchanged: Leaf[] = []
    const checking = performance.now()
    for (const doc of docs) {
      await this.slicer.maybePause()
      const docId = doc._id
      if ((doc as unknown as { _conflicts?: string[] })._conflicts?.length) {
        await this.settleConflict(docId)
        continue
      }
      this.conflicted.delete(docId)
      if (this.known.get(docId) === doc._rev) continue
      const current = this.storeRecord(doc.collection, doc.id)
      if (sameValue(current, doc.value)) {
        unchanged.push(doc)
        continue
      }
      const ready = await this.readyToApply(doc)
      if (ready) checked.push({ doc, current, ...ready })
    }
    this.phases.add('check', performance.now() - checking)
    const texts = await this.phases.time('texts', () =>
      this.storeTexts(
        checked.flatMap(({ doc, textHash }) => (textHash ? [{ doc, textHash }] : [])),
      ),
    )
    const ready = checked.filter(({ doc, textHash }) => !textHash || texts.has(doc._id))
    await this.phases.time('flush store', () => this.flushStore())
    if (this.journalBacklog > 0) return false
    // The store applies them only while it holds no edit of the analyst's this side has not
    // mirrored, and stops at the first one it sees; only what it applied is marked known.
    // Until the answer comes no other step of the queue runs (their edits wait in it).
    const applied = ready.length
      ? await this.phases.time('apply to store', () =>
          this.store.apply(
            ready.map(({ doc, value }) => ({ collection: doc.collection, id: doc.id, value })),
            true,
          ),
        )
      : 0
    for (const doc of unchanged) this.known.set(doc._id, doc._rev!)
    for (const { doc, current } of ready.slice(0, applied)) {
      this.known.set(doc._id, doc._rev!)
      this.note({
        author: doc.author,
        action: doc.value === null ? 'deleted' : current ? 'changed' : 'added',
        collection: doc.collection,
        id: doc.id,
        label: recordLabel(doc.value ?? current),
      })
    }
    return applied === ready.length
  }

  /**
   * Checks a remote revision before it may enter the store: a known collection, the same
   * schema as any edit. A document that fails is quarantined (listed, never applied). A
   * source is answered with the hash of its text, which storeTexts stores and checks.
   */
  private async readyToApply(
    doc: Leaf,
  ): Promise<{ value: PlainRecord | null; textHash?: string } | null> {
    this.state.quarantine = this.state.quarantine.filter((q) => q.docId !== doc._id)
    const part = doc.id === '' && isPart(doc.collection) && doc._id === partDocId(doc.collection)
    if (
      !part &&
      (!isCollection(doc.collection) || doc._id !== recordDocId(doc.collection, doc.id))
    ) {
      this.quarantineDoc(doc, 'it names no collection Sightline keeps')
      return null
    }
    if (doc.value === null) {
      if (!part) return { value: null }
      this.quarantineDoc(doc, 'a part of the project cannot be deleted')
      return null
    }
    const checked = this.validate(doc.collection, doc.value)
    if ('error' in checked) {
      this.quarantineDoc(doc, checked.error)
      return null
    }
    const image = doc.collection === 'views' ? graphImageOf(checked.value) : null
    if (image) {
      let bytes: Buffer
      try {
        bytes = (await this.db.getAttachment(
          assetDocId(image.contentHash, image.format),
          ASSET_ATTACHMENT,
        )) as Buffer
      } catch {
        // The image travels as its own document, like a text.
        this.state.waiting.push(doc._id)
        return null
      }
      if ((await this.store.writeAsset(bytes, image.format)) !== image.contentHash) {
        this.quarantineDoc(doc, 'its graph image does not match the hash the views record')
        return null
      }
    }
    if (!part && checked.value['id'] !== doc.id) {
      this.quarantineDoc(doc, 'its record id does not match the document')
      return null
    }
    if (doc.collection === 'sources') {
      return { value: checked.value, textHash: String(checked.value['contentHash']) }
    }
    return { value: checked.value }
  }

  /**
   * Stores the texts of a batch's sources, all in one write (one sync of the folder), each
   * checked against the hash its source records. Answers the documents whose text is now
   * stored; a source whose text has not arrived waits for a later batch, and one whose text
   * does not match its hash is quarantined.
   */
  private async storeTexts(
    sources: ReadonlyArray<{ doc: Leaf; textHash: string }>,
  ): Promise<Set<string>> {
    const stored = new Set<string>()
    if (!sources.length) return stored
    const hashes = [...new Set(sources.map((source) => source.textHash))]
    const texts = new Map<string, Uint8Array>()
    const mismatched = new Set<string>()
    const check = (hash: string, bytes: Uint8Array): void => {
      // The store names a text by the sha256 of its UTF-8: bytes with that hash are that
      // text's UTF-8, stored as they came (not decoded and encoded again).
      if (createHash('sha256').update(bytes).digest('hex') === hash) texts.set(hash, bytes)
      else mismatched.add(hash)
    }
    const unread: string[] = []
    for (const hash of hashes) {
      const pulled = this.takePulledText(hash)
      if (pulled) check(hash, pulled)
      else unread.push(hash)
    }
    const found = unread.length
      ? await this.db.allDocs({
          keys: unread.map(sourceTextDocId),
          include_docs: true,
          attachments: true,
          binary: true,
        })
      : { rows: [] }
    found.rows.forEach((row, index) => {
      const bytes = 'doc' in row ? row.doc?._attachments?.[TEXT_ATTACHMENT]?.data : undefined
      if (bytes) check(unread[index]!, bytes)
    })
    if (texts.size)
      await this.store.writeSourceTexts(
        [...texts].map(([contentHash, utf8]) => ({ utf8, contentHash })),
      )
    for (const { doc, textHash } of sources) {
      if (texts.has(textHash)) stored.add(doc._id)
      else if (mismatched.has(textHash))
        this.quarantineDoc(doc, 'its text does not match the hash the source records')
      // The text travels as its own document: it may come in a later batch.
      else {
        this.state.waiting.push(doc._id)
        if (this.pulling) this.waitingSources.set(doc._id, doc)
      }
    }
    return stored
  }

  private validate(collection: string, value: unknown): { value: PlainRecord } | { error: string } {
    const schema = schemaOf(collection)
    if (!schema || !(isCollection(collection) || isPart(collection)))
      return { error: `"${collection}" is not a collection` }
    const parsed = schema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return { error: `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}` }
    }
    // Checked, not copied: a record read from JSON is plain already, unless the schema
    // added an undefined somewhere (JSON would drop it, so the comparisons must not see it).
    return { value: hasUndefined(parsed.data) ? plain(parsed.data) : (parsed.data as PlainRecord) }
  }

  private quarantineDoc(doc: Leaf, reason: string): void {
    this.state.quarantine.push({
      docId: doc._id.slice(0, 400),
      rev: doc._rev ?? '',
      author: String(doc.author ?? '').slice(0, 120),
      reason,
      at: new Date().toISOString(),
    })
  }

  /**
   * A record with several leaves: merged and written back when the sides changed
   * different fields (recorded in the activity); otherwise listed as a conflict, the
   * store keeping this peer's side (or the winner, on a peer that had neither).
   */
  private async settleConflict(docId: string): Promise<void> {
    const sides = await this.sidesOf(docId)
    if (!sides) return
    let merged: PlainRecord | null = sides.mine.value
    for (const other of sides.others) {
      const base = await this.ancestorOf(docId, sides.mine, other)
      const result = mergeRecord(base, merged, other.value)
      if (!result.clean) {
        this.conflicted.add(docId)
        await this.adoptSide(sides)
        return
      }
      merged = result.value
    }
    const { collection, id } = sides.winner
    const checked = merged === null ? null : this.validate(collection, merged)
    if (checked && 'error' in checked) {
      this.conflicted.add(docId)
      await this.adoptSide(sides)
      return
    }
    const value = checked === null ? null : checked.value
    const rev = await this.settle(sides, value)
    if (!rev) return
    this.known.set(docId, rev)
    this.conflicted.delete(docId)
    await this.applyOne({ collection, id, value })
    // Identical sides (two copies of one project) merge silently; a real merge is recorded.
    if (sides.others.some((other) => !sameValue(other.value, sides.mine.value))) {
      this.note({
        author: sides.others.map((o) => o.author).join(', '),
        action: 'merged',
        collection,
        id,
        label: recordLabel(value),
      })
    }
  }

  /**
   * Writes the settled value on the winning revision and deletes every other leaf, so each
   * peer converges on it. When the winner holds that value already only the others are
   * deleted: two peers settling the same merge then agree instead of conflicting again.
   */
  private async settle(sides: ConflictSides, value: PlainRecord | null): Promise<string | null> {
    const { winner } = sides
    const docId = winner._id
    const losers = [sides.mine, ...sides.others]
      .filter(
        (leaf, index, all) =>
          leaf._rev !== winner._rev && all.findIndex((l) => l._rev === leaf._rev) === index,
      )
      .map((leaf) => ({ _id: docId, _rev: leaf._rev!, _deleted: true }) as unknown as RecordDoc)
    const keep = sameValue(winner.value, value)
    const results = await this.db.bulkDocs([
      ...(keep
        ? []
        : [{ ...this.body(winner.collection, winner.id, value), _id: docId, _rev: winner._rev! }]),
      ...losers,
    ])
    if (keep) return winner._rev!
    const written = results[0] as Pouch.Response
    return written.ok ? written.rev : null
  }

  /** A peer that stood on neither side of a conflict shows the winner meanwhile. */
  private async adoptSide(sides: ConflictSides): Promise<void> {
    const docId = sides.winner._id
    const known = this.known.get(docId)
    if (known === sides.mine._rev) return
    const current = this.storeRecord(sides.mine.collection, sides.mine.id)
    this.known.set(docId, sides.mine._rev!)
    if (sameValue(current, sides.mine.value)) return
    const checked =
      sides.mine.value === null ? null : this.validate(sides.mine.collection, sides.mine.value)
    if (checked && 'error' in checked) return
    await this.applyOne({
      collection: sides.mine.collection,
      id: sides.mine.id,
      value: checked === null ? null : checked.value,
    })
  }

  private async sidesOf(docId: string): Promise<ConflictSides | null> {
    let winner: Leaf
    try {
      winner = (await this.db.get(docId, { conflicts: true, revs: true })) as Leaf
    } catch {
      return null
    }
    const conflictRevs = (winner as unknown as { _conflicts?: string[] })._conflicts ?? []
    if (!conflictRevs.length) return null
    const leaves = [winner]
    for (const rev of conflictRevs)
      leaves.push((await this.db.get(docId, { rev, revs: true })) as Leaf)
    const known = this.known.get(docId)
    const current = this.storeRecordOfDoc(winner)
    const mine =
      leaves.find((leaf) => leaf._rev === known) ??
      leaves.find((leaf) => sameValue(leaf.value, current)) ??
      winner
    return { winner, mine, others: leaves.filter((leaf) => leaf !== mine) }
  }

  /** The body of the newest revision two leaves share, if this database still has it. */
  private async ancestorOf(
    docId: string,
    a: Leaf,
    b: Leaf,
  ): Promise<PlainRecord | null | undefined> {
    const revsOf = (leaf: Leaf): string[] => {
      const history = leaf._revisions
      if (!history) return [leaf._rev!]
      return history.ids.map((hash, index) => `${history.start - index}-${hash}`)
    }
    const theirs = new Set(revsOf(b))
    const common = revsOf(a).find((rev) => theirs.has(rev))
    if (!common) return null
    try {
      const doc = (await this.db.get(docId, { rev: common })) as RecordDoc
      return doc.value
    } catch {
      return undefined
    }
  }

  /** Conflicts left from an earlier session (the view and the header count them). */
  private async findConflicts(): Promise<void> {
    const all = await this.db.allDocs({ include_docs: true, conflicts: true })
    for (const row of all.rows.filter(isRow)) {
      this.mirrorIds.add(row.id)
      const doc = row.doc as (RecordDoc & { _conflicts?: string[] }) | undefined
      if (doc?._conflicts?.length && isRecordDocId(row.id)) this.conflicted.add(row.id)
    }
  }

  // --- helpers -----------------------------------------------------------------------

  /** A settled record goes into the store at once, whatever the analyst is doing. */
  private async applyOne(change: StoreChange): Promise<void> {
    if (sameValue(this.storeRecord(change.collection, change.id), change.value)) return
    await this.store.apply([change], false)
  }

  private storeRecord(collection: string, id: string): PlainRecord | null {
    if (id === '' && isPart(collection)) {
      const value = this.store.part(collection)
      return value === undefined || value === null ? null : plain(value)
    }
    if (!isCollection(collection)) return null
    const record = this.store.record(collection, id)
    return record ? plain(record) : null
  }

  private storeRecordOfDoc(doc: RecordDoc): PlainRecord | null {
    return this.storeRecord(doc.collection, doc.id)
  }

  private body(collection: string, id: string, value: PlainRecord | null): RecordBody {
    return { collection, id, value, author: this.options.author(), at: new Date().toISOString() }
  }

  private note(entry: Omit<TeamActivity, 'at'>): void {
    this.state.activity.push({ ...entry, at: new Date().toISOString() })
    if (this.state.activity.length > ACTIVITY_LIMIT) {
      this.state.activity.splice(0, this.state.activity.length - ACTIVITY_LIMIT)
    }
  }

  private count(change: { docs_written: number; pending?: number }): void {
    const done = this.status.done + change.docs_written
    this.status = {
      ...this.status,
      state: 'syncing',
      done,
      total: Math.max(this.status.total, done + (change.pending ?? 0)),
    }
  }

  private failed(error: unknown): void {
    const status = (error as { status?: number }).status
    const code = (error as { code?: string }).code
    const raw =
      error instanceof Error
        ? error.message
        : String((error as { message?: unknown }).message ?? error)
    // A refused or dropped connection is the network or the hub going away, not an answer.
    const offline =
      code === 'ECONNREFUSED' ||
      code === 'ECONNRESET' ||
      code === 'ENOTFOUND' ||
      code === 'ETIMEDOUT' ||
      /fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|network/i.test(raw)
    const reason = offline
      ? 'The hub cannot be reached (offline, or the hub is down); edits wait here and go when it is back.'
      : status === 401 || status === 403
        ? 'The hub refused the user name or password.'
        : `The hub answered: ${redact(raw)}`
    this.status = { ...this.status, state: offline ? 'offline' : 'error', reason }
  }

  private async flushStore(): Promise<void> {
    await this.store.flush().catch(() => undefined)
  }

  private async remoteDb(): Promise<Pouch.Database<RecordBody>> {
    if (!this.remote)
      throw new AppError('invalid_input', 'This project is not linked to a team hub.')
    const Ctor = this.options.pouch ?? PouchDB
    const password = await this.options.password?.(this.remote)
    return new Ctor<RecordBody>(this.remote.url, {
      ...(this.remote.username
        ? { auth: { username: this.remote.username, password: password ?? '' } }
        : {}),
    })
  }

  private async saveState(): Promise<void> {
    if (this.stateTimer) clearTimeout(this.stateTimer)
    this.stateTimer = null
    if (!this.stateDirty && !this.known.unsaved) return
    // What the state says was applied goes to disk first: a state ahead of the store would,
    // after a crash, read the store's older value as a local edit made on the remote one.
    await this.flushStore()
    this.stateDirty = false
    // The known revisions first, in parts of their own: the state then names them.
    const known = await this.known.save(this.db)
    const put = (rev: string | undefined): Promise<Pouch.Response> =>
      this.db.put({
        ...(this.state as unknown as RecordDoc),
        ...known.fields,
        _id: STATE_ID,
        ...(rev ? { _rev: rev } : {}),
      })
    let written: Pouch.Response
    try {
      try {
        // The revision this side wrote last, kept: no need to read the document back for it.
        written = await put(this.stateRev ?? (await this.savedStateRev()))
      } catch (error) {
        if ((error as { status?: number }).status !== 409) throw error
        written = await put(await this.savedStateRev())
      }
    } catch (error) {
      known.undo()
      this.stateDirty = true
      throw error
    }
    this.stateRev = written.rev
    this.stateSavedAt = performance.now()
    await known.commit()
  }

  private async savedStateRev(): Promise<string | undefined> {
    try {
      return (await this.db.get(STATE_ID))._rev
    } catch {
      return undefined
    }
  }

  /**
   * Saves the state at most once every STATE_EVERY_MS while a long pass runs (the state
   * names every record, and a first sync has thousands of batches to note); the last change
   * is saved by a timer, at the end of a pass and on close. What a crash loses of it
   * meanwhile, reopening finds again: the mirror is reconciled with the store, and a record
   * without a known revision is matched by its history.
   */
  private async saveStateSoon(): Promise<void> {
    const wait = this.stateSavedAt + STATE_EVERY_MS - performance.now()
    if (wait <= 0) return this.saveState()
    if (this.stateTimer || this.closed) return
    this.stateTimer = setTimeout(() => {
      this.stateTimer = null
      void this.enqueue(() => this.saveState()).catch((error: unknown) =>
        this.log(`Team sync could not save its state: ${String(error)}`),
      )
    }, wait)
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step, step)
    this.queue = run.catch(() => undefined)
    return run
  }

  private log(message: string): void {
    ;(this.options.log ?? ((m: string) => console.warn(m)))(redact(message))
  }
}

/** A batch a pull wrote: its record revisions, and those that are their document's only leaf. */
interface PulledBatch {
  docs: Leaf[]
  alone: Set<string>
}

/** How often a batch is tried again while the analyst keeps editing, before the mirror is read instead. */
const BATCH_TRIES = 100

/**
 * The batches of a pull, applied in order, one at a time, as they land. `complete` turns
 * false once one could not be applied (the analyst kept editing, or it failed): what is
 * left is then read back from the mirror after the pull.
 */
class PulledBatches {
  complete = true
  private readonly pending: PulledBatch[] = []
  private running: Promise<void> | null = null

  constructor(private readonly apply: (batch: PulledBatch) => Promise<'done' | 'wait'>) {}

  add(batch: PulledBatch): void {
    if (!batch.docs.length || !this.complete) return
    this.pending.push(batch)
    this.start()
  }

  private start(): void {
    if (this.running) return
    this.running = this.run().finally(() => {
      this.running = null
      // A batch may have come between the last one applied and this.
      if (this.complete && this.pending.length) this.start()
    })
  }

  private async run(): Promise<void> {
    let tries = 0
    while (this.complete && this.pending.length) {
      try {
        if ((await this.apply(this.pending[0]!)) === 'done') {
          this.pending.shift()
          tries = 0
        } else if (++tries >= BATCH_TRIES) this.complete = false
      } catch {
        // Met again by the pass that reads the mirror after the pull, which reports it.
        this.complete = false
      }
    }
    if (!this.complete) this.pending.length = 0
  }

  /** Resolves once no batch is being applied or waits to be. */
  async settled(): Promise<void> {
    while (this.running) await this.running
  }
}

/**
 * How long live replication waits before trying the hub again: half a second at first,
 * doubling to at most half a minute (PouchDB's own grows to ten minutes, too long for a
 * laptop that has just woken up).
 */
function retryDelay(previous: number): number {
  return previous ? Math.min(previous * 2, 30_000) : 500
}

/**
 * A record's first revision is named after its content, so two copies of one project (the
 * same records, mirrored on two laptops) share their first revisions instead of starting
 * as conflicts with no common ancestor.
 */
function firstRevision(value: PlainRecord): {
  _rev: string
  _revisions: { start: number; ids: string[] }
} {
  const hash = createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 32)
  return { _rev: `1-${hash}`, _revisions: { start: 1, ids: [hash] } }
}

/** How the Conflicts view names a part of the project. */
function partLabel(docId: string): string {
  return docId === partDocId('views') ? 'Saved views' : 'Project details'
}

/** The project's parts kept whole (details, views), as opposed to its collections. */
function isPart(name: string): boolean {
  return FIELDS.includes(name)
}

const IMAGE_TYPES = { png: 'image/png', svg: 'image/svg+xml' } as const

function graphImageOf(
  views: PlainRecord | null,
): { contentHash: string; format: 'png' | 'svg' } | null {
  const image = views?.['graphImage'] as { contentHash?: unknown; format?: unknown } | undefined
  if (!image || typeof image.contentHash !== 'string') return null
  if (image.format !== 'png' && image.format !== 'svg') return null
  return { contentHash: image.contentHash, format: image.format }
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true
  if (Array.isArray(value)) return value.some(hasUndefined)
  if (value && typeof value === 'object') return Object.values(value).some(hasUndefined)
  return false
}

function isRow<T>(row: Pouch.AllDocsRow<T> | Pouch.AllDocsMissing): row is Pouch.AllDocsRow<T> {
  return 'value' in row
}

/**
 * The v2 project folder as the store writes it: the lowdb adapter whose write() appends
 * what changed to the journal (or, after a restore, a conversion or a lost journal,
 * writes a whole new generation from memory), and the bookkeeping compaction needs.
 */
import { rename, rm, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import type { Adapter } from 'lowdb'
import type { ProjectFile } from '../../../shared/model'
import { pathExists, realFs, type WriteFs } from '../durable-write'
import { ChangeTracker } from './changes'
import { deepFreeze, type RecordPut, type StoredRecord } from './collections'
import type { CompactionJob, CompactionResult } from './compaction'
import {
  batchText,
  journalName,
  listStoreFiles,
  snapshotName,
  V1_FILE,
  V1_KEPT_FILE,
  type Change,
} from './format'
import { Journal, JournalLostError } from './journal'
import { Slicer } from './lines'
import type { LoadedFolder } from './loader'
import { capture, writeSnapshotFromMemory } from './snapshot-writer'

/** One op as team sync (and anything else that follows the journal) sees it. */
export interface JournalEntry {
  seq: number
  op: 'put' | 'del'
  collection: string
  id?: string
  value?: unknown
}

/**
 * What the journal hook reports, in order: each batch once it is on disk, and a reset when
 * a whole generation replaced the records (a restore): a follower starts over from it.
 */
export type JournalEvent =
  { kind: 'ops'; entries: readonly JournalEntry[] } | { kind: 'reset'; seq: number }

/** Where a reader finds the records as they stand on disk (see StoreFolder.filesView). */
export interface StoreFilesView {
  folder: string
  snapshot: string
  /** Oldest first; the newest is read up to `bytes` (an append may be under way after it). */
  journals: { path: string; generation: number; bytes?: number }[]
  /** The last op written: the files hold every op up to it. */
  seq: number
}

export class StoreFolder implements Adapter<ProjectFile> {
  /** The generation of the snapshot the next compaction starts from. */
  private base: number
  /** Journals between the base and the current one, left by a compaction that failed. */
  private sealed: number[]
  private journal: Journal | null
  private highest: number
  private seq: number
  private tracker: ChangeTracker | null = null
  /** The next write is a whole generation from memory. */
  private resetNeeded: boolean
  /** A v1 project.json to rename to project.v1.json once the v2 files stand. */
  private v1Pending: boolean
  private snapshotBytes: number
  private journalOps = 0
  private readonly listeners = new Set<(event: JournalEvent) => void>()
  /**
   * Collections and fields an edit reached since they were last written, each with the
   * stamp of its latest touch: a batch looks at these only, not at every record.
   */
  private readonly touched = new Map<string, number>()
  private touches = 0

  private constructor(
    readonly folder: string,
    private readonly initial: ProjectFile,
    state: {
      base: number
      sealed: number[]
      journal: Journal | null
      seq: number
      snapshotBytes: number
      resetNeeded: boolean
      v1Pending: boolean
    },
    private readonly fs: WriteFs,
  ) {
    this.base = state.base
    this.sealed = state.sealed
    this.journal = state.journal
    this.highest = Math.max(state.base, state.journal?.generation ?? 0, ...state.sealed)
    this.seq = state.seq
    this.snapshotBytes = state.snapshotBytes
    this.resetNeeded = state.resetNeeded
    this.v1Pending = state.v1Pending
  }

  /** A folder read from its v2 files. */
  static async fromLoaded(
    folder: string,
    file: ProjectFile,
    loaded: LoadedFolder,
    fs: WriteFs = realFs,
  ): Promise<StoreFolder> {
    const journals = loaded.journals
    const newest = journals.at(-1)
    const journal = newest
      ? new Journal(
          join(folder, journalName(newest.generation)),
          newest.generation,
          newest.bytes,
          fs,
        )
      : null
    const state = new StoreFolder(
      folder,
      file,
      {
        base: loaded.snapshot.generation,
        sealed: journals.slice(0, -1).map((j) => j.generation),
        journal,
        seq: loaded.seq,
        snapshotBytes: loaded.snapshot.bytes,
        // A snapshot without a journal (a crash before the journal was made) or a
        // migrated file gets a new generation of its own.
        resetNeeded: journal === null || loaded.migrateFrom !== undefined,
        v1Pending: false,
      },
      fs,
    )
    state.journalOps = journals.reduce((sum, j) => sum + j.ops, 0)
    // The loader froze every record it kept; a migrated file was made anew from them.
    await state.track(file, loaded.migrateFrom === undefined)
    return state
  }

  /** A folder whose records are only in memory so far (a v1 file, or a new project). */
  static async fromMemory(
    folder: string,
    file: ProjectFile,
    options: { fromV1: boolean; seq?: number },
    fs: WriteFs = realFs,
  ): Promise<StoreFolder> {
    const { snapshots, journals } = await listStoreFiles(folder)
    const highest = Math.max(0, ...snapshots, ...journals)
    return new StoreFolder(
      folder,
      file,
      {
        base: highest,
        sealed: [],
        journal: null,
        seq: options.seq ?? 0,
        snapshotBytes: 0,
        resetNeeded: true,
        v1Pending: options.fromV1,
      },
      fs,
    )
  }

  private async track(file: ProjectFile, frozen = false): Promise<void> {
    this.tracker = await ChangeTracker.of(
      capture(file as unknown as Record<string, unknown>),
      new Slicer(),
      frozen,
    )
  }

  async read(): Promise<ProjectFile> {
    return this.initial
  }

  /** A collection or field an edit reached (see ProjectStore.mutate): the next write looks at it. */
  touch(name: string): void {
    this.touched.set(name, ++this.touches)
  }

  /** Forgets the touches a write has covered (not those made since: they wait for the next). */
  private covered(stamps: ReadonlyMap<string, number>): void {
    for (const [name, stamp] of stamps) {
      if (this.touched.get(name) === stamp) this.touched.delete(name)
    }
  }

  /** Writes what changed in `data` since the last write: one append, or a new generation. */
  async write(data: ProjectFile): Promise<void> {
    if (this.resetNeeded || !this.journal || !this.tracker) {
      await this.writeGeneration(data)
      return
    }
    const stamps = new Map(this.touched)
    const diff = this.tracker.diff(data, new Set(stamps.keys()))
    if (diff.changes.length === 0) {
      diff.commit()
      this.covered(stamps)
      return
    }
    const firstSeq = this.seq + 1
    try {
      await this.journal.append(await batchBytes(diff.changes, firstSeq))
    } catch (error) {
      if (!(error instanceof JournalLostError)) throw error
      // Someone removed or cut the journal: every op in it is in memory, so a new
      // generation written from memory loses nothing.
      this.resetNeeded = true
      await this.writeGeneration(data)
      return
    }
    this.seq += diff.changes.length
    this.journalOps += diff.changes.length
    diff.commit()
    this.covered(stamps)
    this.emit({ kind: 'ops', entries: entriesOf(diff.changes, firstSeq) })
  }

  /** Whether a batch can go to the journal in parts now (not when a whole generation is due). */
  get writesInParts(): boolean {
    return !this.resetNeeded && this.journal !== null && this.tracker !== null
  }

  /**
   * Writes the puts as one batch, a part at a time as the parts come (an import's records
   * arrive from its worker): each part is written once the one after it is known, the last
   * carrying the batch's end. `between` runs after each part but the last, and before the
   * last: it yields to the event loop, and answers false to give the batch up (its parts
   * are cut back by the next append). `target.stage` prepares each part for memory as it
   * is written; once the last part is on disk the records count as saved and
   * `target.commit` puts them all in memory, at once. False if given up. An error of
   * `parts` gives the batch up and is thrown as a PartSourceError.
   */
  async writeStreamInParts(
    parts: AsyncIterable<readonly RecordPut[]>,
    between: () => Promise<boolean>,
    target: PartsTarget,
  ): Promise<boolean> {
    const journal = this.journal
    if (!this.writesInParts || !journal || !this.tracker) {
      throw new Error('A whole generation is due; write the records in one edit.')
    }
    const iterator = parts[Symbol.asyncIterator]()
    const nextPart = async (): Promise<IteratorResult<readonly RecordPut[]>> => {
      try {
        return await iterator.next()
      } catch (error) {
        journal.dropParts()
        throw new PartSourceError(error)
      }
    }
    const changes: Change[] = []
    const written: RecordPut[] = []
    const firstSeq = this.seq + 1
    // Made a part at a time (when someone follows the journal), not all at the end.
    let entries: JournalEntry[] = []
    let next = await nextPart()
    while (!next.done) {
      const part = next.value
      const following = await nextPart()
      const last = following.done === true
      if (last && !(await between())) {
        journal.dropParts()
        return false
      }
      const partChanges: Change[] = part.map(({ collection, record, json }) => ({
        op: 'put',
        c: collection,
        id: record.id,
        v: deepFreeze(record),
        ...(json === undefined ? {} : { json }),
      }))
      const partSeq = firstSeq + changes.length
      const text = batchText(partChanges, partSeq, last)
      // Kept until the end without their JSON: the batch's text (as large as its records)
      // would stay on the heap till then, which made the main thread's garbage collections
      // during an import longer.
      for (const { collection, record } of part) {
        changes.push({ op: 'put', c: collection, id: record.id, v: record })
        written.push({ collection, record })
      }
      if (this.listeners.size > 0) entries.push(...entriesOf(partChanges, partSeq))
      try {
        await target.stage(part)
        await journal.appendPart(Buffer.from(text), last)
      } catch (error) {
        journal.dropParts()
        throw error
      }
      if (!last && !(await between())) {
        journal.dropParts()
        return false
      }
      next = following
    }
    this.seq += changes.length
    this.journalOps += changes.length
    const replaced = target.commit(written)
    if (replaced) {
      for (const [collection, records] of replaced) this.tracker.adopt(collection, records)
    } else {
      for (const { collection, record } of written) this.tracker.markSaved(collection, [record])
    }
    if (this.listeners.size > 0) {
      if (entries.length !== changes.length) entries = entriesOf(changes, firstSeq)
      this.emit({ kind: 'ops', entries })
    }
    return true
  }

  /**
   * A whole new generation from memory, for a conversion, a restore or a lost journal:
   * snapshot, then an empty journal, then the older generations go. Until this succeeds no
   * op is appended anywhere, so nothing can be replayed onto the wrong records.
   */
  private async writeGeneration(data: ProjectFile): Promise<void> {
    const stamps = new Map(this.touched)
    const view = capture(data as unknown as Record<string, unknown>)
    const generation = ++this.highest
    const seq = this.seq + 1
    const snapshot = await writeSnapshotFromMemory(
      join(this.folder, snapshotName(generation)),
      { generation, seq },
      view,
      new Slicer(),
      this.fs,
    )
    const journal = await Journal.create(this.folder, generation, this.fs)
    const obsolete = await this.filesBefore(generation)
    this.journal = journal
    this.base = generation
    this.sealed = []
    this.seq = seq
    this.snapshotBytes = snapshot.bytes
    this.journalOps = 0
    this.resetNeeded = false
    this.tracker = await ChangeTracker.of(view, new Slicer())
    this.covered(stamps)
    await this.removeFiles(obsolete)
    if (this.v1Pending) {
      this.v1Pending = false
      await StoreFolder.keepV1File(this.folder)
    }
    this.emit({ kind: 'reset', seq })
  }

  /** The files of every generation older than `generation`. */
  private async filesBefore(generation: number): Promise<string[]> {
    const { snapshots, journals } = await listStoreFiles(this.folder)
    return [
      ...snapshots.filter((g) => g < generation).map(snapshotName),
      ...journals.filter((g) => g < generation).map(journalName),
    ]
  }

  private async removeFiles(names: readonly string[]): Promise<void> {
    for (const name of names)
      await rm(join(this.folder, name), { force: true }).catch(() => undefined)
  }

  /** Marks the next write as a whole generation (the records were replaced at once). */
  replaceAll(): void {
    this.resetNeeded = true
  }

  get journalBytes(): number {
    return this.journal?.length ?? 0
  }

  get opsSinceCompaction(): number {
    return this.journalOps
  }

  get snapshotSize(): number {
    return this.snapshotBytes
  }

  get lastSeq(): number {
    return this.seq
  }

  get currentJournal(): string | null {
    return this.journal?.path ?? null
  }

  /** Whether there is anything for a compaction to fold in. */
  get compactable(): boolean {
    return (
      !this.resetNeeded && this.journal !== null && (this.journalOps > 0 || this.sealed.length > 0)
    )
  }

  /**
   * Starts a new journal generation and returns the job that folds the base snapshot and
   * every earlier journal into a snapshot of the new generation. Call between writes.
   */
  async rotate(): Promise<{ job: CompactionJob; inputBytes: number } | null> {
    if (!this.compactable || !this.journal) return null
    // The number is used up even if the journal cannot be made: no two tries share a name.
    const generation = ++this.highest
    const next = await Journal.create(this.folder, generation, this.fs)
    const sealed = [...this.sealed, this.journal.generation]
    const inputBytes = this.snapshotBytes + this.journal.length
    this.sealed = sealed
    this.journal = next
    this.journalOps = 0
    return {
      job: {
        base: join(this.folder, snapshotName(this.base)),
        journals: sealed.map((g) => ({ path: join(this.folder, journalName(g)), generation: g })),
        out: join(this.folder, snapshotName(generation)),
        generation,
      },
      inputBytes,
    }
  }

  /** After a compaction: the new snapshot is the base; what it holds is deleted. */
  async compacted(job: CompactionJob, result: CompactionResult): Promise<void> {
    const obsolete = [snapshotName(this.base), ...this.sealed.map(journalName)]
    if (job.generation !== this.journal?.generation) return
    this.base = job.generation
    this.sealed = []
    this.snapshotBytes = result.bytes
    await this.removeFiles([...obsolete, V1_KEPT_FILE])
  }

  /** A backup job: the base snapshot and every journal up to what is on disk now. */
  backupJob(out: string): { job: CompactionJob; inputBytes: number } | null {
    if (this.resetNeeded || !this.journal) return null
    const journals = [...this.sealed, this.journal.generation]
    return {
      job: {
        base: join(this.folder, snapshotName(this.base)),
        journals: journals.map((g) => ({
          path: join(this.folder, journalName(g)),
          generation: g,
          ...(g === this.journal!.generation ? { bytes: this.journal!.length } : {}),
        })),
        out,
        generation: this.base,
      },
      inputBytes: this.snapshotBytes + this.journal.length,
    }
  }

  /**
   * The files that hold the records as written so far: the base snapshot and every journal
   * up to its whole batches, for a worker that reads them (null while the next write is a
   * whole new generation).
   */
  filesView(): StoreFilesView | null {
    if (this.resetNeeded || !this.journal) return null
    const current = this.journal
    return {
      folder: this.folder,
      snapshot: join(this.folder, snapshotName(this.base)),
      journals: [...this.sealed, current.generation].map((g) => ({
        path: join(this.folder, journalName(g)),
        generation: g,
        ...(g === current.generation ? { bytes: current.length } : {}),
      })),
      seq: this.seq,
    }
  }

  /**
   * Renames a v1 project.json beside v2 files, the one they were converted from, to
   * project.v1.json, unless one is kept already; the first compaction removes it.
   */
  static async keepV1File(folder: string): Promise<void> {
    const v1 = join(folder, V1_FILE)
    if ((await pathExists(v1)) && !(await pathExists(join(folder, V1_KEPT_FILE)))) {
      await rename(v1, join(folder, V1_KEPT_FILE)).catch(() => undefined)
    }
  }

  /** Cuts a torn tail off the newest journal (found on open). */
  static async cutBack(path: string, bytes: number): Promise<void> {
    await truncate(path, bytes)
  }

  onEvent(listener: (event: JournalEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(event: JournalEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch {
        // A follower's failure is its own; the write has happened.
      }
    }
  }
}

/** Where the records of a batch written in parts go in memory (see writeStreamInParts). */
export interface PartsTarget {
  /** Prepares a part that is written (the event loop may turn meanwhile). */
  stage(part: readonly RecordPut[]): Promise<void>
  /**
   * Puts every record of the batch in memory, in one go, once the batch is on disk. Returns
   * the collections it replaced whole, each with a copy of its new records for the change
   * tracker; null when it put the records one by one instead.
   */
  commit(puts: readonly RecordPut[]): ReadonlyMap<string, readonly StoredRecord[]> | null
}

/** An error of the parts handed to writeStreamInParts (not of the disk); `cause` is it. */
export class PartSourceError extends Error {
  constructor(readonly source: unknown) {
    super(source instanceof Error ? source.message : String(source))
  }
}

/** Ops serialized between two looks at the clock. */
const SERIALIZE_STEP = 32
/** How long serializing a batch may hold the event loop before it lets other work run, in ms. */
const SERIALIZE_SLICE_MS = 4

/**
 * A batch's bytes (batchText as UTF-8), made in slices with the event loop free between
 * them: what team sync applies in one go can be megabytes of records. The records are
 * frozen as they are serialized, so an edit made meanwhile cannot reach them (an edit
 * replaces records; the next batch has it). Fields come first in a batch, serialized
 * before the first pause.
 */
async function batchBytes(changes: readonly Change[], firstSeq: number): Promise<Buffer> {
  const slicer = new Slicer(SERIALIZE_SLICE_MS)
  const parts: Buffer[] = []
  for (let from = 0; from < changes.length; from += SERIALIZE_STEP) {
    const step = changes.slice(from, from + SERIALIZE_STEP)
    // Records only: a field (project meta, views) is edited in place and compared by its JSON.
    for (const change of step)
      if (change.op === 'put' && change.id !== undefined) deepFreeze(change.v)
    const last = from + SERIALIZE_STEP >= changes.length
    parts.push(Buffer.from(batchText(step, firstSeq + from, last)))
    if (!last) await slicer.maybePause()
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts)
}

function entriesOf(changes: readonly Change[], firstSeq: number): JournalEntry[] {
  return changes.map((change, index) => ({
    seq: firstSeq + index,
    op: change.op,
    collection: change.c,
    ...(change.id !== undefined ? { id: change.id } : {}),
    ...(change.op === 'put' ? { value: change.v } : {}),
  }))
}

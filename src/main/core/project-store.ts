import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { BackupCounts, BackupInfo, BackupReason, SaveStatus } from '../../shared/api/storage'
import { emptyProjectFile, ProjectFile, type ProjectMeta } from '../../shared/model'
import {
  backupCounts,
  BACKUPS_FOLDER,
  backupsFolder,
  backupSnapshotPath,
  newBackupId,
  newestAutoBackupTime,
  recordBackup,
  writeBackup,
} from './backups'
import { storeContentFile, storeContentFiles } from './content-files'
import { pathExists, removeStaleTempFiles, type WriteFs } from './durable-write'
import { AppError } from './errors'
import { findIntegrityProblemsInSlices } from './integrity'
import { migrateProjectFile, NewerSchemaError, SchemaVersionError } from './migrations'
import { ensureFolderInside, ProjectFiles, UnsafeFileError } from './safe-files'
import { runCompaction, type CompactionOptions } from './store/compactor'
import { damageOf, DamagedProjectError, schemaDamage } from './store/damage'
import { applyPuts, deepFreeze, type RecordPut } from './store/collections'
import { StagedPuts } from './store/staged-puts'
import {
  PartSourceError,
  StoreFolder,
  type JournalEvent,
  type StoreFilesView,
} from './store/folder'
import {
  journalName,
  listStoreFiles,
  snapshotName,
  StoreFileProblem,
  V1_FILE,
} from './store/format'
import { Journal } from './store/journal'
import { Slicer } from './store/lines'
import {
  loadFolder,
  ReceiptMismatchError,
  type LoadedFolder,
  type ReceiptHint,
} from './store/loader'
import {
  startOpenCheck,
  stopOpenCheckWorker,
  type OpenCheckOptions,
  type OpenVerdict,
} from './store/open-check'
import { peekTrailer, type ReceiptBook } from './store/receipts'
import { capture, writeSnapshotFromMemory } from './store/snapshot-writer'
import { readV1File } from './store/v1-file'

export { DamagedProjectError } from './store/damage'
export type { JournalEntry, JournalEvent } from './store/folder'

/** The v1 file (one JSON document): still read and converted, never written. */
export const PROJECT_FILE = V1_FILE
export const SOURCES_FOLDER = 'sources'
/** Binary files the views keep with the project (the chart image for reports). */
export const ASSETS_FOLDER = 'assets'
const ASSET_NAME = /^[0-9a-f]{64}\.(png|svg)$/

export interface StoreOptions {
  /**
   * How long an acknowledged edit may wait in memory before its write starts; it
   * bounds what a crash can lose. Edits within the window share one write.
   */
  writeDelayMs?: number
  /** Injected file operations (tests simulate a full or failing disk). */
  fs?: WriteFs
  /** Told about each failed write; the edits stay in memory and are retried. */
  onSaveError?: (error: Error) => void
  /** Told after each write reaches the disk, with the revision it holds and its size. */
  onSaved?: (info: { revision: number; bytes: number }) => void
  /**
   * Automatic backups: after a write, when the newest automatic backup is older than
   * `intervalMs`, a compacted snapshot is kept in backups/. `false` turns them off.
   */
  backups?: { intervalMs: number } | false
  /**
   * Compaction: when the journal passes `maxJournalBytes` or `maxJournalOps`, and on
   * close (unless `onClose` is false), a new snapshot is made from the files.
   */
  compaction?: CompactionOptions & {
    maxJournalBytes?: number
    maxJournalOps?: number
    onClose?: boolean
  }
  /** Where the records are checked while a project opens: inline, or in a worker (store/open-check.ts). */
  openCheck?: OpenCheckOptions
  /**
   * Validation receipts (store/receipts.ts), kept in the per-user folder: a snapshot with one
   * opens without its records being validated again. Without a book every open validates.
   */
  receipts?: ReceiptBook
  /** Where the store reports what it repaired or could not do (a cut-back journal, a failed compaction). */
  log?: (message: string) => void
}

export type SaveState = SaveStatus

const DEFAULT_WRITE_DELAY_MS = 150
const MAX_RETRY_DELAY_MS = 30_000
const DEFAULT_BACKUP_INTERVAL_MS = 10 * 60_000
const DEFAULT_MAX_JOURNAL_BYTES = 16 * 1024 * 1024
const DEFAULT_MAX_JOURNAL_OPS = 20_000
const COMPACTION_RETRY_MS = 60_000
/** Records serialized between two turns of the event loop when many are put at once. */
const PART_OPS = 500

/** A user-facing reason for a failed write; the code stays for whoever reads a log. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const known: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EPERM: 'the operating system refused permission',
    EACCES: 'permission was denied',
    EROFS: 'the disk is read-only',
    EIO: 'the disk reported an input/output error',
    EISDIR: 'a folder is in the way of the file',
    ENOTEMPTY: 'a folder is in the way of the file',
    ENOENT: 'the project folder is gone',
    EBUSY: 'the file is locked by another program',
    ENAMETOOLONG: 'a name in the path is too long',
    ENOTDIR: 'part of the path is a file, not a folder',
    EEXIST: 'something with that name is already there',
  }
  const reason = code ? known[code] : undefined
  if (reason) return `${reason[0]!.toUpperCase()}${reason.slice(1)} (${code})`
  return error instanceof Error ? error.message : String(error)
}

/** Whether `folder` holds a project in either format (or the kept copy of a converted one). */
export async function folderHoldsProject(folder: string): Promise<boolean> {
  const { snapshots, journals } = await listStoreFiles(folder)
  return snapshots.length > 0 || journals.length > 0 || (await pathExists(join(folder, V1_FILE)))
}

/** The names of every store file in `folder`: what goes aside together when one is damaged. */
async function storeFilesIn(folder: string): Promise<string[]> {
  const { snapshots, journals } = await listStoreFiles(folder)
  return [...snapshots.map(snapshotName), ...journals.map(journalName)].map((n) => join(folder, n))
}

/**
 * Writes `file` as a new v2 project in `folder` (which must hold none): a snapshot and an
 * empty journal. For imports and for restoring a backup into a folder that lost its project.
 */
export async function writeNewProjectFiles(
  folder: string,
  file: ProjectFile,
  fs?: WriteFs,
): Promise<string> {
  const { snapshots, journals } = await listStoreFiles(folder)
  const generation = Math.max(0, ...snapshots, ...journals) + 1
  const result = await writeSnapshotFromMemory(
    join(folder, snapshotName(generation)),
    { generation, seq: 0 },
    capture(file as unknown as Record<string, unknown>),
    new Slicer(),
    fs,
  )
  await Journal.create(folder, generation, fs)
  return result.path
}

/**
 * The records a project folder holds on disk, read without opening it (nothing is
 * repaired, moved or written): for tests, tools and the bench.
 */
export async function readProjectFolder(folder: string): Promise<ProjectFile> {
  const slicer = new Slicer()
  const v2 = await readV2(folder, slicer)
  if (!v2) return (await readV1File(join(folder, V1_FILE))).file
  await checkIntegrity(folder, v2.file, v2.loaded, slicer)
  return v2.file
}

function refuse(path: string, problem: string): AppError {
  return new AppError('storage', `Cannot open ${path}: ${problem}. The file was left untouched.`)
}

/** What an error met while reading the v2 files of `folder` becomes for the caller. */
async function loadError(error: unknown, folder: string): Promise<unknown> {
  if (error instanceof StoreFileProblem) return damageOf(error, await storeFilesIn(folder))
  // A link, a pipe or a file outside the folder is not damage to move aside: it is refused.
  if (error instanceof UnsafeFileError)
    return refuse(join(folder, error.file), `it ${error.detail}`)
  if (error instanceof NewerSchemaError) {
    return refuse(
      join(folder, snapshotName((await listStoreFiles(folder)).snapshots[0] ?? 0)),
      error.message,
    )
  }
  return error
}

/**
 * Reads the v2 files of a folder into a validated project, or null when the folder has
 * none; the integrity pass is the caller's (checkIntegrity). Damage is thrown as
 * DamagedProjectError naming every store file.
 * With `check` (a worker checking the same files, see store/open-check.ts) this thread
 * reads and assembles; the worker's verdict decides the rest, and
 * where the two do not agree (or the worker could not check) the files are read again
 * here, validating as they go.
 */
async function readV2(
  folder: string,
  slicer: Slicer,
  check?: { verdict: Promise<OpenVerdict> } | null,
  log?: (message: string) => void,
  receipts?: { book: ReceiptBook; hint: ReceiptHint | null },
): Promise<{ file: ProjectFile; loaded: LoadedFolder; receiptDue: boolean } | null> {
  let loaded: LoadedFolder | null = null
  /** The snapshot's records were all checked here and passed unchanged: a receipt is due. */
  let receiptDue: boolean
  const unreceipted = receipts ? { book: receipts.book, hint: null } : undefined
  if (check) {
    let mainError: unknown
    try {
      loaded = await loadFolder(folder, slicer, 'trusted')
    } catch (error) {
      mainError = error
    }
    const verdict = await check.verdict
    if (!verdict.ok && 'problem' in verdict) {
      const { file, kind, message } = verdict.problem
      throw await loadError(new StoreFileProblem(file, kind, message), folder)
    }
    if (mainError !== undefined) throw await loadError(mainError, folder)
    if (!verdict.ok) {
      log?.(
        `Sightline: the records of ${folder} are checked on the main thread (${verdict.failure}).`,
      )
      return readV2(folder, slicer, null, log, unreceipted)
    }
    if (!loaded) return null
    const agreed =
      verdict.migrate === (loaded.migrateFrom !== undefined) &&
      verdict.generation === loaded.snapshot.generation &&
      verdict.seq === loaded.seq
    // The worker passed over a snapshot this thread took: read again, validating.
    if (!agreed) return readV2(folder, slicer, null, log, unreceipted)
    receiptDue = verdict.exact && verdict.sha256 === loaded.snapshot.sha256
    applyPuts(
      loaded.file as unknown as ProjectFile,
      verdict.reshaped.map(({ c, v }) => ({ collection: c, record: deepFreeze(v) })),
    )
    // Files of an older schema were read raw on both sides: migrated and checked below.
  } else {
    try {
      loaded = await loadFolder(folder, slicer, 'validate', receipts?.hint ?? undefined)
    } catch (error) {
      // The snapshot changed under the receipt's look-up: read it again, checking every record.
      if (error instanceof ReceiptMismatchError)
        return readV2(folder, slicer, null, log, unreceipted)
      throw await loadError(error, folder)
    }
    receiptDue = loaded !== null && loaded.snapshot.exact && !loaded.snapshot.receipted
  }
  if (!loaded) return null
  const snapshotPath = join(folder, snapshotName(loaded.snapshot.generation))
  let file = loaded.file as unknown as ProjectFile
  if (loaded.migrateFrom !== undefined) {
    // Rare (a schema upgrade): the raw records are migrated and validated as one file.
    let migrated: unknown
    try {
      migrated = migrateProjectFile(loaded.file).file
    } catch (error) {
      if (error instanceof SchemaVersionError) {
        throw new DamagedProjectError(
          'not-a-project',
          snapshotPath,
          error.message,
          await storeFilesIn(folder),
        )
      }
      throw error
    }
    const parsed = ProjectFile.safeParse(migrated)
    if (!parsed.success) {
      throw schemaDamage(parsed.error, snapshotPath, await storeFilesIn(folder))
    }
    file = parsed.data
  }
  return { file, loaded, receiptDue: receiptDue && loaded.migrateFrom === undefined }
}

/**
 * The integrity pass (ids used twice, references to records that do not exist), in slices:
 * a schema checks one record, this checks them together. Throws DamagedProjectError.
 */
async function checkIntegrity(
  folder: string,
  file: ProjectFile,
  loaded: LoadedFolder,
  slicer: Slicer,
): Promise<void> {
  const problems = await findIntegrityProblemsInSlices(file, 5, slicer)
  if (problems.length === 0) return
  throw new DamagedProjectError(
    'integrity',
    join(folder, snapshotName(loaded.snapshot.generation)),
    `its records are inconsistent: ${problems.join('; ')}`,
    await storeFilesIn(folder),
  )
}

/**
 * The records as loaded, held apart from later edits: each collection's array is copied
 * (its records are frozen already), so a pass that runs while the analyst edits sees the
 * project as it was on disk, not an entity added after its ids were gathered.
 */
function recordsAsLoaded(file: ProjectFile): ProjectFile {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(file)) {
    copy[key] = Array.isArray(value) ? value.slice() : value
  }
  return copy as unknown as ProjectFile
}

/**
 * The receipt for the newest snapshot of `folder`, if the book holds one for its trailer's
 * sha256 (looked up from the file's last line, before the snapshot is read).
 */
async function findReceipt(folder: string, book: ReceiptBook): Promise<ReceiptHint | null> {
  const newest = (await listStoreFiles(folder)).snapshots[0]
  if (newest === undefined) return null
  const trailer = await peekTrailer(join(folder, snapshotName(newest)))
  if (!trailer || !(await book.has(trailer.sha256, trailer.records))) return null
  return { generation: newest, sha256: trailer.sha256 }
}

/**
 * One open project. Edits apply in memory and return at once; what changed is appended to
 * the journal in coalesced, durable batches; compaction folds the journal into a new
 * snapshot off the main thread. The only writer of the project folder.
 */
export class ProjectStore {
  private revisionCounter = 0
  private pendingSince: number | null = null
  private timer: NodeJS.Timeout | null = null
  private inFlight: Promise<void> | null = null
  private failures = 0
  private lastError: Error | undefined
  private writeCount = 0
  private lastSavedAt: string | undefined
  private lastBackupAt: number | null = null
  private backupError: string | undefined
  private closed = false
  /** The folder's texts and assets, read safely and checked against their hashes. */
  readonly files: ProjectFiles
  /** Compactions and backups, one at a time, in order. */
  private jobs: Promise<unknown> = Promise.resolve()
  private compactionQueued = false
  private compactionBlockedUntil = 0
  private compactionFailures = 0
  private autoBackup: Promise<void> | null = null
  /** See `verified`. */
  private verdict: Promise<void> = Promise.resolve()
  /** Why the store was closed just after it opened: its records failed the integrity pass. */
  private refusal: Error | null = null

  private constructor(
    readonly folder: string,
    private readonly db: Low<ProjectFile>,
    private readonly disk: StoreFolder,
    private readonly options: StoreOptions,
  ) {
    this.files = new ProjectFiles(folder)
  }

  /**
   * Opens an existing project folder; refuses (and leaves alone) files it cannot trust.
   * Resolves once the records are loaded and each one checked. The integrity pass over
   * them together runs after, in slices (see `verified`): the store writes nothing until it
   * passes, and a project it refuses is closed without a byte written.
   */
  static async open(folder: string, options: StoreOptions = {}): Promise<ProjectStore> {
    for (const place of [folder, join(folder, SOURCES_FOLDER), backupsFolder(folder)]) {
      await removeStaleTempFiles(place)
    }
    const slicer = new Slicer()
    const log = options.log ?? ((message: string) => console.warn(message))
    const book = options.receipts
    const hint = book ? await findReceipt(folder, book) : null
    // With a receipt, the records need no check: no worker either.
    const check = hint ? null : startOpenCheck(folder, options.openCheck)
    const v2 = await readV2(folder, slicer, check, log, book ? { book, hint } : undefined)
    if (!v2) return ProjectStore.openV1(folder, options)
    const { file, loaded, receiptDue } = v2
    const migrated = loaded.migrateFrom !== undefined
    if (migrated) {
      // Rare (a schema upgrade): checked before the files are backed up and rewritten.
      await checkIntegrity(folder, file, loaded, slicer)
      await ProjectStore.backUpFiles(folder, loaded, 'before-migration', options)
    }
    const store = await ProjectStore.over(
      await StoreFolder.fromLoaded(folder, file, loaded, options.fs),
      options,
    )
    const asLoaded = migrated ? null : recordsAsLoaded(file)
    store.settle(async () => {
      // The caller takes the store first; the pass starts on the next turn.
      await new Promise((resolve) => setImmediate(resolve))
      if (asLoaded) await checkIntegrity(folder, asLoaded, loaded, new Slicer())
      await ProjectStore.tidyLoadedFolder(folder, loaded, log)
      if (receiptDue && book) await book.issue(loaded.snapshot.sha256, loaded.snapshot.records)
      // A snapshot without its journal becomes a generation of its own now, as it was.
      if (!migrated && loaded.journals.length === 0) await store.writeAsOpened()
    })
    // A schema upgrade is written like an edit: with the next save.
    if (migrated) store.markChanged()
    return store
  }

  /** A v1 file, checked whole as it is read (integrity included), and converted to v2 files. */
  private static async openV1(folder: string, options: StoreOptions): Promise<ProjectStore> {
    const v1 = await readV1File(join(folder, V1_FILE))
    if (v1.migratedFrom !== undefined && v1.textBeforeMigration !== undefined) {
      // The old file is kept before the new version replaces it.
      await writeBackup(folder, v1.textBeforeMigration, 'before-migration', { fs: options.fs })
    }
    const store = await ProjectStore.over(
      await StoreFolder.fromMemory(folder, v1.file, { fromV1: true }, options.fs),
      options,
    )
    if (v1.migratedFrom !== undefined) store.markChanged()
    else await store.writeAsOpened()
    return store
  }

  /** A store over an existing project's files, as read. */
  private static async over(disk: StoreFolder, options: StoreOptions): Promise<ProjectStore> {
    const store = new ProjectStore(
      disk.folder,
      new Low<ProjectFile>(disk, await disk.read()),
      disk,
      options,
    )
    store.lastBackupAt = await newestAutoBackupTime(disk.folder)
    return store
  }

  /**
   * What a loaded folder needs before the next write, done once its records are trusted:
   * a torn last journal line cut back, files of folded generations removed, a v1 file
   * beside v2 files kept under its converted name.
   */
  private static async tidyLoadedFolder(
    folder: string,
    loaded: LoadedFolder,
    log: (message: string) => void,
  ): Promise<void> {
    const newest = loaded.journals.at(-1)
    if (newest && newest.tornBytes > 0) {
      const path = join(folder, journalName(newest.generation))
      await StoreFolder.cutBack(path, newest.bytes)
      log(
        `Sightline: the last ${newest.tornBytes} bytes of ${path} were an edit cut short by a crash (never acknowledged as saved); cut back to ${newest.bytes} bytes.`,
      )
    }
    for (const name of loaded.stale) await rm(join(folder, name), { force: true })
    await StoreFolder.keepV1File(folder)
  }

  /** Writes the records as opened (a whole new generation); if the disk refuses, they wait in memory like any edit. */
  private async writeAsOpened(): Promise<void> {
    await this.db.write().catch((error: unknown) => {
      this.lastError = error as Error
      this.markChanged()
    })
  }

  /**
   * Runs what must follow an open before anything is written (the integrity pass, then the
   * folder's tidying). Writes, compactions and backups wait for it; if it fails, the store
   * is closed and refuses every edit, and `verified` rejects with the reason.
   */
  private settle(task: () => Promise<void>): void {
    this.verdict = task().catch((error: unknown) => {
      // A disk that refused the tidying (cutting a torn line back) refuses the open, as before.
      const refusal =
        error instanceof AppError
          ? error
          : new AppError(
              'storage',
              `Cannot open ${this.folder}: ${describeWriteError(error)}. The files were left as they are.`,
            )
      this.refusal = refusal
      this.closed = true
      this.clearTimer()
      throw refusal
    })
    // Awaited by every write; a refusal nobody awaits yet is not an unhandled rejection.
    this.verdict.catch(() => undefined)
  }

  /**
   * Resolves once the records this store opened with passed the integrity pass (at once for
   * a new or converted project); rejects with DamagedProjectError when they did not, and the
   * store is closed by then.
   */
  get verified(): Promise<void> {
    return this.verdict
  }

  /** Creates a new, empty project in `folder`, which must not hold a project already. */
  static async create(
    folder: string,
    meta: ProjectMeta,
    options: StoreOptions = {},
  ): Promise<ProjectStore> {
    if (await folderHoldsProject(folder)) {
      throw new AppError('conflict', `${folder} already holds a project; open it instead.`)
    }
    await mkdir(join(folder, SOURCES_FOLDER), { recursive: true })
    const file = emptyProjectFile(meta)
    const disk = await StoreFolder.fromMemory(folder, file, { fromV1: false }, options.fs)
    const db = new Low<ProjectFile>(disk, file)
    await db.write()
    return new ProjectStore(folder, db, disk, options)
  }

  /** True once closed: background work on this project (indexing) should stop. */
  get isClosed(): boolean {
    return this.closed
  }

  /** The project folder (messages name it; the files in it are the store's). */
  get path(): string {
    return this.folder
  }

  /** The records; read freely, change only through `mutate`. */
  get data(): Readonly<ProjectFile> {
    return this.db.data
  }

  /** Increases with every edit; caches derived from `data` key on it. */
  get revision(): number {
    return this.revisionCounter
  }

  /**
   * Applies an edit in memory and queues the write. The caller validates first:
   * whatever `change` leaves behind is what gets written. Saved records are frozen:
   * replace a record (`data.entities[i] = { ...old, name }`), never edit it in place.
   */
  mutate<T>(change: (data: ProjectFile) => T): T {
    this.assertOpen()
    const result = change(this.watched())
    this.markChanged()
    return result
  }

  private assertOpen(): void {
    if (!this.closed) return
    throw new AppError(
      'no_project',
      this.refusal
        ? `This project was closed just after it opened, before anything was written to it: ${this.refusal.message}`
        : 'This project has been closed.',
    )
  }

  private watching: { data: ProjectFile; view: ProjectFile } | null = null

  /**
   * The records as an edit sees them: the same object, except that each collection or field
   * it reaches (reads or replaces) is noted, so the next batch compares only those with
   * what is on disk instead of every record of the project.
   */
  private watched(): ProjectFile {
    const data = this.db.data
    if (this.watching?.data !== data) {
      const disk = this.disk
      const note = (name: string | symbol): void => {
        if (typeof name === 'string') disk.touch(name)
      }
      const view = new Proxy(data, {
        get(target, name) {
          note(name)
          return Reflect.get(target, name)
        },
        // An assignment (`data.notes = …`) reaches defineProperty: no `set` trap is needed.
        deleteProperty(target, name) {
          note(name)
          return Reflect.deleteProperty(target, name)
        },
        defineProperty(target, name, descriptor) {
          note(name)
          return Reflect.defineProperty(target, name, descriptor)
        },
      })
      this.watching = { data, view }
    }
    return this.watching.view
  }

  /**
   * Replaces every record at once (restoring a backup). The caller has validated `file`;
   * it is written as a whole new generation.
   */
  replaceAll(file: ProjectFile): void {
    this.mutate(() => {
      this.db.data = file
      this.disk.replaceAll()
    })
  }

  /**
   * Follows the journal: `listener` hears of every batch once it is on disk (ops with their
   * sequence numbers) and of every reset (a whole new generation). Returns the unsubscribe.
   */
  onJournal(listener: (event: JournalEvent) => void): () => void {
    return this.disk.onEvent(listener)
  }

  /**
   * Lets `read` read the store files while they hold every edit made so far: pending edits
   * are written first, and no compaction or backup runs (and so deletes a file) until
   * `read` resolves. For workers that take the records from the files rather than from
   * memory. `revision` is the revision the files hold, or null when an edit came in
   * meanwhile (they hold less than memory does). Null when the disk refuses the edits or
   * the next write is a whole new generation: the caller works from memory then.
   */
  async readFiles<T>(
    read: (view: StoreFilesView & { revision: number | null }) => Promise<T>,
  ): Promise<{ value: T } | null> {
    try {
      await this.flush()
    } catch {
      return null
    }
    return this.enqueue(async () => {
      // Writes take turns with this job only through `exclusive`: look while none runs.
      return this.exclusive(async () => {
        const view = this.disk.filesView()
        if (!view) return null
        const revision = this.pendingSince === null ? this.revisionCounter : null
        return { view: { ...view, revision } }
      }).then((found) => (found ? read(found.view).then((value) => ({ value })) : null))
    })
  }

  /** Where the store stands on disk: for the bench and tests. */
  diskState(): {
    seq: number
    journal: string | null
    journalBytes: number
    snapshotBytes: number
  } {
    return {
      seq: this.disk.lastSeq,
      journal: this.disk.currentJournal,
      journalBytes: this.disk.journalBytes,
      snapshotBytes: this.disk.snapshotSize,
    }
  }

  saveState(): SaveState {
    return {
      pending: this.pendingSince !== null,
      writes: this.writeCount,
      ...(this.lastError ? { lastError: describeWriteError(this.lastError) } : {}),
      ...(this.lastSavedAt ? { lastSavedAt: this.lastSavedAt } : {}),
      ...(this.backupError ? { backupError: this.backupError } : {}),
    }
  }

  /**
   * Backs up the records as they are now: the edits are written first and the backup is
   * a compacted snapshot made from the files; if the disk refuses the edits, the backup
   * is written from memory instead, so it still holds them.
   */
  async backupNow(reason: BackupReason): Promise<BackupInfo> {
    let saved = true
    try {
      await this.flush()
    } catch {
      saved = false
    }
    return this.enqueue(() => this.writeBackupNow(reason, saved))
  }

  private async writeBackupNow(reason: BackupReason, fromFiles: boolean): Promise<BackupInfo> {
    const id = newBackupId(reason)
    const out = backupSnapshotPath(this.folder, id)
    await ensureFolderInside(this.folder, BACKUPS_FOLDER)
    const spec = fromFiles ? this.disk.backupJob(out) : null
    if (spec) {
      const result = await runCompaction(spec.job, spec.inputBytes, this.compactionOptions())
      return recordBackup(this.folder, id, reason, result, this.options.fs)
    }
    const view = capture(this.db.data as unknown as Record<string, unknown>)
    const written = await writeSnapshotFromMemory(
      out,
      { generation: 0, seq: this.disk.lastSeq },
      view,
      new Slicer(),
      this.options.fs,
    )
    return recordBackup(
      this.folder,
      id,
      reason,
      { ...written, schemaVersion: view.schemaVersion, ...summaryOf(this.db.data) },
      this.options.fs,
    )
  }

  /** A backup of the files as they are (before a migration rewrites them), from the files. */
  private static async backUpFiles(
    folder: string,
    loaded: LoadedFolder,
    reason: BackupReason,
    options: StoreOptions,
  ): Promise<void> {
    const id = newBackupId(reason)
    await ensureFolderInside(folder, BACKUPS_FOLDER)
    const result = await runCompaction(
      {
        base: join(folder, snapshotName(loaded.snapshot.generation)),
        journals: loaded.journals.map((j) => ({
          path: join(folder, journalName(j.generation)),
          generation: j.generation,
          bytes: j.bytes,
        })),
        out: backupSnapshotPath(folder, id),
        generation: loaded.snapshot.generation,
      },
      loaded.snapshot.bytes,
      { ...options.compaction, ...(options.fs ? { fs: options.fs } : {}) },
    )
    await recordBackup(folder, id, reason, result, options.fs)
  }

  /**
   * Writes pending edits now; rejects if the disk refuses them. They stay in memory and the
   * automatic retries go on, as after a failed scheduled write.
   */
  async flush(): Promise<void> {
    this.clearTimer()
    try {
      await this.persist()
    } catch (error) {
      this.scheduleRetry()
      throw error
    }
    await this.autoBackup
  }

  /**
   * Folds the journal into a new snapshot now (in a worker for a large project) and
   * resolves when it is done; a failure is thrown (nothing is lost: the journal stays).
   */
  compact(): Promise<void> {
    return this.enqueue(() => this.compactJob())
  }

  /** Flushes, stops accepting edits, and compacts what the journal holds. */
  async close(): Promise<void> {
    try {
      // A store refused just after opening has nothing it may write.
      await this.verdict.catch(() => undefined)
      if (this.refusal) return
      await this.flush()
      this.closed = true
      if (this.options.compaction?.onClose !== false && this.disk.compactable) {
        await this.compact().catch((error: unknown) =>
          this.log(
            `Sightline: compaction on close failed (the journal keeps every edit): ${describeWriteError(error)}`,
          ),
        )
      }
      await this.jobs.catch(() => undefined)
    } finally {
      // The thread that checked the records on open has no more to do for this project.
      stopOpenCheckWorker()
    }
  }

  /**
   * Reads a source's normalized text by content hash, refusing (and recording as damage) a
   * file that is not a regular file inside the folder or does not match its hash and
   * `expectedLength` (the source record's length).
   */
  async readSourceText(contentHash: string, expectedLength?: number): Promise<string> {
    return readSourceTextOf(this.files, contentHash, expectedLength)
  }

  /**
   * Stores a normalized text under its sha256, once; an edit never rewrites documents. A
   * file already there is rewritten only when it is damaged (which repairs it).
   */
  async writeSourceText(
    text: string,
    /** `text` as UTF-8 when the caller has it already (the import worker sends it). */
    utf8?: Uint8Array,
  ): Promise<{ contentHash: string; length: number }> {
    const bytes = utf8 ?? Buffer.from(text, 'utf8')
    const { contentHash } = await storeContentFile(
      this.folder,
      SOURCES_FOLDER,
      'txt',
      bytes,
      this.files,
      this.options.fs,
    )
    return { contentHash, length: text.length }
  }

  /**
   * Stores many texts as writeSourceText does one, with one sync of the folder for all
   * (an import's sources).
   */
  async writeSourceTexts(texts: readonly string[]): Promise<void> {
    // Each text is encoded in its turn: megabytes of texts encoded at once held the event loop.
    await storeContentFiles(this.folder, SOURCES_FOLDER, 'txt', texts, this.files, this.options.fs)
  }

  /** Stores bytes under assets/<sha256>.<extension>, once, and returns the hash. */
  async writeAsset(bytes: Uint8Array, extension: 'png' | 'svg'): Promise<string> {
    const stored = await storeContentFile(
      this.folder,
      ASSETS_FOLDER,
      extension,
      bytes,
      this.files,
      this.options.fs,
    )
    return stored.contentHash
  }

  /** Reads an asset written by writeAsset, checked like a source text. */
  async readAsset(contentHash: string, extension: 'png' | 'svg'): Promise<Uint8Array> {
    const name = `${contentHash}.${extension}`
    if (!ASSET_NAME.test(name)) throw new AppError('invalid_input', 'Bad asset name.')
    try {
      return await this.files.readAsset(ASSETS_FOLDER, contentHash, extension)
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError(
        'storage',
        `The file ${ASSETS_FOLDER}/${name} could not be read: ${(error as Error).message}`,
      )
    }
  }

  private log(message: string): void {
    ;(this.options.log ?? ((text: string) => console.warn(text)))(message)
  }

  private compactionOptions(): CompactionOptions {
    return { ...this.options.compaction, ...(this.options.fs ? { fs: this.options.fs } : {}) }
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    // Nothing runs before the records opened with are known sound (see `verified`).
    const afterVerdict = (): Promise<T> => this.verdict.then(job)
    const run = this.jobs.then(afterVerdict, afterVerdict)
    this.jobs = run.catch(() => undefined)
    return run
  }

  private markChanged(): void {
    this.revisionCounter++
    this.pendingSince ??= Date.now()
    this.schedule(this.options.writeDelayMs ?? DEFAULT_WRITE_DELAY_MS)
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.closed) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.persist().catch(() => this.scheduleRetry())
    }, delayMs)
    this.timer.unref?.()
  }

  /** Backs off while the disk refuses; the edits stay in memory meanwhile. */
  private scheduleRetry(): void {
    this.schedule(Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** Math.min(this.failures, 6)))
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Runs `task` alone: no write, rotation or other task of this store meanwhile. */
  private async exclusive<T>(task: () => Promise<T>): Promise<T> {
    await this.verdict
    while (this.inFlight) await this.inFlight.catch(() => undefined)
    const run = task()
    this.inFlight = run.then(
      () => undefined,
      () => undefined,
    )
    try {
      return await run
    } finally {
      this.inFlight = null
    }
  }

  /**
   * Puts many records (new ones, or new versions of existing ones) as one edit that never
   * blocks the event loop for long: they are journaled a part at a time as one batch, with
   * the event loop free between parts, and join `data` together once the whole batch is on
   * disk. A crash midway leaves a batch without its end, which the next open cuts back:
   * from the analyst's side the edit happened wholly or not at all. Edits made meanwhile
   * wait in memory and are written after it. `stillValid` is asked between parts and last
   * before the end is written; when it says no, nothing is changed and the answer is false.
   */
  putRecords(puts: readonly RecordPut[], stillValid: () => boolean): Promise<boolean> {
    return this.putRecordParts(partsOf(puts, PART_OPS), stillValid)
  }

  /**
   * The same, with the records in parts as they come (an import's, from its worker): each
   * part is journaled on arrival. An error of `parts` gives the batch up and is thrown as it
   * is; nothing is changed then.
   */
  async putRecordParts(
    parts: AsyncIterable<readonly RecordPut[]>,
    stillValid: () => boolean,
  ): Promise<boolean> {
    this.assertOpen()
    return this.exclusive(async () => {
      // Edits made before go first, as their own batch.
      await this.writeNow()
      if (!this.disk.writesInParts) {
        // A whole new generation is due: it is written in slices from memory anyway.
        const puts: RecordPut[] = []
        for await (const part of parts) puts.push(...part)
        if (!stillValid()) return false
        this.mutate((data) => applyPuts(data, puts))
        return true
      }
      const between = async (): Promise<boolean> => {
        await new Promise((resolve) => setImmediate(resolve))
        return !this.closed && stillValid()
      }
      // The batch joins memory in one turn: its collections are prepared between parts and
      // swapped in at the end, unless an edit came meanwhile (then the copies are stale).
      const data = this.db.data
      const revision = this.revisionCounter
      const staged = new StagedPuts(data)
      const slicer = new Slicer()
      let written: boolean
      try {
        written = await this.disk.writeStreamInParts(parts, between, {
          stage: (part) => staged.add(part, slicer),
          commit: (puts) => {
            this.revisionCounter++
            if (this.db.data === data && this.revisionCounter === revision + 1) {
              return staged.swapIn()
            }
            applyPuts(this.db.data, puts)
            return null
          },
        })
      } catch (error) {
        if (error instanceof PartSourceError) throw error.source
        this.options.onSaveError?.(error as Error)
        throw new AppError(
          'storage',
          `Nothing was added: the records could not be saved to ${this.folder}: ${describeWriteError(error)}.`,
        )
      }
      if (written) {
        this.writeCount++
        this.lastSavedAt = new Date().toISOString()
        this.afterWrite()
      }
      return written
    })
  }

  /** One write at a time; a write started after an edit includes it. */
  private async persist(): Promise<void> {
    await this.exclusive(() => this.writeNow())
  }

  /** Writes the pending edits; call inside `exclusive`. */
  private async writeNow(): Promise<void> {
    if (this.pendingSince === null) return
    const revisionWritten = this.revisionCounter
    const bytesBefore = this.disk.journalBytes
    try {
      await this.db.write()
    } catch (error) {
      this.failures++
      this.lastError = error as Error
      this.options.onSaveError?.(error as Error)
      throw new AppError(
        'storage',
        `Your changes are kept in memory but could not be saved to ${this.folder}: ${describeWriteError(error)}.`,
      )
    }
    this.writeCount++
    this.failures = 0
    this.lastError = undefined
    this.lastSavedAt = new Date().toISOString()
    if (this.revisionCounter === revisionWritten) this.pendingSince = null
    const bytes = Math.max(0, this.disk.journalBytes - bytesBefore)
    this.options.onSaved?.({ revision: revisionWritten, bytes })
    this.afterWrite()
  }

  /** Starts what a write may call for: an automatic backup, a compaction. Neither is awaited. */
  private afterWrite(): void {
    const policy = this.options.backups ?? { intervalMs: DEFAULT_BACKUP_INTERVAL_MS }
    const now = Date.now()
    if (policy && (this.lastBackupAt === null || now - this.lastBackupAt >= policy.intervalMs)) {
      this.lastBackupAt = now
      const backup: Promise<void> = this.enqueue(async () => {
        try {
          await this.writeBackupNow('auto', true)
          this.backupError = undefined
        } catch (error) {
          // The project itself is saved; a failed backup is reported, not fatal, and retried.
          this.backupError = describeWriteError(error)
          this.lastBackupAt = null
        }
      }).finally(() => {
        if (this.autoBackup === backup) this.autoBackup = null
      })
      this.autoBackup = backup
    }
    const limits = this.options.compaction ?? {}
    const due =
      this.disk.journalBytes >= (limits.maxJournalBytes ?? DEFAULT_MAX_JOURNAL_BYTES) ||
      this.disk.opsSinceCompaction >= (limits.maxJournalOps ?? DEFAULT_MAX_JOURNAL_OPS)
    if (due && !this.compactionQueued && now >= this.compactionBlockedUntil) {
      this.compactionQueued = true
      void this.compact().catch((error: unknown) => {
        this.compactionFailures++
        this.compactionBlockedUntil =
          Date.now() + COMPACTION_RETRY_MS * 2 ** Math.min(this.compactionFailures - 1, 5)
        this.log(
          `Sightline: compaction failed (the journal keeps every edit; retried later): ${describeWriteError(error)}`,
        )
      })
    }
  }

  private async compactJob(): Promise<void> {
    this.compactionQueued = false
    const spec = await this.exclusive(() => this.disk.rotate())
    if (!spec) return
    const result = await runCompaction(spec.job, spec.inputBytes, this.compactionOptions())
    await this.exclusive(() => this.disk.compacted(spec.job, result))
    this.compactionFailures = 0
    // Records vouched for (the base's receipt) plus records checked now (the journals'):
    // the new snapshot opens without a check too.
    const book = this.options.receipts
    if (
      book &&
      result.journalRecordsExact &&
      (await book.has(result.baseSha256, result.baseRecords))
    ) {
      await book.issue(result.sha256, result.records)
    }
  }
}

async function* partsOf(
  puts: readonly RecordPut[],
  partOps: number,
): AsyncGenerator<readonly RecordPut[]> {
  for (let start = 0; start < puts.length; start += partOps) {
    yield puts.slice(start, start + partOps)
  }
}

/** The counts and name a backup lists, from records in memory. */
function summaryOf(file: ProjectFile): { counts: BackupCounts; projectName: string } {
  return { projectName: file.project.name, counts: backupCounts(file) }
}

/**
 * A source's text from `files`, checked against its sha256 (and its length when known):
 * the store's read, and the sync worker's, which reads the texts it mirrors itself.
 */
export async function readSourceTextOf(
  files: ProjectFiles,
  contentHash: string,
  expectedLength?: number,
): Promise<string> {
  if (!/^[0-9a-f]{64}$/.test(contentHash)) throw new AppError('invalid_input', 'Bad content hash.')
  try {
    return await files.readText(SOURCES_FOLDER, contentHash, expectedLength)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError(
      'storage',
      `The text of this source (${contentHash}.txt) could not be read: ${(error as Error).message}`,
    )
  }
}

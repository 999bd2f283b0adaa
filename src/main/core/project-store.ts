import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import type { BackupInfo, BackupReason, DamageKind, SaveStatus } from '../../shared/api/storage'
import { ProjectFile, SCHEMA_VERSION, type ProjectMeta } from '../../shared/model'
import { backupCounts, backupsFolder, newestAutoBackupTime, writeBackup } from './backups'
import { pathExists, removeStaleTempFiles, writeFileDurably, type WriteFs } from './durable-write'
import { AppError } from './errors'
import { sha256Hex } from './hashing'
import { findIntegrityProblems } from './integrity'
import { migrateProjectFile, NewerSchemaError, SchemaVersionError } from './migrations'
import {
  readProjectFileText,
  refuseForeignProjectFile,
  refuseUnsafeProjectShape,
} from './project-guard'
import { ensureFolderInside, ProjectFiles, UnsafeFileError } from './safe-files'

export const PROJECT_FILE = 'project.json'
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
  /** Told after each write reaches the disk, with the revision it holds. */
  onSaved?: (info: { revision: number; bytes: number }) => void
  /**
   * Automatic backups: after a write, when the newest automatic backup is older than
   * `intervalMs`, the bytes just written are kept in backups/. `false` turns them off.
   */
  backups?: { intervalMs: number } | false
}

export type SaveState = SaveStatus

const DEFAULT_WRITE_DELAY_MS = 150
const MAX_RETRY_DELAY_MS = 30_000
const DEFAULT_BACKUP_INTERVAL_MS = 10 * 60_000

/** A project.json that cannot be trusted: never overwritten, moved aside by the workspace. */
export class DamagedProjectError extends AppError {
  constructor(
    readonly damage: DamageKind,
    readonly path: string,
    readonly problem: string,
  ) {
    super('storage', `Cannot open ${path}: ${problem}. The file was left untouched.`)
    this.name = 'DamagedProjectError'
  }
}

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

/** Reads and validates project.json; writes it atomically and durably. */
class ProjectFileAdapter implements Adapter<ProjectFile> {
  migratedFrom: number | undefined
  /** The bytes read, kept only when a migration will replace them (they get backed up). */
  textBeforeMigration: string | undefined
  /** The bytes of the last write, until the store has backed them up or let them go. */
  lastWritten: string | undefined

  constructor(
    private readonly path: string,
    private readonly fs: WriteFs | undefined,
  ) {}

  async read(): Promise<ProjectFile> {
    let text: string
    try {
      text = await readProjectFileText(this.folderForMessage(), PROJECT_FILE)
    } catch (error) {
      if (error instanceof UnsafeFileError && error.reason === 'missing') {
        throw new AppError(
          'not_found',
          `There is no ${PROJECT_FILE} in ${this.folderForMessage()}.`,
        )
      }
      if (error instanceof UnsafeFileError) throw this.refuse(`it ${error.detail}`)
      throw this.refuse(`it could not be read (${(error as Error).message})`)
    }
    if (text.trim() === '') throw new DamagedProjectError('empty', this.path, 'it is empty')
    // Zero-filled blocks are what a power cut leaves on some file systems.
    if (text.includes('\0')) {
      throw new DamagedProjectError('nul-bytes', this.path, 'it contains NUL bytes')
    }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (error) {
      const message = (error as Error).message
      // Cut short: the parser ran out of text rather than meeting a wrong character.
      const position = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN)
      const truncated =
        /end of (JSON )?input|Unterminated/i.test(message) || position >= text.trimEnd().length
      throw new DamagedProjectError(
        truncated ? 'truncated' : 'not-json',
        this.path,
        truncated ? `it is cut short (${message})` : `it is not valid JSON (${message})`,
      )
    }
    refuseForeignProjectFile(raw, this.path)
    refuseUnsafeProjectShape(raw, this.path)
    let migrated: ReturnType<typeof migrateProjectFile>
    try {
      migrated = migrateProjectFile(raw)
    } catch (error) {
      // A newer file is sound: refuse it, but it is not damage and stays where it is.
      if (error instanceof NewerSchemaError) throw this.refuse(error.message)
      if (error instanceof SchemaVersionError) {
        throw new DamagedProjectError('not-a-project', this.path, error.message)
      }
      throw error
    }
    const parsed = ProjectFile.safeParse(migrated.file)
    if (!parsed.success) {
      const lines = parsed.error.issues
        .slice(0, 5)
        .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`)
      throw new DamagedProjectError(
        'schema',
        this.path,
        `it does not match the project schema: ${lines.join('; ')}`,
      )
    }
    const problems = findIntegrityProblems(parsed.data, 5)
    if (problems.length > 0) {
      throw new DamagedProjectError(
        'integrity',
        this.path,
        `its records are inconsistent: ${problems.join('; ')}`,
      )
    }
    this.migratedFrom = migrated.migratedFrom
    if (migrated.migratedFrom !== undefined) this.textBeforeMigration = text
    return parsed.data
  }

  async write(data: ProjectFile): Promise<void> {
    // Compact: pretty-printing roughly halves stringify speed on large projects.
    const text = JSON.stringify(data)
    await writeFileDurably(this.path, text, this.fs)
    this.lastWritten = text
  }

  private folderForMessage(): string {
    return this.path.slice(0, -PROJECT_FILE.length - 1)
  }

  private refuse(problem: string): AppError {
    return new AppError(
      'storage',
      `Cannot open ${this.path}: ${problem}. The file was left untouched.`,
    )
  }
}

/**
 * One open project. Edits apply in memory and return at once; writes are coalesced,
 * serialized and durable. The only writer of the project folder.
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

  private constructor(
    readonly folder: string,
    private readonly db: Low<ProjectFile>,
    private readonly adapter: ProjectFileAdapter,
    private readonly options: StoreOptions,
  ) {
    this.files = new ProjectFiles(folder)
  }

  /** Opens an existing project folder; refuses (and leaves alone) a file it cannot read. */
  static async open(folder: string, options: StoreOptions = {}): Promise<ProjectStore> {
    const adapter = new ProjectFileAdapter(join(folder, PROJECT_FILE), options.fs)
    // Read once through the adapter; what it returns (validated) is the store's data.
    const db = new Low<ProjectFile>(adapter, await adapter.read())
    const store = new ProjectStore(folder, db, adapter, options)
    for (const place of [folder, join(folder, SOURCES_FOLDER), backupsFolder(folder)]) {
      await removeStaleTempFiles(place)
    }
    store.lastBackupAt = await newestAutoBackupTime(folder)
    if (adapter.migratedFrom !== undefined && adapter.textBeforeMigration !== undefined) {
      // The old file is kept before the first write replaces it with the new version.
      await writeBackup(folder, adapter.textBeforeMigration, 'before-migration', {
        fs: options.fs,
      })
      adapter.textBeforeMigration = undefined
      store.markChanged()
    }
    return store
  }

  /** Creates a new, empty project in `folder`, which must not hold a project already. */
  static async create(
    folder: string,
    meta: ProjectMeta,
    options: StoreOptions = {},
  ): Promise<ProjectStore> {
    const path = join(folder, PROJECT_FILE)
    if (await pathExists(path)) {
      throw new AppError('conflict', `${folder} already holds a project; open it instead.`)
    }
    await mkdir(join(folder, SOURCES_FOLDER), { recursive: true })
    const file: ProjectFile = {
      schemaVersion: SCHEMA_VERSION,
      project: meta,
      sources: [],
      annotations: [],
      entities: [],
      relations: [],
      notes: [],
      reports: [],
      views: {},
    }
    const adapter = new ProjectFileAdapter(path, options.fs)
    const db = new Low<ProjectFile>(adapter, file)
    await db.write()
    adapter.lastWritten = undefined
    return new ProjectStore(folder, db, adapter, options)
  }

  /** True once closed: background work on this project (indexing) should stop. */
  get isClosed(): boolean {
    return this.closed
  }

  get path(): string {
    return join(this.folder, PROJECT_FILE)
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
   * whatever `change` leaves behind is what gets written.
   */
  mutate<T>(change: (data: ProjectFile) => T): T {
    if (this.closed) throw new AppError('no_project', 'This project has been closed.')
    const result = change(this.db.data)
    this.markChanged()
    return result
  }

  /**
   * Replaces every record at once (restoring a backup). The caller has validated `file`;
   * it is written like any edit.
   */
  replaceAll(file: ProjectFile): void {
    this.mutate(() => {
      this.db.data = file
    })
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

  /** Backs up the records as they are in memory now (saved or not). */
  async backupNow(reason: BackupReason): Promise<BackupInfo> {
    const data = this.db.data
    return writeBackup(this.folder, JSON.stringify(data), reason, {
      fs: this.options.fs,
      summary: {
        schemaVersion: data.schemaVersion,
        projectName: data.project.name,
        counts: backupCounts(data),
      },
    })
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
  }

  /** Flushes and stops accepting edits. */
  async close(): Promise<void> {
    await this.flush()
    this.closed = true
  }

  /**
   * Reads a source's normalized text by content hash, refusing (and recording as damage) a
   * file that is not a regular file inside the folder or does not match its hash and
   * `expectedLength` (the source record's length).
   */
  async readSourceText(contentHash: string, expectedLength?: number): Promise<string> {
    if (!/^[0-9a-f]{64}$/.test(contentHash))
      throw new AppError('invalid_input', 'Bad content hash.')
    try {
      return await this.files.readText(SOURCES_FOLDER, contentHash, expectedLength)
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError(
        'storage',
        `The text of this source (${contentHash}.txt) could not be read: ${(error as Error).message}`,
      )
    }
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
    const contentHash = await sha256Hex(bytes)
    const name = `${contentHash}.txt`
    if (!(await this.files.isIntact(`${SOURCES_FOLDER}/${name}`, contentHash))) {
      const folder = await ensureFolderInside(this.folder, SOURCES_FOLDER)
      await writeFileDurably(join(folder, name), bytes, this.options.fs)
      this.files.forget(contentHash)
    }
    return { contentHash, length: text.length }
  }

  /** Stores bytes under assets/<sha256>.<extension>, once, and returns the hash. */
  async writeAsset(bytes: Uint8Array, extension: 'png' | 'svg'): Promise<string> {
    const contentHash = await sha256Hex(bytes)
    const name = `${contentHash}.${extension}`
    if (!(await this.files.isIntact(`${ASSETS_FOLDER}/${name}`, contentHash))) {
      const folder = await ensureFolderInside(this.folder, ASSETS_FOLDER)
      await writeFileDurably(join(folder, name), bytes, this.options.fs)
      this.files.forget(contentHash)
    }
    return contentHash
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

  /** One write at a time; a write started after an edit includes it. */
  private async persist(): Promise<void> {
    while (this.inFlight) await this.inFlight.catch(() => undefined)
    if (this.pendingSince === null) return
    const revisionWritten = this.revisionCounter
    const write = this.writeAndBackUp(revisionWritten)
    this.inFlight = write
    try {
      await write
    } catch (error) {
      this.failures++
      this.lastError = error as Error
      this.options.onSaveError?.(error as Error)
      throw new AppError(
        'storage',
        `Your changes are kept in memory but could not be saved to ${this.path}: ${describeWriteError(error)}.`,
      )
    } finally {
      this.inFlight = null
    }
  }

  private async writeAndBackUp(revisionWritten: number): Promise<void> {
    await this.db.write()
    this.writeCount++
    this.failures = 0
    this.lastError = undefined
    this.lastSavedAt = new Date().toISOString()
    if (this.revisionCounter === revisionWritten) this.pendingSince = null
    const text = this.adapter.lastWritten
    this.adapter.lastWritten = undefined
    this.options.onSaved?.({ revision: revisionWritten, bytes: text?.length ?? 0 })
    const policy = this.options.backups ?? { intervalMs: DEFAULT_BACKUP_INTERVAL_MS }
    if (!policy || text === undefined) return
    const now = Date.now()
    if (this.lastBackupAt !== null && now - this.lastBackupAt < policy.intervalMs) return
    try {
      await writeBackup(this.folder, text, 'auto', { fs: this.options.fs })
      this.lastBackupAt = now
      this.backupError = undefined
    } catch (error) {
      // The project itself is saved; a failed backup is reported, not fatal, and retried.
      this.backupError = describeWriteError(error)
    }
  }
}

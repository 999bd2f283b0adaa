import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { ProjectFile, SCHEMA_VERSION, type ProjectMeta } from '../../shared/model'
import { pathExists, writeFileDurably, type WriteFs } from './durable-write'
import { AppError } from './errors'
import { findIntegrityProblems } from './integrity'
import { migrateProjectFile, SchemaVersionError } from './migrations'

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
}

export interface SaveState {
  /** Edits applied in memory and not yet on disk. */
  pending: boolean
  /** Why the last write failed, until a write succeeds. */
  lastError?: string
  writes: number
}

const DEFAULT_WRITE_DELAY_MS = 150
const MAX_RETRY_DELAY_MS = 30_000

/** Reads and validates project.json; writes it atomically and durably. */
class ProjectFileAdapter implements Adapter<ProjectFile> {
  migratedFrom: number | undefined

  constructor(
    private readonly path: string,
    private readonly fs: WriteFs | undefined,
  ) {}

  async read(): Promise<ProjectFile> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new AppError(
          'not_found',
          `There is no ${PROJECT_FILE} in ${this.folderForMessage()}.`,
        )
      }
      throw this.refuse(`it could not be read (${(error as Error).message})`)
    }
    if (text.trim() === '') throw this.refuse('it is empty')
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (error) {
      throw this.refuse(`it is not valid JSON (${(error as Error).message})`)
    }
    let migrated: ReturnType<typeof migrateProjectFile>
    try {
      migrated = migrateProjectFile(raw)
    } catch (error) {
      if (error instanceof SchemaVersionError) throw this.refuse(error.message)
      throw error
    }
    const parsed = ProjectFile.safeParse(migrated.file)
    if (!parsed.success) {
      const lines = parsed.error.issues
        .slice(0, 5)
        .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`)
      throw this.refuse(`it does not match the project schema: ${lines.join('; ')}`)
    }
    const problems = findIntegrityProblems(parsed.data, 5)
    if (problems.length > 0)
      throw this.refuse(`its records are inconsistent: ${problems.join('; ')}`)
    this.migratedFrom = migrated.migratedFrom
    return parsed.data
  }

  async write(data: ProjectFile): Promise<void> {
    // Compact: pretty-printing roughly halves stringify speed on large projects.
    await writeFileDurably(this.path, JSON.stringify(data), this.fs)
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
  private closed = false

  private constructor(
    readonly folder: string,
    private readonly db: Low<ProjectFile>,
    private readonly options: StoreOptions,
  ) {}

  /** Opens an existing project folder; refuses (and leaves alone) a file it cannot read. */
  static async open(folder: string, options: StoreOptions = {}): Promise<ProjectStore> {
    const adapter = new ProjectFileAdapter(join(folder, PROJECT_FILE), options.fs)
    // Read once through the adapter; what it returns (validated) is the store's data.
    const db = new Low<ProjectFile>(adapter, await adapter.read())
    const store = new ProjectStore(folder, db, options)
    // A migrated file is written back in the current version with the next edit.
    if (adapter.migratedFrom !== undefined) store.markChanged()
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
    return new ProjectStore(folder, db, options)
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

  saveState(): SaveState {
    return {
      pending: this.pendingSince !== null,
      writes: this.writeCount,
      ...(this.lastError ? { lastError: this.lastError.message } : {}),
    }
  }

  /** Writes pending edits now; rejects if the disk refuses them (they stay in memory). */
  async flush(): Promise<void> {
    this.clearTimer()
    await this.persist()
  }

  /** Flushes and stops accepting edits. */
  async close(): Promise<void> {
    await this.flush()
    this.closed = true
  }

  /** Reads a source's normalized text by content hash. */
  async readSourceText(contentHash: string): Promise<string> {
    if (!/^[0-9a-f]{64}$/.test(contentHash))
      throw new AppError('invalid_input', 'Bad content hash.')
    try {
      return await readFile(join(this.folder, SOURCES_FOLDER, `${contentHash}.txt`), 'utf8')
    } catch (error) {
      throw new AppError(
        'storage',
        `The text of this source (${contentHash}.txt) could not be read: ${(error as Error).message}`,
      )
    }
  }

  /** Stores a normalized text under its sha256, once; an edit never rewrites documents. */
  async writeSourceText(text: string): Promise<{ contentHash: string; length: number }> {
    const contentHash = createHash('sha256').update(text, 'utf8').digest('hex')
    const path = join(this.folder, SOURCES_FOLDER, `${contentHash}.txt`)
    if (!(await pathExists(path))) {
      await mkdir(join(this.folder, SOURCES_FOLDER), { recursive: true })
      await writeFileDurably(path, text, this.options.fs)
    }
    return { contentHash, length: text.length }
  }

  /** Stores bytes under assets/<sha256>.<extension>, once, and returns the hash. */
  async writeAsset(bytes: Uint8Array, extension: 'png' | 'svg'): Promise<string> {
    const contentHash = createHash('sha256').update(bytes).digest('hex')
    const folder = join(this.folder, ASSETS_FOLDER)
    const path = join(folder, `${contentHash}.${extension}`)
    if (!(await pathExists(path))) {
      await mkdir(folder, { recursive: true })
      await writeFileDurably(path, bytes, this.options.fs)
    }
    return contentHash
  }

  /** Reads an asset written by writeAsset. */
  async readAsset(contentHash: string, extension: 'png' | 'svg'): Promise<Uint8Array> {
    const name = `${contentHash}.${extension}`
    if (!ASSET_NAME.test(name)) throw new AppError('invalid_input', 'Bad asset name.')
    try {
      return await readFile(join(this.folder, ASSETS_FOLDER, name))
    } catch (error) {
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
      this.persist().catch(() => {
        // Back off while the disk refuses; the edits stay in memory meanwhile.
        const retryIn = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** Math.min(this.failures, 6))
        this.schedule(retryIn)
      })
    }, delayMs)
    this.timer.unref?.()
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
    const write = this.db.write()
    this.inFlight = write
    try {
      await write
      this.writeCount++
      this.failures = 0
      this.lastError = undefined
      if (this.revisionCounter === revisionWritten) this.pendingSince = null
    } catch (error) {
      this.failures++
      this.lastError = error as Error
      this.options.onSaveError?.(error as Error)
      throw new AppError(
        'storage',
        `Your changes are kept in memory but could not be saved to ${this.path}: ${(error as Error).message}`,
      )
    } finally {
      this.inFlight = null
    }
  }
}

import { randomUUID } from 'node:crypto'
import { cp, mkdir, readFile, rename, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { RecentProject, type OpenFailure, type WorkspaceStatus } from '../../shared/contract'
import { isNetworkPath } from '../../shared/api/method'
import type { ProjectFile } from '../../shared/model'
import { fileNameSlug } from '../../shared/text'
import { backupsFolder, copySnapshotAsBackup, listBackups, readBackup } from './backups'
import { pathExists, writeFileDurably, writeFilesDurably } from './durable-write'
import { AppError, appError } from './errors'
import { defaultImportJobs, ImportJobs, type ImportJobsOptions } from './import-jobs'
import {
  DamagedProjectError,
  describeWriteError,
  folderHoldsProject,
  PROJECT_FILE,
  ProjectStore,
  writeNewProjectFiles,
  type StoreOptions,
} from './project-store'
import { listStoreFiles, journalName, snapshotName } from './store/format'
import { stopOpenCheckWorker } from './store/open-check'
import { ReceiptBook } from './store/receipts'
import type { PdfPrinter } from './report/print'
import type { CredentialVault } from './sync/credentials'
import { SyncHost } from './sync/sync-host'

const RECENT_FILE = 'recent.json'
/** Validation receipts (store/receipts.ts): per user, never in a project folder. */
const RECEIPTS_FOLDER = 'receipts'
const RECENT_LIMIT = 12
const SAMPLE_FOLDER_NAME = 'sample'

export interface WorkspaceOptions {
  /** Per-user folder: recent.json and, by default, projects/. */
  userDataDir: string
  /** The read-only sample project shipped in data/; copied on first run, never written. */
  sampleDir?: string
  store?: StoreOptions
  /** Prints report HTML to PDF: headless Chromium (browser mode) or Electron's printToPDF. */
  printPdf?: PdfPrinter
  /** Limits and concurrency of the document importers' workers. */
  imports?: ImportJobsOptions
  /** Where team hub passwords are kept (Electron: the OS keychain); by default a 0600 file. */
  credentials?: CredentialVault
  /** Team sync's mirror in this thread rather than a worker: for tests (a worker from source is slow to start). */
  syncInThisThread?: boolean
}

/** A sortable, file-name-safe time for names such as snapshot.1.jsonl.corrupt-<time>. */
function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

/**
 * Moves `path` aside as `<path>.<label>-<time>` by renaming it, so every byte survives;
 * returns the new path.
 */
async function moveAside(path: string, label: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const target = `${path}.${label}-${fileStamp()}${attempt ? `-${attempt}` : ''}`
    if (await pathExists(target)) continue
    await rename(path, target)
    return target
  }
}

/** Refuses a network (UNC) path, which Windows would contact just to look at. */
function localFolder(folder: string): string {
  if (isNetworkPath(folder)) {
    throw new AppError(
      'invalid_input',
      `${folder}: network (UNC) paths are not accepted: copy the project to a folder on this computer.`,
    )
  }
  return folder
}

/** Every store file of a folder, in either format: what a restore moves aside. */
async function storeFiles(folder: string): Promise<string[]> {
  const { snapshots, journals } = await listStoreFiles(folder)
  const names = [PROJECT_FILE, ...snapshots.map(snapshotName), ...journals.map(journalName)]
  const present: string[] = []
  for (const name of names) {
    if (await pathExists(join(folder, name))) present.push(join(folder, name))
  }
  return present
}

/** Which project is open, why the last one could not be, and the user's list of recent ones. */
export class Workspace {
  private store: ProjectStore | null = null
  private failure: Omit<OpenFailure, 'backups'> | null = null
  /** Team sync resuming for the open project, once its records are verified. */
  private attaching: Promise<void> = Promise.resolve()
  /** A project being closed just after it opened (see refuseIfDamaged): its failure is not kept yet. */
  private refusing: Promise<void> = Promise.resolve()
  /** Document imports in progress, each in its worker; they outlive a change of project. */
  readonly imports: ImportJobs
  /** Team sync of the open project. */
  readonly sync: SyncHost

  constructor(readonly options: WorkspaceOptions) {
    this.imports = options.imports ? new ImportJobs(options.imports) : defaultImportJobs()
    this.sync = new SyncHost({
      userDataDir: options.userDataDir,
      ...(options.credentials ? { vault: options.credentials } : {}),
      ...(options.syncInThisThread ? { inThisThread: true } : {}),
    })
  }

  private receiptBook: ReceiptBook | undefined

  /** The store's options, with this user's receipt book unless the caller gave one. */
  private get storeOptions(): StoreOptions {
    const given = this.options.store ?? {}
    if (given.receipts) return given
    this.receiptBook ??= new ReceiptBook(join(this.options.userDataDir, RECEIPTS_FOLDER))
    return { ...given, receipts: this.receiptBook }
  }

  get projectsDir(): string {
    return join(this.options.userDataDir, 'projects')
  }

  /** The open project; every data method goes through it. */
  get current(): ProjectStore {
    if (!this.store) throw appError('no_project', 'noProjectOpen')
    return this.store
  }

  get isOpen(): boolean {
    return this.store !== null
  }

  /**
   * Opens a project folder; the current one stays open if the new one cannot be read.
   * Damaged store files (a v1 project.json, or a v2 snapshot with its journals) are moved
   * aside (renamed, never rewritten) and the failure is kept, with the folder's backups,
   * for the user to choose a restore. A project whose records fail the integrity pass,
   * which runs just after it opens, is closed then and refused the same way.
   */
  async open(folder: string): Promise<ProjectStore> {
    const path = resolve(localFolder(folder))
    if (this.store && this.store.folder === path) return this.store
    let next: ProjectStore
    try {
      next = await ProjectStore.open(path, this.storeOptions)
    } catch (error) {
      throw await this.recordFailure(path, error)
    }
    await this.replaceCurrent(next)
    return next
  }

  /** The open project and the last failure to open one. */
  async status(): Promise<WorkspaceStatus> {
    // Between a late refusal and its failure being kept, the answer would show neither.
    await this.refusing
    return {
      open: this.store ? { folder: this.store.folder, name: this.store.data.project.name } : null,
      failure: this.failure
        ? { ...this.failure, backups: await listBackups(this.failure.folder) }
        : null,
    }
  }

  /** The folder a backup command without a folder applies to: the open project, else the failed one. */
  defaultBackupFolder(): string {
    if (this.store) return this.store.folder
    if (this.failure) return this.failure.folder
    throw appError('no_project', 'noProjectOpen')
  }

  /**
   * Restores backup `id` of `folder` (default: the open project, else the one that failed
   * to open). Into the open project: its current state is backed up first, then replaced.
   * Into another folder: store files still there are moved aside, the backup is written
   * as a new project in their place and opened.
   */
  async restoreBackup(id: string, folder?: string): Promise<ProjectStore> {
    const target = folder ? resolve(localFolder(folder)) : this.defaultBackupFolder()
    const file = await readBackup(target, id)
    if (this.store && this.store.folder === target) {
      await this.store.backupNow('before-restore')
      this.store.replaceAll(file)
      await this.store.flush()
      this.clearFailure(target)
      return this.store
    }
    if (!(await pathExists(backupsFolder(target)))) {
      throw appError('not_found', 'noBackups', { folder: target })
    }
    try {
      for (const path of await storeFiles(target)) await moveAside(path, 'replaced')
      await writeNewProjectFiles(target, file, this.options.store?.fs)
    } catch (error) {
      throw new AppError(
        'storage',
        `The backup could not be written to ${target}: ${describeWriteError(error)}.`,
      )
    }
    return this.open(target)
  }

  /** Writes an already validated project into a new folder under projects/ and opens it. */
  async createFrom(file: ProjectFile, texts: ReadonlyMap<string, string>): Promise<ProjectStore> {
    const path = await this.freeProjectFolder(file.project.name)
    // Built in a hidden folder and renamed into place: a failed import leaves no half project.
    const staging = join(this.projectsDir, `.importing-${randomUUID()}`)
    try {
      await mkdir(join(staging, 'sources'), { recursive: true })
      await writeFilesDurably(
        join(staging, 'sources'),
        [...texts].map(([hash, text]) => ({ name: `${hash}.txt`, data: text })),
        this.options.store?.fs,
      )
      const snapshot = await writeNewProjectFiles(staging, file, this.options.store?.fs)
      await copySnapshotAsBackup(staging, snapshot, 'import', file, this.options.store?.fs)
      await rename(staging, path)
    } catch (error) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined)
      throw new AppError(
        'storage',
        `The project could not be written to ${path}: ${describeWriteError(error)}. Nothing was imported.`,
      )
    }
    return this.open(path)
  }

  private clearFailure(folder: string): void {
    if (this.failure?.folder === folder) this.failure = null
  }

  /**
   * A store refused after it opened (its integrity pass failed): if it is still the open
   * project, it is closed (it wrote nothing) and its failure is kept as an open's would be,
   * so the next look at the workspace shows the recovery screen.
   */
  private refuseIfDamaged(store: ProjectStore): void {
    store.verified.catch((error: unknown) => {
      if (this.store !== store) return
      this.store = null
      // Edits made in the moment before the verdict were kept in memory, never written.
      const unsaved = store.saveState().pending
      this.refusing = (async () => {
        await this.attaching
        await this.sync.detach().catch(() => undefined)
        await store.close().catch(() => undefined)
        await this.recordFailure(store.folder, error, { afterOpen: { unsaved } })
      })().catch(() => undefined) // status() awaits this: it must not reject.
    })
  }

  private async recordFailure(
    folder: string,
    error: unknown,
    { afterOpen }: { afterOpen?: { unsaved: boolean } } = {},
  ): Promise<unknown> {
    if (!(error instanceof AppError)) return error
    const at = new Date().toISOString()
    const closedAfterOpen = !afterOpen
      ? ''
      : afterOpen.unsaved
        ? 'Sightline closed this project just after opening it, before writing anything to it: the edits made since it opened were not saved. '
        : 'Sightline closed this project just after opening it, before writing anything to it. '
    if (error instanceof DamagedProjectError) {
      let movedTo: string | undefined
      try {
        // The damaged file first; the other files of its store go with it, so that the
        // next open cannot quietly start from an older snapshot without those edits.
        movedTo = await moveAside(error.path, 'corrupt')
        for (const other of error.files) {
          if (other !== error.path && (await pathExists(other))) await moveAside(other, 'corrupt')
        }
      } catch {
        // Could not rename it: it stays where it is, untouched, and is reported as such.
      }
      const backups = await listBackups(folder)
      const usable = backups.filter((b) => b.verified).length
      const message =
        closedAfterOpen +
        `Cannot open ${error.path}: ${error.problem}. ` +
        (movedTo
          ? `The damaged file was kept as ${movedTo}. `
          : 'The damaged file was left where it is. ') +
        (usable > 0
          ? `${usable} backup${usable === 1 ? ' is' : 's are'} available to restore.`
          : 'There is no backup to restore.')
      this.failure = {
        folder,
        message,
        damage: error.damage,
        ...(movedTo ? { movedTo } : {}),
        at,
      }
      return new AppError('storage', message)
    }
    this.failure = { folder, message: closedAfterOpen + error.message, at }
    return error
  }

  /** Creates a project (in `folder`, or a new folder under projects/) and opens it. */
  async create(name: string, folder?: string): Promise<ProjectStore> {
    const path = folder ? resolve(localFolder(folder)) : await this.freeProjectFolder(name)
    const now = new Date().toISOString()
    let next: ProjectStore
    try {
      next = await ProjectStore.create(
        path,
        { id: randomUUID(), name, description: '', createdAt: now, updatedAt: now },
        this.storeOptions,
      )
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError(
        'storage',
        `Cannot create a project in ${path}: ${describeWriteError(error)}.`,
      )
    }
    await this.replaceCurrent(next)
    return next
  }

  /**
   * First run and every start without an explicit project: the most recent project
   * that still opens, else the sample (copied into the user's folder once).
   */
  async openDefault(): Promise<ProjectStore | null> {
    for (const entry of await this.recent()) {
      try {
        return await this.open(entry.path)
      } catch {
        // A project that was moved away is skipped; one that is still there but cannot be
        // opened is the user's work: stop and let them recover it rather than open another.
        const folderGone = !(await pathExists(entry.path))
        const nothingToRecover =
          !(await folderHoldsProject(entry.path)) && !(await pathExists(backupsFolder(entry.path)))
        if (!folderGone && !nothingToRecover) return null
        this.failure = null
      }
    }
    return this.open(await this.installSample())
  }

  /** Copies the shipped sample into projects/sample unless a copy exists already. */
  async installSample(): Promise<string> {
    const { sampleDir } = this.options
    if (!sampleDir) throw appError('not_found', 'noSampleProject')
    const target = join(this.projectsDir, SAMPLE_FOLDER_NAME)
    if (!(await folderHoldsProject(target))) {
      await mkdir(this.projectsDir, { recursive: true })
      await cp(sampleDir, target, { recursive: true, errorOnExist: false, force: false })
    }
    return target
  }

  async recent(): Promise<RecentProject[]> {
    const path = join(this.options.userDataDir, RECENT_FILE)
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch {
      return []
    }
    try {
      return z.array(RecentProject).parse(JSON.parse(text))
    } catch {
      // Keep the unreadable list for inspection instead of overwriting it.
      await rename(path, `${path}.corrupt-${Date.now()}`).catch(() => undefined)
      return []
    }
  }

  /** Flushes and closes the open project. */
  async close(): Promise<void> {
    const store = this.store
    this.store = null
    await this.attaching
    await this.sync.detach()
    try {
      await store?.close()
    } finally {
      stopOpenCheckWorker()
    }
  }

  private async replaceCurrent(next: ProjectStore): Promise<void> {
    const previous = this.store
    this.store = next
    this.failure = null
    await this.attaching
    await this.sync.detach()
    await previous?.close()
    this.refuseIfDamaged(next)
    // A project linked to a hub resumes its sync once its records are verified (a refused
    // one never reaches the hub); one that cannot sync does not fail the open.
    this.attaching = next.verified
      .then(() => (this.store === next ? this.sync.attach(next) : undefined))
      .catch(() => undefined)
    // The recent list is a convenience: failing to write it must not fail the open.
    await this.remember(next).catch(() => undefined)
  }

  private async remember(store: ProjectStore): Promise<void> {
    const entry: RecentProject = {
      path: store.folder,
      name: store.data.project.name,
      openedAt: new Date().toISOString(),
    }
    const others = (await this.recent()).filter((r) => r.path !== entry.path)
    await mkdir(this.options.userDataDir, { recursive: true })
    await writeFileDurably(
      join(this.options.userDataDir, RECENT_FILE),
      JSON.stringify([entry, ...others].slice(0, RECENT_LIMIT)),
    )
  }

  private async freeProjectFolder(name: string): Promise<string> {
    const slug = fileNameSlug(name)
    for (let n = 1; ; n++) {
      const candidate = join(this.projectsDir, n === 1 ? slug : `${slug}-${n}`)
      if (!(await pathExists(candidate))) return candidate
    }
  }
}

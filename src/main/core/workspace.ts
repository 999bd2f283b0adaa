import { randomUUID } from 'node:crypto'
import { cp, mkdir, readFile, rename } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { RecentProject } from '../../shared/contract'
import { pathExists, writeFileDurably } from './durable-write'
import { AppError } from './errors'
import { PROJECT_FILE, ProjectStore, type StoreOptions } from './project-store'
import type { PdfPrinter } from './report/print'

const RECENT_FILE = 'recent.json'
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
}

/** Which project is open, and the user's list of recent ones. */
export class Workspace {
  private store: ProjectStore | null = null

  constructor(readonly options: WorkspaceOptions) {}

  get projectsDir(): string {
    return join(this.options.userDataDir, 'projects')
  }

  /** The open project; every data method goes through it. */
  get current(): ProjectStore {
    if (!this.store) throw new AppError('no_project', 'No project is open.')
    return this.store
  }

  get isOpen(): boolean {
    return this.store !== null
  }

  /** Opens a project folder; the current one stays open if the new one cannot be read. */
  async open(folder: string): Promise<ProjectStore> {
    const path = resolve(folder)
    if (this.store && this.store.folder === path) return this.store
    const next = await ProjectStore.open(path, this.options.store)
    await this.replaceCurrent(next)
    return next
  }

  /** Creates a project (in `folder`, or a new folder under projects/) and opens it. */
  async create(name: string, folder?: string): Promise<ProjectStore> {
    const path = folder ? resolve(folder) : await this.freeProjectFolder(name)
    const now = new Date().toISOString()
    const next = await ProjectStore.create(
      path,
      { id: randomUUID(), name, description: '', createdAt: now, updatedAt: now },
      this.options.store,
    )
    await this.replaceCurrent(next)
    return next
  }

  /**
   * First run and every start without an explicit project: the most recent project
   * that still opens, else the sample (copied into the user's folder once).
   */
  async openDefault(): Promise<ProjectStore> {
    for (const entry of await this.recent()) {
      try {
        return await this.open(entry.path)
      } catch {
        // A moved or damaged project must not keep the app from starting.
      }
    }
    return this.open(await this.installSample())
  }

  /** Copies the shipped sample into projects/sample unless a copy exists already. */
  async installSample(): Promise<string> {
    const { sampleDir } = this.options
    if (!sampleDir) throw new AppError('not_found', 'No sample project is available.')
    const target = join(this.projectsDir, SAMPLE_FOLDER_NAME)
    if (!(await pathExists(join(target, PROJECT_FILE)))) {
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
    await store?.close()
  }

  private async replaceCurrent(next: ProjectStore): Promise<void> {
    const previous = this.store
    this.store = next
    await previous?.close()
    await this.remember(next)
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
    const slug =
      name
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'project'
    for (let n = 1; ; n++) {
      const candidate = join(this.projectsDir, n === 1 ? slug : `${slug}-${n}`)
      if (!(await pathExists(candidate))) return candidate
    }
  }
}

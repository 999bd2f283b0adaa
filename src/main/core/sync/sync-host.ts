/**
 * Team sync for the workspace: the open project's SyncClient (opened when the project is
 * linked to a hub, or when the analyst links it), the author name every revision carries
 * (a per-user setting), and the vault that keeps hub passwords.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SyncStatus, TeamOverview } from '../../../shared/api/sync'
import { writeFileDurably } from '../durable-write'
import { AppError } from '../errors'
import type { ProjectStore } from '../project-store'
import { FileVault, type CredentialVault } from './credentials'
import { SyncClient } from './sync-client'
import { credentialKey, parseRemoteUrl } from './remote'

const SETTINGS_FILE = 'team.json'
export const CREDENTIALS_FILE = 'credentials.json'

export interface SyncHostOptions {
  userDataDir: string
  /** Where passwords go; by default a 0600 file in the per-user folder. */
  vault?: CredentialVault
  log?: (message: string) => void
  /** The mirror in this thread rather than a worker (tests; see SyncClientOptions). */
  inThisThread?: boolean
}

export class SyncHost {
  private sync: SyncClient | null = null
  private opening: Promise<SyncClient> | null = null
  private author = ''
  private settingsRead = false
  readonly vault: CredentialVault

  constructor(private readonly options: SyncHostOptions) {
    this.vault = options.vault ?? new FileVault(join(options.userDataDir, CREDENTIALS_FILE))
  }

  /** Called when a project opens: a linked one starts syncing if it was set to live. */
  async attach(store: ProjectStore): Promise<void> {
    if (!(await SyncClient.hasRemote(store.folder))) return
    const sync = await this.forStore(store)
    if (sync.remoteConfig?.live) await sync.startLive().catch(() => undefined)
  }

  /** Called before a project closes. */
  async detach(): Promise<void> {
    const sync = this.sync ?? (await this.opening?.catch(() => null)) ?? null
    this.sync = null
    this.opening = null
    await sync?.close()
  }

  async status(store: ProjectStore): Promise<SyncStatus> {
    await this.readSettings()
    if (this.sync?.store === store) return this.sync.currentStatus()
    if (await SyncClient.hasRemote(store.folder))
      return (await this.forStore(store)).currentStatus()
    return {
      linked: false,
      live: false,
      state: 'off',
      done: 0,
      total: 0,
      conflicts: 0,
      quarantined: 0,
      author: this.authorName(),
    }
  }

  async team(store: ProjectStore): Promise<TeamOverview> {
    const status = await this.status(store)
    const sync = this.sync?.store === store ? this.sync : null
    return { status, activity: sync?.activity() ?? [], quarantine: sync?.quarantine() ?? [] }
  }

  async link(
    store: ProjectStore,
    input: {
      url: string
      username?: string | undefined
      password?: string | undefined
      live: boolean
    },
  ): Promise<SyncStatus> {
    const { url } = parseRemoteUrl(input.url)
    const username = input.username?.trim() || undefined
    if (input.password && !username) {
      throw new AppError('invalid_input', 'A password needs a user name.')
    }
    if (username) {
      if (input.password) await this.vault.set(credentialKey(url, username), input.password)
    }
    const sync = await this.forStore(store)
    await sync.link({ url, ...(username ? { username } : {}), live: input.live })
    return sync.currentStatus()
  }

  async unlink(store: ProjectStore): Promise<SyncStatus> {
    const sync = await this.forStore(store)
    const remote = sync.remoteConfig
    await sync.unlink()
    if (remote?.username) await this.vault.delete(credentialKey(remote.url, remote.username))
    return sync.currentStatus()
  }

  /** Starts a sync and answers at once; the header follows it through the status. */
  async syncNow(store: ProjectStore): Promise<SyncStatus> {
    const sync = await this.forStore(store)
    if (!sync.remoteConfig)
      throw new AppError('invalid_input', 'Link this project to a team hub first.')
    void sync.syncNow().catch(() => undefined)
    return sync.currentStatus()
  }

  async setAuthor(store: ProjectStore, author: string): Promise<SyncStatus> {
    this.author = author
    this.settingsRead = true
    this.sync?.setAuthor(author)
    await writeFileDurably(
      join(this.options.userDataDir, SETTINGS_FILE),
      JSON.stringify({ author }),
    )
    return this.status(store)
  }

  /**
   * The open project's sync, opening its mirror on first use, and again after its engine
   * stopped by itself (its process crashed or was killed): the status said why until then,
   * and the mirror, safe against a kill, carries on from where it was.
   */
  async forStore(store: ProjectStore): Promise<SyncClient> {
    if (this.sync?.store === store && !this.sync.hasStopped) return this.sync
    if (this.sync) await this.detach()
    // Records that fail the integrity pass run just after an open must never reach the hub.
    await store.verified
    await this.readSettings()
    this.opening ??= SyncClient.open(store, {
      author: () => this.authorName(),
      password: async (remote) =>
        remote.username ? this.vault.get(credentialKey(remote.url, remote.username)) : undefined,
      ...(this.options.log ? { log: this.options.log } : {}),
      ...(this.options.inThisThread ? { inThisThread: true } : {}),
    })
    const sync = await this.opening
    this.sync = sync
    this.opening = null
    return sync
  }

  private authorName(): string {
    return this.author || 'Unnamed analyst'
  }

  private async readSettings(): Promise<void> {
    if (this.settingsRead) return
    this.settingsRead = true
    try {
      const parsed = JSON.parse(
        await readFile(join(this.options.userDataDir, SETTINGS_FILE), 'utf8'),
      ) as { author?: unknown }
      if (typeof parsed.author === 'string') this.author = parsed.author.slice(0, 120)
    } catch {
      // No setting yet: edits carry "Unnamed analyst" until one is set.
    }
  }
}

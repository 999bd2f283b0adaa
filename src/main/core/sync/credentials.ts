/**
 * Where the passwords of team hubs are kept: never in the project folder, never in a log.
 * The core sees only `CredentialVault`; the Electron shell wraps it with the OS keychain
 * (safeStorage), browser mode keeps a file only its user can read.
 */
import { chmod, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writeFileDurably } from '../durable-write'

export interface CredentialVault {
  get(key: string): Promise<string | undefined>
  set(key: string, secret: string): Promise<void>
  delete(key: string): Promise<void>
}

/** Turns a secret into what is stored and back (the OS keychain's encryption in Electron). */
export interface SecretCodec {
  encode(secret: string): string
  decode(stored: string): string
}

const PLAIN: SecretCodec = { encode: (s) => s, decode: (s) => s }

/**
 * A JSON file of secrets readable by its owner only (0600), in the per-user folder.
 * With a codec (Electron's safeStorage), the values in it are encrypted as well.
 */
export class FileVault implements CredentialVault {
  constructor(
    readonly path: string,
    private readonly codec: SecretCodec = PLAIN,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const stored = (await this.readAll())[key]
    return stored === undefined ? undefined : this.codec.decode(stored)
  }

  async set(key: string, secret: string): Promise<void> {
    const all = await this.readAll()
    all[key] = this.codec.encode(secret)
    await this.writeAll(all)
  }

  async delete(key: string): Promise<void> {
    const all = await this.readAll()
    if (!(key in all)) return
    delete all[key]
    await this.writeAll(all)
  }

  private async readAll(): Promise<Record<string, string>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.path, 'utf8'))
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
      return Object.fromEntries(
        Object.entries(parsed).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      )
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw error
    }
  }

  private async writeAll(all: Record<string, string>): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 })
    // Written through a temp file created 0600, so the secret is never readable by others.
    await writeFileDurably(this.path, JSON.stringify(all))
    // A file that existed before with wider rights is narrowed too.
    await chmod(this.path, 0o600)
  }
}

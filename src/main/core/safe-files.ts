/**
 * Reading the files of a project folder that may come from someone else (a zip, a tar, a
 * shared drive). Such a folder can hold a symbolic link where a source text should be, a
 * named pipe that blocks any reader, a device that never ends, or a text that was edited
 * by hand. So a file is read only if it is a regular file, reached without following a
 * link, lying inside the project folder, no larger than a cap; and a text or asset is
 * used only if its bytes match the sha256 (and, for a text, the length) the project
 * recorded for it. What fails is remembered as damage, which the views show.
 */
import { constants, type Stats } from 'node:fs'
import { lstat, mkdir, open, realpath, stat, type FileHandle } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { AppError } from './errors'
import { sha256Hex } from './hashing'

export type FileDamageReason =
  'missing' | 'link' | 'not-a-file' | 'outside' | 'too-large' | 'mismatch'

/** A file of the project folder that was refused; nothing of it was used. */
export class UnsafeFileError extends AppError {
  constructor(
    readonly reason: FileDamageReason,
    /** The path inside the project folder, with forward slashes. */
    readonly file: string,
    readonly detail: string,
  ) {
    super('storage', `The file ${file} ${detail}; it was not used.`)
    this.name = 'UnsafeFileError'
  }
}

/** What a project records about a damaged file, for the views to show. */
export interface FileDamage {
  reason: FileDamageReason
  file: string
  /** One sentence for the analyst: what is wrong with the file. */
  message: string
}

/**
 * O_NOFOLLOW makes open() fail on a link instead of following it (Windows has no such flag:
 * the lstat before open refuses links there). O_NONBLOCK lets a named pipe open at once
 * instead of waiting for a writer, so the type check after open can refuse it.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`
}

const LINK_DETAIL = 'is a link to another place, which Sightline does not follow'

function isOutside(realRoot: string, realPath: string): boolean {
  const inside = relative(realRoot, realPath)
  return inside === '' || inside.startsWith('..') || isAbsolute(inside)
}

/**
 * Opens `relativePath` under `root` for reading, refusing a link (at the last step, or
 * through realpath anywhere on the way), anything but a regular file (a pipe, a device, a
 * folder), a file that resolves outside `root`, and one larger than `maxBytes`. The caller
 * closes the handle.
 */
export async function openFileInside(
  root: string,
  relativePath: string,
  maxBytes: number,
): Promise<{ handle: FileHandle; stats: Stats }> {
  const shown = relativePath.split(sep).join('/')
  if (
    isAbsolute(relativePath) ||
    relativePath.split(/[\\/]/).some((part) => part === '..' || part === '')
  ) {
    throw new UnsafeFileError('outside', shown, 'is not a plain path inside the project folder')
  }
  const path = join(root, relativePath)
  let linkStats: Stats
  try {
    linkStats = await lstat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UnsafeFileError('missing', shown, 'is missing')
    }
    throw error
  }
  if (linkStats.isSymbolicLink()) throw new UnsafeFileError('link', shown, LINK_DETAIL)
  let handle: FileHandle
  try {
    handle = await open(path, OPEN_FLAGS)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // Swapped for a link between the lstat and the open.
    if (code === 'ELOOP' || code === 'EMLINK') throw new UnsafeFileError('link', shown, LINK_DETAIL)
    if (code === 'ENOENT') throw new UnsafeFileError('missing', shown, 'is missing')
    throw error
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) {
      throw new UnsafeFileError(
        'not-a-file',
        shown,
        'is not a regular file (it is a pipe, a device or a folder)',
      )
    }
    // A folder on the way (sources/ itself) may be a link: the file's real place decides,
    // and the file opened must be the one at that place.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)])
    if (isOutside(realRoot, realFile)) {
      throw new UnsafeFileError('outside', shown, 'lies outside the project folder')
    }
    const real = await stat(realFile)
    if (real.ino !== stats.ino || real.dev !== stats.dev) {
      throw new UnsafeFileError('outside', shown, 'changed while it was being opened')
    }
    if (stats.size > maxBytes) {
      throw new UnsafeFileError(
        'too-large',
        shown,
        `is ${describeBytes(stats.size)}, more than the ${describeBytes(maxBytes)} it may hold`,
      )
    }
    return { handle, stats }
  } catch (error) {
    await handle.close()
    throw error
  }
}

/** Reads a file as `openFileInside` allows it, at most `maxBytes` even if it grows meanwhile. */
export async function readFileInside(
  root: string,
  relativePath: string,
  maxBytes: number,
): Promise<{ bytes: Buffer; stats: Stats }> {
  const { handle, stats } = await openFileInside(root, relativePath, maxBytes)
  try {
    // One byte more than the size, to notice a file that grows while it is read.
    const buffer = Buffer.allocUnsafe(stats.size + 1)
    let filled = 0
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    if (filled > stats.size) {
      throw new UnsafeFileError(
        'too-large',
        relativePath.split(sep).join('/'),
        'grew while it was being read',
      )
    }
    return { bytes: buffer.subarray(0, filled), stats }
  } finally {
    await handle.close()
  }
}

/**
 * Makes sure `name` (sources/, assets/, backups/) is a real folder of the project, creating
 * it if need be, before anything is written into it: a link there would send the writes
 * outside the project folder.
 */
export async function ensureFolderInside(root: string, name: string): Promise<string> {
  const path = join(root, name)
  await mkdir(path, { recursive: true })
  const stats = await lstat(path)
  const [realRoot, realFolder] = await Promise.all([realpath(root), realpath(path)])
  if (stats.isSymbolicLink() || !stats.isDirectory() || isOutside(realRoot, realFolder)) {
    throw new AppError(
      'storage',
      `${name}/ in ${root} is not a folder inside the project (it is a link or a file); Sightline writes only inside the project folder, so nothing was written.`,
    )
  }
  return path
}

/** Largest source text file read: MAX_TEXT_LENGTH UTF-16 units at 3 UTF-8 bytes each. */
const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024
/** Largest asset (the chart image kept for reports). */
const MAX_ASSET_FILE_BYTES = 48 * 1024 * 1024

interface Verified {
  dev: number
  ino: number
  size: number
  mtimeMs: number
  ctimeMs: number
}

function sameFile(a: Verified, b: Stats): boolean {
  return (
    a.dev === b.dev &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs
  )
}

/**
 * The content-addressed files of one project folder (sources/<sha256>.txt,
 * assets/<sha256>.<ext>), read safely and checked against their hash the first time; a
 * file unchanged since (same inode, size and times) is not hashed again. Every refusal is
 * recorded by hash until a read of the same file succeeds.
 */
export class ProjectFiles {
  private readonly verified = new Map<string, Verified>()
  private readonly damage = new Map<string, FileDamage>()

  constructor(private readonly root: string) {}

  /** The damage found so far in the file stored under `contentHash`, if any. */
  damageOf(contentHash: string): FileDamage | undefined {
    return this.damage.get(contentHash)
  }

  /**
   * A source's normalized text, refused unless its bytes hash to `contentHash` and it has
   * `expectedLength` UTF-16 units (when the record gives one).
   */
  async readText(folder: string, contentHash: string, expectedLength?: number): Promise<string> {
    // UTF-8 takes 1 to 3 bytes per UTF-16 unit: a larger file cannot be the recorded text.
    const cap =
      expectedLength === undefined
        ? MAX_TEXT_FILE_BYTES
        : Math.min(MAX_TEXT_FILE_BYTES, expectedLength * 3)
    const bytes = await this.readChecked(`${folder}/${contentHash}.txt`, contentHash, cap)
    const text = bytes.toString('utf8')
    if (expectedLength !== undefined && text.length !== expectedLength) {
      throw this.record(
        contentHash,
        new UnsafeFileError(
          'mismatch',
          `${folder}/${contentHash}.txt`,
          `holds ${text.length.toLocaleString('en')} characters where the project recorded ${expectedLength.toLocaleString('en')}`,
        ),
      )
    }
    return text
  }

  /**
   * A look at a source text without reading it, for lists of many sources: a link, a pipe,
   * a missing file or one whose size cannot hold `expectedLength` characters is recorded as
   * damage at once. A file that passes may still fail its sha256 when it is read.
   */
  async glanceAtText(folder: string, contentHash: string, expectedLength: number): Promise<void> {
    if (this.verified.has(contentHash) || this.damage.has(contentHash)) return
    const file = `${folder}/${contentHash}.txt`
    let stats: Stats
    try {
      stats = await lstat(join(this.root, folder, `${contentHash}.txt`))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      this.record(contentHash, new UnsafeFileError('missing', file, 'is missing'))
      return
    }
    if (stats.isSymbolicLink()) {
      this.record(contentHash, new UnsafeFileError('link', file, LINK_DETAIL))
    } else if (!stats.isFile()) {
      this.record(
        contentHash,
        new UnsafeFileError(
          'not-a-file',
          file,
          'is not a regular file (it is a pipe, a device or a folder)',
        ),
      )
    } else if (stats.size < expectedLength || stats.size > expectedLength * 3) {
      // UTF-8 takes 1 to 3 bytes per UTF-16 unit.
      this.record(
        contentHash,
        new UnsafeFileError(
          'mismatch',
          file,
          `is ${describeBytes(stats.size)}, which cannot hold the ${expectedLength.toLocaleString('en')} characters the project recorded`,
        ),
      )
    }
  }

  /** An asset's bytes, refused unless they hash to `contentHash`. */
  async readAsset(folder: string, contentHash: string, extension: string): Promise<Buffer> {
    return this.readChecked(
      `${folder}/${contentHash}.${extension}`,
      contentHash,
      MAX_ASSET_FILE_BYTES,
    )
  }

  /**
   * Whether the file stored under `contentHash` is there and sound, so that writing it
   * again can be skipped; a missing or damaged one is to be (re)written.
   */
  async isIntact(
    file: string,
    contentHash: string,
    maxBytes = MAX_TEXT_FILE_BYTES,
  ): Promise<boolean> {
    try {
      await this.readChecked(file, contentHash, maxBytes)
      return true
    } catch (error) {
      if (error instanceof UnsafeFileError) return false
      throw error
    }
  }

  /** Forgets what was found about a file the store has just written afresh. */
  forget(contentHash: string): void {
    this.damage.delete(contentHash)
    this.verified.delete(contentHash)
  }

  private async readChecked(file: string, contentHash: string, maxBytes: number): Promise<Buffer> {
    let read: Awaited<ReturnType<typeof readFileInside>>
    try {
      read = await readFileInside(this.root, file, maxBytes)
    } catch (error) {
      if (error instanceof UnsafeFileError) throw this.record(contentHash, error)
      throw error
    }
    const { bytes, stats } = read
    const known = this.verified.get(contentHash)
    if (!known || !sameFile(known, stats)) {
      if ((await sha256Hex(bytes)) !== contentHash) {
        this.verified.delete(contentHash)
        throw this.record(
          contentHash,
          new UnsafeFileError(
            'mismatch',
            file,
            'does not match its recorded fingerprint (sha256): it was changed or damaged',
          ),
        )
      }
      this.verified.set(contentHash, {
        dev: stats.dev,
        ino: stats.ino,
        size: stats.size,
        mtimeMs: stats.mtimeMs,
        ctimeMs: stats.ctimeMs,
      })
    }
    this.damage.delete(contentHash)
    return bytes
  }

  private record(contentHash: string, error: UnsafeFileError): UnsafeFileError {
    this.damage.set(contentHash, {
      reason: error.reason,
      file: error.file,
      message: `The file ${error.file} ${error.detail}.`,
    })
    return error
  }
}

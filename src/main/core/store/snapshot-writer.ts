/**
 * Writes one snapshot file the durable way: a unique temp file, header, record lines
 * (hashed as they go), trailer, fsync, rename over the final name, fsync of the folder.
 * A crash at any point leaves either no snapshot of that name or a whole one.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { realFs, syncFolder, type WriteFs } from '../durable-write'
import { collectionOf, COLLECTIONS, fieldOf, FIELDS } from './collections'
import { headerLine, recordLine, trailerLine, type SnapshotHeader } from './format'
import type { Slicer } from './lines'

const FLUSH_BYTES = 1 << 20
const NEWLINE = Buffer.from('\n')

export interface SnapshotResult {
  path: string
  bytes: number
  records: number
  /** Of the record lines (the trailer's). */
  sha256: string
  /** Of the whole file (what a backup's checksum file holds). */
  fileSha256: string
}

export class SnapshotFileWriter {
  private readonly hash = createHash('sha256')
  private readonly fileHash = createHash('sha256')
  private parts: (string | Buffer)[] = []
  private partBytes = 0
  private records = 0
  private bytes = 0

  private constructor(
    private readonly path: string,
    private readonly temp: string,
    private readonly handle: FileHandle,
    private readonly fs: WriteFs,
  ) {}

  static async start(
    path: string,
    header: Omit<SnapshotHeader, 'format' | 'version'>,
    fs: WriteFs = realFs,
  ): Promise<SnapshotFileWriter> {
    const temp = join(
      dirname(path),
      `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
    )
    const handle = await fs.open(temp, 'wx', 0o600)
    const writer = new SnapshotFileWriter(path, temp, handle, fs)
    try {
      const text = Buffer.from(headerLine(header))
      writer.fileHash.update(text)
      await handle.write(text)
      writer.bytes += text.length
    } catch (error) {
      await writer.abort()
      throw error
    }
    return writer
  }

  async addRecord(collection: string, value: unknown): Promise<void> {
    const line = recordLine(collection, value)
    this.parts.push(line)
    this.partBytes += line.length
    await this.counted()
  }

  /** A record line copied as it was read from another snapshot (without its newline). */
  async addLineBytes(bytes: Buffer): Promise<void> {
    this.parts.push(bytes, NEWLINE)
    this.partBytes += bytes.length + 1
    await this.counted()
  }

  private async counted(): Promise<void> {
    this.records++
    if (this.partBytes >= FLUSH_BYTES) await this.drain()
  }

  private async drain(): Promise<void> {
    if (this.parts.length === 0) return
    const chunk = Buffer.concat(
      this.parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)),
    )
    this.parts = []
    this.partBytes = 0
    this.hash.update(chunk)
    this.fileHash.update(chunk)
    await this.handle.write(chunk)
    this.bytes += chunk.length
  }

  /** Trailer, fsync, rename into place, fsync of the folder. */
  async finish(): Promise<SnapshotResult> {
    let sha256: string
    try {
      await this.drain()
      sha256 = this.hash.digest('hex')
      const trailer = Buffer.from(trailerLine(this.records, sha256))
      this.fileHash.update(trailer)
      await this.handle.write(trailer)
      this.bytes += trailer.length
      await this.handle.sync()
      await this.handle.close()
      await this.fs.rename(this.temp, this.path)
    } catch (error) {
      await this.abort()
      throw error
    }
    await syncFolder(dirname(this.path), this.fs)
    return {
      path: this.path,
      bytes: this.bytes,
      records: this.records,
      sha256,
      fileSha256: this.fileHash.digest('hex'),
    }
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined)
    await this.fs.rm(this.temp, { force: true }).catch(() => undefined)
  }
}

/** What a snapshot from memory is made of: records never change, so a shallow copy is a consistent view. */
export interface Capture {
  schemaVersion: number
  fields: [string, unknown][]
  collections: [string, readonly unknown[]][]
}

/** A consistent view of the file now, in a few milliseconds: the arrays are copied, the (frozen) records shared. */
export function capture(file: Record<string, unknown>): Capture {
  const typed = file as unknown as Parameters<typeof collectionOf>[0]
  return {
    schemaVersion: Number(file.schemaVersion),
    fields: FIELDS.filter((name) => fieldOf(typed, name) !== undefined).map((name) => [
      name,
      fieldOf(typed, name),
    ]),
    collections: COLLECTIONS.map((name) => [name, collectionOf(typed, name).slice()]),
  }
}

/**
 * Writes a captured file as a snapshot from the main thread, serializing a slice at a
 * time (the event loop runs between slices). For new projects, conversions and restores;
 * routine compaction runs in the worker from the files instead.
 */
export async function writeSnapshotFromMemory(
  path: string,
  header: { generation: number; seq: number },
  view: Capture,
  slicer: Slicer,
  fs?: WriteFs,
): Promise<SnapshotResult> {
  const writer = await SnapshotFileWriter.start(
    path,
    { schemaVersion: view.schemaVersion, ...header },
    fs,
  )
  try {
    for (const [name, value] of view.fields) await writer.addRecord(name, value)
    for (const [name, records] of view.collections) {
      for (const record of records) {
        await writer.addRecord(name, record)
        if (slicer.due()) await slicer.pause()
      }
    }
  } catch (error) {
    await writer.abort()
    throw error
  }
  return writer.finish()
}

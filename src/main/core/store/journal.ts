/**
 * The journal file of the current generation: each batch of ops is one positional write
 * at the end of what is known good, then one fdatasync. A failed append may leave part of
 * its bytes behind; the next one writes over them and cuts the file back first.
 */
import { join } from 'node:path'
import { realFs, syncFolder, type WriteFs } from '../durable-write'
import { journalName } from './format'

/** The journal file vanished or shrank under the store: its ops must be rewritten from memory. */
export class JournalLostError extends Error {
  constructor(readonly path: string) {
    super(`The journal ${path} is gone or shorter than what was written to it.`)
    this.name = 'JournalLostError'
  }
}

export class Journal {
  /** Set by a failed append: bytes past `length` may be a partial batch. */
  private dirty = false

  constructor(
    readonly path: string,
    readonly generation: number,
    private goodLength: number,
    private readonly fs: WriteFs = realFs,
  ) {}

  /** Bytes of whole batches: the next append's offset. */
  get length(): number {
    return this.goodLength
  }

  /** Makes the (empty) journal of a new generation, its name durable in the folder. */
  static async create(folder: string, generation: number, fs: WriteFs = realFs): Promise<Journal> {
    const path = join(folder, journalName(generation))
    const handle = await fs.open(path, 'wx', 0o600)
    try {
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
      await syncFolder(folder, fs)
    } catch (error) {
      await fs.rm(path, { force: true }).catch(() => undefined)
      throw error
    }
    return new Journal(path, generation, 0, fs)
  }

  /** Appends one batch and waits until the disk has it. */
  append(bytes: Buffer): Promise<void> {
    return this.appendPart(bytes, true)
  }

  /** Bytes of a batch written in parts so far (not yet whole, so not in `length`). */
  private partBytes = 0

  /**
   * Writes part of a batch after what is known good and the parts before it. Only the
   * `last` part waits for the disk and makes the whole batch good; until then a crash
   * leaves a batch without its end, which the next open cuts back (nothing of it stays).
   */
  async appendPart(bytes: Buffer, last: boolean): Promise<void> {
    let handle
    try {
      // 'r+': a journal that is gone must not be silently started afresh.
      handle = await this.fs.open(this.path, 'r+')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new JournalLostError(this.path)
      throw error
    }
    try {
      const { size } = await handle.stat()
      if (size < this.goodLength + this.partBytes) {
        this.partBytes = 0
        throw new JournalLostError(this.path)
      }
      if (this.partBytes === 0 && (this.dirty || size > this.goodLength)) {
        this.dirty = true
        await handle.truncate(this.goodLength)
      }
      this.dirty = true
      await handle.write(bytes, 0, bytes.length, this.goodLength + this.partBytes)
      this.partBytes += bytes.length
      if (!last) return
      await handle.datasync()
      this.dirty = false
      this.goodLength += this.partBytes
      this.partBytes = 0
    } catch (error) {
      this.dropParts()
      throw error
    } finally {
      await handle.close()
    }
  }

  /** Gives up a batch written in parts: its bytes are cut back by the next append. */
  dropParts(): void {
    this.dirty = true
    this.partBytes = 0
  }
}

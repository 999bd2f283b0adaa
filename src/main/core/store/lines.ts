/**
 * Reading JSON-lines files in chunks: the whole file is never one string (a 100 MB
 * project with Arabic script would be a 200 MB UTF-16 string), and a line without Arabic
 * stays a compact one-byte string once decoded.
 */
import { basename, dirname, relative } from 'node:path'
import type { FileHandle } from 'node:fs/promises'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { openFileInside } from '../safe-files'

export interface Line {
  /** The line's bytes without its newline. */
  bytes: Buffer
  /** Byte offset of the line's first byte in the file. */
  start: number
  /** False for a last line that has no newline (a write cut short, or a file not ours). */
  complete: boolean
}

const CHUNK_BYTES = 1 << 20

/**
 * Opens a store file for reading as safe-files.ts allows: a regular file inside `root` (the
 * folder `path` is in, unless given), reached without a link, with no size cap (store files
 * are streamed).
 */
export function openStoreFile(path: string, root?: string): ReturnType<typeof openFileInside> {
  const folder = root ?? dirname(path)
  const inside = root === undefined ? basename(path) : relative(folder, path)
  return openFileInside(folder, inside, Number.POSITIVE_INFINITY)
}

/**
 * The lines of `path` (up to `limit` bytes), a chunk's worth at a time. A project folder
 * may come from someone else, so the file is opened as safe-files.ts allows: a regular
 * file inside `root` (the folder `path` is in, unless given), reached without a link.
 * Store files are streamed, so no size cap applies here.
 */
export async function* lineBatches(
  path: string,
  /**
   * `from`: the byte to start at, the start of a line (what was read before ended there).
   * `handle`: the file opened already (as above) by the caller, who closes it.
   */
  options: {
    limit?: number
    chunkBytes?: number
    root?: string
    from?: number
    handle?: FileHandle
  } = {},
): AsyncGenerator<Line[]> {
  const handle = options.handle ?? (await openStoreFile(path, options.root)).handle
  try {
    const limit = options.limit ?? Infinity
    const chunk = Buffer.allocUnsafe(options.chunkBytes ?? CHUNK_BYTES)
    let carry: Buffer = Buffer.alloc(0)
    let carryStart = 0
    let position = options.from ?? 0
    while (position < limit) {
      const { bytesRead } = await handle.read(
        chunk,
        0,
        Math.min(chunk.length, limit - position),
        position,
      )
      if (bytesRead === 0) break
      // Lines keep their bytes past this read: copy what the next read would overwrite.
      const data = carry.length
        ? Buffer.concat([carry, chunk.subarray(0, bytesRead)])
        : Buffer.from(chunk.subarray(0, bytesRead))
      const dataStart = carry.length ? carryStart : position
      position += bytesRead
      const lines: Line[] = []
      let from = 0
      for (;;) {
        const newline = data.indexOf(10, from)
        if (newline === -1) break
        lines.push({ bytes: data.subarray(from, newline), start: dataStart + from, complete: true })
        from = newline + 1
      }
      carry = data.subarray(from)
      carryStart = dataStart + from
      if (lines.length) yield lines
    }
    if (carry.length) yield [{ bytes: carry, start: carryStart, complete: false }]
  } finally {
    if (!options.handle) await handle.close()
  }
}

/**
 * Cooperative slicing for long loops on the main thread: `due()` is cheap to call per
 * item, and `pause()` lets the event loop run (timers, IPC) before the next slice.
 */
export class Slicer {
  private sliceStart = performance.now()
  /** The longest slice so far, in ms (reported by the bench). */
  longest = 0

  constructor(private readonly budgetMs = 8) {}

  due(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs
  }

  async pause(): Promise<void> {
    this.longest = Math.max(this.longest, performance.now() - this.sliceStart)
    await nextTurn()
    this.sliceStart = performance.now()
  }

  /** Pauses only when the slice has used its budget. */
  async maybePause(): Promise<void> {
    if (this.due()) await this.pause()
  }
}

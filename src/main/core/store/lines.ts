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
/** Bytes kept free before each chunk read for the line the last chunk ended inside. */
const CARRY_ROOM = 64 * 1024

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
  const limit = options.limit ?? Infinity
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES
  /**
   * Each read goes into a buffer of its own, the next one started before the lines of this
   * one are handed out (the disk, or the page cache's copy, works while they are parsed).
   * Room is left before the bytes read for the end of the last chunk (a line cut by the
   * chunk's end) to be copied in front of them: no copy of the whole chunk to join it.
   */
  const room = Math.min(CARRY_ROOM, chunkBytes)
  const readAt = (at: number): Promise<{ buffer: Buffer; bytesRead: number }> | null => {
    if (at >= limit) return null
    const buffer = Buffer.allocUnsafe(room + chunkBytes)
    const reading = handle
      .read(buffer, room, Math.min(chunkBytes, limit - at), at)
      .then(({ bytesRead }) => ({ buffer, bytesRead }))
    // Awaited only once the lines before it are done: a failure is thrown there, not
    // reported meanwhile as a rejection no one handles.
    reading.catch(() => undefined)
    return reading
  }
  let position = options.from ?? 0
  let next = readAt(position)
  try {
    let carry: Buffer = Buffer.alloc(0)
    let carryStart = 0
    while (next) {
      const { buffer, bytesRead } = await next
      next = null
      if (bytesRead === 0) break
      const dataStart = carry.length ? carryStart : position
      position += bytesRead
      next = readAt(position)
      // Lines keep their bytes past this read: the next read goes into another buffer.
      let data: Buffer
      if (carry.length === 0) data = buffer.subarray(room, room + bytesRead)
      else if (carry.length <= room) {
        carry.copy(buffer, room - carry.length)
        data = buffer.subarray(room - carry.length, room + bytesRead)
      } else data = Buffer.concat([carry, buffer.subarray(room, room + bytesRead)])
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
    // A read started for lines no one asked for: done (or failed) before the file is closed.
    await next?.catch(() => undefined)
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

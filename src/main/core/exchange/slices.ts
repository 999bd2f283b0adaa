/**
 * Cooperative slicing for work on the main process's event loop: long loops call `tick()`
 * often, and every few milliseconds it yields to other requests (and to progress polls),
 * so an export or import of a large project never stalls the app.
 */
import { createHash } from 'node:crypto'
import { AppError } from '../errors'

/** How long a slice may run before it yields; well under a frame and the 30 ms budget. */
const SLICE_MS = 8

export interface Progress {
  (phase: string, done: number, total: number): void
}

export interface Slicer {
  /** Yields when the current slice has run its time; cheap to call in tight loops. */
  tick(): Promise<void> | undefined
  /** The same, looking at the clock at once: for loops whose every turn is long. */
  due(): Promise<void> | undefined
  /** Reports progress (forwarded to the job, if any). */
  progress: Progress
}

const noProgress: Progress = () => undefined

/**
 * `stopped`, asked at each yield, ends the work there: the pending tick rejects with a
 * "cancelled" error (the job was cancelled while it waited its turn).
 */
export function createSlicer(
  progress: Progress = noProgress,
  sliceMs = SLICE_MS,
  stopped: () => boolean = () => false,
): Slicer {
  let sliceStart = performance.now()
  let calls = 0
  const due = (): Promise<void> | undefined => {
    if (performance.now() - sliceStart < sliceMs) return undefined
    return new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        sliceStart = performance.now()
        if (stopped()) reject(new AppError('cancelled', 'Cancelled; nothing was changed.'))
        else resolve()
      }),
    )
  }
  return {
    tick() {
      // performance.now() costs more than the work of many loop bodies: look every 64 calls.
      if ((++calls & 63) !== 0) return undefined
      return due()
    },
    due,
    progress,
  }
}

/** A slicer that never yields: for tests and callers that run off the main process. */
export const unsliced: Slicer = {
  tick: () => undefined,
  due: () => undefined,
  progress: noProgress,
}

/** Characters hashed between two looks at the clock: about a millisecond of work. */
const HASH_CHUNK = 256 * 1024

/** The sha256 (hex) of a text's UTF-8 bytes, hashed a slice at a time. */
export async function sha256Sliced(text: string, slicer: Slicer): Promise<string> {
  const hash = createHash('sha256')
  let start = 0
  while (start < text.length) {
    let end = Math.min(start + HASH_CHUNK, text.length)
    // Never split a surrogate pair: each half alone would hash as U+FFFD.
    const last = text.charCodeAt(end - 1)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++
    hash.update(text.slice(start, end), 'utf8')
    start = end
    const pause = slicer.due()
    if (pause) await pause
  }
  return hash.digest('hex')
}

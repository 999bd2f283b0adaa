/**
 * Cooperative slicing for work on the main process's event loop: long loops call `tick()`
 * often, and every few milliseconds it yields to other requests (and to progress polls),
 * so an export or import of a large project never stalls the app.
 */

/** How long a slice may run before it yields; well under a frame and the 30 ms budget. */
export const SLICE_MS = 8

export interface Progress {
  (phase: string, done: number, total: number): void
}

export interface Slicer {
  /** Yields when the current slice has run its time; cheap to call in tight loops. */
  tick(): Promise<void> | undefined
  /** Reports progress (forwarded to the job, if any). */
  progress: Progress
}

const noProgress: Progress = () => undefined

export function createSlicer(progress: Progress = noProgress, sliceMs = SLICE_MS): Slicer {
  let sliceStart = performance.now()
  let calls = 0
  return {
    tick() {
      // performance.now() costs more than the work of many loop bodies: look every 64 calls.
      if ((++calls & 63) !== 0) return undefined
      if (performance.now() - sliceStart < sliceMs) return undefined
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          sliceStart = performance.now()
          resolve()
        }),
      )
    },
    progress,
  }
}

/** A slicer that never yields: for tests and callers that run off the main process. */
export const unsliced: Slicer = { tick: () => undefined, progress: noProgress }

/** A WriteFs whose operations fail on demand, the way a full or dying disk fails. */
import * as fsp from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import type { WriteFs } from '../../src/main/core/durable-write'

/**
 * Where a write can fail: opening a file (a temp file, the journal), writing to it, syncing
 * it (fsync or fdatasync), renaming a temp file over, syncing the folder.
 */
export const FAULT_POINTS = ['open', 'write', 'fsync', 'rename', 'fsync-folder'] as const
export type FaultPoint = (typeof FAULT_POINTS)[number]

export const FAULT_CODES = {
  ENOSPC: 'no space left on device',
  EPERM: 'operation not permitted',
  EIO: 'i/o error',
} as const
export type FaultCode = keyof typeof FAULT_CODES

function faultError(code: FaultCode, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${FAULT_CODES[code]}, ${syscall} (simulated)`), {
    code,
    syscall,
  })
}

export interface FaultyFs {
  fs: WriteFs
  /** Fail every operation at `point` with `code` until healed. */
  failAt(point: FaultPoint, code: FaultCode): void
  heal(): void
  /** How many operations were refused so far. */
  readonly refused: number
}

export function faultyFs(): FaultyFs {
  let fault: { point: FaultPoint; code: FaultCode } | null = null
  let refused = 0
  const failing = (point: FaultPoint): FaultCode | null =>
    fault?.point === point ? fault.code : null
  const refuse = (code: FaultCode, syscall: string): never => {
    refused++
    throw faultError(code, syscall)
  }

  const wrap = (handle: FileHandle, isFolder: boolean): FileHandle => {
    const wrapper = {
      async writeFile(data: string | Uint8Array) {
        const code = failing('write')
        if (code && !isFolder) {
          // A failing disk usually takes part of the data before it refuses the rest.
          const bytes = typeof data === 'string' ? Buffer.from(data) : data
          await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)))
          refuse(code, 'write')
        }
        return handle.writeFile(data)
      },
      /** A journal append or a snapshot chunk: half of it lands, then the refusal. */
      async write(data: Uint8Array, offset = 0, length = data.length - offset, position?: number) {
        const code = failing('write')
        if (code && !isFolder) {
          await handle.write(data, offset, Math.floor(length / 2), position)
          refuse(code, 'write')
        }
        return handle.write(data, offset, length, position)
      },
      async sync() {
        const code = failing(isFolder ? 'fsync-folder' : 'fsync')
        if (code) refuse(code, 'fsync')
        return handle.sync()
      },
      async datasync() {
        const code = failing('fsync')
        if (code) refuse(code, 'fdatasync')
        return handle.datasync()
      },
      stat: () => handle.stat(),
      truncate: (length?: number) => handle.truncate(length),
      close: () => handle.close(),
    }
    return wrapper as unknown as FileHandle
  }

  const open = (async (path: Parameters<typeof fsp.open>[0], flags?: string, mode?: number) => {
    const isFolder = flags === 'r'
    const code = failing('open')
    if (code && !isFolder) refuse(code, 'open')
    return wrap(await fsp.open(path, flags, mode), isFolder)
  }) as typeof fsp.open

  const rename: typeof fsp.rename = async (from, to) => {
    const code = failing('rename')
    if (code) refuse(code, 'rename')
    return fsp.rename(from, to)
  }

  return {
    fs: { open, rename, rm: fsp.rm },
    failAt(point, code) {
      fault = { point, code }
    },
    heal() {
      fault = null
    },
    get refused() {
      return refused
    },
  }
}

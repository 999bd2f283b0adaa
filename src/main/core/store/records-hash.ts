/**
 * The sha256 of a snapshot's record lines (what its trailer names), computed by a worker
 * thread while the main thread parses the same lines: at the large preset, hashing is
 * about 90 ms of the open that the main thread no longer spends. The worker reads the file
 * the main thread opened, through its descriptor (threads share the process's files), so
 * both read the same file even if a path is swapped meanwhile; it hashes from the end of
 * the header to the start of the file's last line, and says where that was: the caller
 * uses its digest only if that is where the trailer it read starts.
 */
import { createHash } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { Worker } from 'node:worker_threads'

/** Below this size a snapshot is hashed inline: starting a thread costs more than it saves. */
export const HASH_IN_WORKER_FROM = 16 * 1024 * 1024

const CHUNK_BYTES = 1 << 20
/** Enough for a trailer line (about 120 bytes), with room to spare. */
const TAIL_BYTES = 64 * 1024

/*
 * Plain CommonJS, run with `eval`: the worker needs no build entry of its own (and no tsx
 * when running from source), and it shares no state with the main thread but the
 * descriptor. Kept in step with hashRegion below, which does the same on the main thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { fstatSync, readSync } = require('node:fs')
const { fd, from, chunkBytes, tailBytes } = workerData
const size = fstatSync(fd).size
const tail = Buffer.allocUnsafe(Math.min(size, tailBytes))
const tailStart = size - tail.length
readSync(fd, tail, 0, tail.length, tailStart)
// The last line ends the file with its newline; it starts after the newline before it.
const newline = tail.length >= 2 ? tail.lastIndexOf(10, tail.length - 2) : -1
if (tail[tail.length - 1] !== 10 || newline === -1 || tailStart + newline + 1 < from) {
  parentPort.postMessage({ to: -1, sha256: '' })
} else {
  const to = tailStart + newline + 1
  const hash = createHash('sha256')
  const chunk = Buffer.allocUnsafe(chunkBytes)
  for (let at = from; at < to; ) {
    const read = readSync(fd, chunk, 0, Math.min(chunk.length, to - at), at)
    if (read === 0) break
    hash.update(chunk.subarray(0, read))
    at += read
  }
  parentPort.postMessage({ to, sha256: hash.digest('hex') })
}
`

interface RecordsDigest {
  /** Where the hashed bytes end: the start of the file's last line (-1: no such line). */
  to: number
  sha256: string
}

/** A worker hashing the record lines of the open snapshot `handle` from byte `from` on. */
export class RecordsHash {
  private readonly worker: Worker
  private readonly digest: Promise<RecordsDigest>
  /** Whether `sha256` had to hash on the calling thread (the worker failed, or hashed other bytes). */
  hashedHere = false

  constructor(handle: FileHandle, from: number) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // Plain Node code: none of the process's loader flags (tsx, when running from source).
      execArgv: [],
      workerData: { fd: handle.fd, from, chunkBytes: CHUNK_BYTES, tailBytes: TAIL_BYTES },
    })
    this.digest = new Promise<RecordsDigest>((resolve, reject) => {
      this.worker.once('message', resolve)
      this.worker.once('error', reject)
      this.worker.once('exit', (code) => reject(new Error(`the hashing thread stopped (${code})`)))
    })
    // Settled or not, an unawaited rejection must not surface on its own.
    this.digest.catch(() => undefined)
  }

  /**
   * The sha256 of the bytes from `from` to `to`, the start of the trailer the caller read:
   * the worker's, if it hashed exactly those bytes; otherwise hashed here.
   */
  async sha256(handle: FileHandle, from: number, to: number): Promise<string> {
    const digest = await this.digest.catch(() => null)
    void this.stop()
    if (digest && digest.to === to) return digest.sha256
    this.hashedHere = true
    return hashRegion(handle, from, to)
  }

  /** Ends the thread (an open that failed, or one done with it). */
  async stop(): Promise<void> {
    await this.worker.terminate()
  }
}

/** The sha256 of bytes `from` to `to` of an open file, read on this thread. */
async function hashRegion(handle: FileHandle, from: number, to: number): Promise<string> {
  const hash = createHash('sha256')
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
  for (let at = from; at < to;) {
    const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, to - at), at)
    if (bytesRead === 0) break
    hash.update(chunk.subarray(0, bytesRead))
    at += bytesRead
  }
  return hash.digest('hex')
}

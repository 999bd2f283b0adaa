/**
 * Compaction: a new snapshot made from the files alone (an older snapshot and the journals
 * after it), never from the object graph in memory. It runs in a worker thread
 * (compaction-worker.ts) for anything but a small project; the same function makes backups.
 *
 * Lines of records no op touched are copied byte for byte (checked against the old
 * trailer's sha256 on the way); only records the journals changed are serialized.
 */
import { createHash } from 'node:crypto'
import type { WriteFs } from '../durable-write'
import { COLLECTIONS, isCollection, schemaOf } from './collections'
import {
  asRecordLine,
  SnapshotHeader,
  SnapshotTrailer,
  StoreFileProblem,
  type JournalOp,
} from './format'
import { lineBatches, Slicer, type Line } from './lines'
import { replayJournal, sameJson, type OpSink } from './loader'
import { SnapshotFileWriter, type SnapshotResult } from './snapshot-writer'

export interface CompactionJob {
  /** The snapshot to start from. */
  base: string
  /** Journals to apply after it, oldest first; `bytes` reads a live journal only so far. */
  journals: { path: string; generation: number; bytes?: number }[]
  /** Where the new snapshot goes (renamed into place when whole). */
  out: string
  /** The generation written in the new snapshot's header. */
  generation: number
}

export interface CompactionResult extends SnapshotResult {
  /** The last op the new snapshot holds. */
  seq: number
  schemaVersion: number
  /** Records per collection, and the project's name: the summary a backup lists. */
  counts: Record<string, number>
  projectName?: string
  /** The base snapshot's trailer sha256 and count (its record lines were checked against them). */
  baseSha256: string
  baseRecords: number
  /**
   * Every record the journals brought in passed its schema unchanged: with a receipt for
   * the base, the new snapshot has earned one too (see receipts.ts).
   */
  journalRecordsExact: boolean
}

const TRAILER_START = Buffer.from('{"end"')

function keyOf(collection: string, id: string | undefined): string {
  return id === undefined ? collection : `${collection}\u0000${id}`
}

/**
 * The last op for each record or field. A put on a record already there keeps its place
 * (memory replaces it at its index); a put after a delete moves it to the end, as a
 * record removed and added again is in memory.
 */
class Overrides implements OpSink {
  readonly ops = new Map<string, JournalOp>()

  apply(op: JournalOp): void {
    const key = keyOf(op.c, op.id)
    const previous = this.ops.get(key)
    if (op.op === 'del' || previous?.op === 'del') this.ops.delete(key)
    this.ops.set(key, op)
  }
}

async function readHeader(path: string): Promise<SnapshotHeader> {
  for await (const [first] of lineBatches(path, { chunkBytes: 64 * 1024 })) {
    if (!first?.complete) break
    const parsed = SnapshotHeader.safeParse(safeJson(first, path))
    if (parsed.success) return parsed.data
    break
  }
  throw new StoreFileProblem(path, 'schema', 'its first line is not a snapshot header')
}

function safeJson(line: Line, path: string): unknown {
  try {
    return JSON.parse(line.bytes.toString('utf8'))
  } catch {
    throw new StoreFileProblem(path, 'not-json', `the line at byte ${line.start} is not valid JSON`)
  }
}

export async function compact(
  job: CompactionJob,
  options: { fs?: WriteFs; slicer?: Slicer } = {},
): Promise<CompactionResult> {
  const slicer = options.slicer ?? new Slicer(Infinity)
  const header = await readHeader(job.base)
  const overrides = new Overrides()
  let seq = header.seq
  for (const journal of job.journals) {
    const result = await replayJournal(
      journal.path,
      journal.generation,
      overrides,
      { skipThrough: header.seq, last: seq },
      false,
      slicer,
      journal.bytes,
    )
    seq = result.seq
  }

  const writer = await SnapshotFileWriter.start(
    job.out,
    { schemaVersion: header.schemaVersion, generation: job.generation, seq },
    options.fs,
  )
  const counts: Record<string, number> = {}
  let projectName: string | undefined
  let journalRecordsExact = true
  /**
   * A record from a journal, checked for the receipt's sake: written as its schema gives it
   * when that differs at most in the order of keys (so the line is what a validating open
   * makes of it), else as it is (and the new snapshot earns no receipt).
   */
  const addFromJournal = async (collection: string, value: unknown): Promise<void> => {
    const parsed = schemaOf(collection)?.safeParse(value)
    const same = parsed?.success === true && sameJson(value, parsed.data)
    if (!same) journalRecordsExact = false
    await writer.addRecord(collection, same ? parsed.data : value)
    count(collection, value)
  }
  const count = (collection: string, value: unknown): void => {
    if (isCollection(collection)) counts[collection] = (counts[collection] ?? 0) + 1
    else if (collection === 'project') {
      const name = (value as { name?: unknown } | null)?.name
      if (typeof name === 'string') projectName = name
    }
  }
  /** Records the journals added to `collection`, written after its last old record. */
  const addNew = async (collection: string | undefined): Promise<void> => {
    for (const [key, op] of overrides.ops) {
      if (op.c !== collection && collection !== undefined) continue
      overrides.ops.delete(key)
      if (op.op === 'del') continue
      await addFromJournal(op.c, op.v)
    }
  }

  let trailer: SnapshotTrailer | undefined
  try {
    const hash = createHash('sha256')
    let records = 0
    let current: string | undefined
    let first = true
    for await (const batch of lineBatches(job.base)) {
      for (const line of batch) {
        if (first) {
          first = false
          continue
        }
        if (!line.complete) throw new StoreFileProblem(job.base, 'truncated', 'it is cut short')
        if (line.bytes.subarray(0, TRAILER_START.length).equals(TRAILER_START)) {
          const parsed = SnapshotTrailer.safeParse(safeJson(line, job.base))
          if (!parsed.success)
            throw new StoreFileProblem(job.base, 'schema', 'its trailer is not valid')
          trailer = parsed.data
          continue
        }
        hash.update(line.bytes)
        hash.update('\n')
        records++
        const parsed = asRecordLine(safeJson(line, job.base))
        if (!parsed) {
          throw new StoreFileProblem(
            job.base,
            'schema',
            `the line at byte ${line.start} is not a record`,
          )
        }
        const { c, v } = parsed
        if (c !== current) {
          if (current !== undefined && isCollection(current)) await addNew(current)
          current = c
        }
        const key = keyOf(c, isCollection(c) ? (v as { id?: string }).id : undefined)
        const op = overrides.ops.get(key)
        if (op) {
          overrides.ops.delete(key)
          if (op.op === 'put') await addFromJournal(c, op.v)
        } else {
          await writer.addLineBytes(line.bytes)
          count(c, v)
        }
        if (slicer.due()) await slicer.pause()
      }
    }
    if (!trailer) throw new StoreFileProblem(job.base, 'truncated', 'it has no trailer')
    if (trailer.records !== records || trailer.sha256 !== hash.digest('hex')) {
      throw new StoreFileProblem(job.base, 'checksum', 'its records do not match its trailer')
    }
    if (current !== undefined && isCollection(current)) await addNew(current)
    // Fields first, then the collections in the model's order, as memory has them.
    for (const [key, op] of overrides.ops) {
      if (isCollection(op.c)) continue
      overrides.ops.delete(key)
      if (op.op === 'put') await addFromJournal(op.c, op.v)
    }
    for (const collection of COLLECTIONS) await addNew(collection)
    await addNew(undefined)
  } catch (error) {
    await writer.abort()
    throw error
  }
  const written = await writer.finish()
  return {
    ...written,
    seq,
    schemaVersion: header.schemaVersion,
    counts,
    ...(projectName !== undefined ? { projectName } : {}),
    baseSha256: trailer!.sha256,
    baseRecords: trailer!.records,
    journalRecordsExact,
  }
}

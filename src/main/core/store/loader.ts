/**
 * Opening a v2 project folder on the main thread without stalling it: the newest snapshot
 * whose trailer checks is streamed line by line, each record validated with its zod
 * schema (compiled: collections.ts, checkValue), then the journals of its generation
 * and later ones are replayed. Work runs in slices (a Slicer) with the event loop free in
 * between.
 */
import { createHash } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { SCHEMA_VERSION } from '../../../shared/model'
import { NewerSchemaError } from '../migrations'
import {
  checkWith,
  COLLECTIONS,
  deepFreeze,
  FIELDS,
  isCollection,
  schemaOf,
  type StoredRecord,
} from './collections'
import {
  FORMAT_VERSION,
  JournalOp,
  journalName,
  listStoreFiles,
  NewerFormatError,
  asRecordLine,
  SnapshotHeader,
  snapshotName,
  SnapshotTrailer,
  StoreFileProblem,
} from './format'
import type { StoreFilesView } from './folder'
import { lineBatches, openStoreFile, Slicer, type Line } from './lines'
import { HASH_IN_WORKER_FROM, RecordsHash } from './records-hash'

/**
 * How a file's records are taken:
 * - 'validate': each record parsed by its zod schema (and frozen), through the compiled fast
 *   path, which hands a record it refuses to zod's own parser: a refusal is worded by zod;
 * - 'raw': as they are, for a migration or a compaction;
 * - 'trusted': as they are but frozen, with only what the store needs checked (an object
 *   with an id), while a worker validates the same files ('check'), see open-check.ts;
 * - 'check': validated and not kept (the main thread holds the records), except those
 *   whose schema gives them another shape (a trimmed name): their schema output is kept
 *   by collection and id, as the last op leaves it (`reshaped`);
 * - 'receipted': a snapshot's records as in 'trusted' (a receipt says they passed these
 *   schemas as they are, see receipts.ts; the sha256 of their bytes is still checked), and
 *   the journals' records validated as in 'validate'.
 */
export type Mode = 'validate' | 'raw' | 'trusted' | 'check' | 'receipted'

/** A value as a refusal names it: its collection (or field), and its position or id. */
function placeOf(where: string, at: number | string | undefined): string {
  return at === undefined ? where : `${where}.${at}`
}

/** A name a project file's lines may carry: its schema, and whether it is a collection. */
interface Kind {
  schema: z.ZodType
  isCollection: boolean
}

/** Records of a project file being put together, in the order memory keeps them. */
export class Assembler {
  private readonly collections = new Map<string, (StoredRecord | undefined)[]>()
  private readonly indexes = new Map<string, Map<string, number>>()
  private readonly holes = new Set<string>()
  private readonly fields = new Map<string, unknown>()
  /** In 'check' mode: records whose schema output differs from what was read, by collection and id. */
  readonly reshaped = new Map<string, { c: string; v: StoredRecord }>()
  /** In 'check' mode: records seen per collection (nothing else is kept to count them). */
  private readonly counts = new Map<string, number>()
  /** How a snapshot's records are taken, and how a journal's. */
  private readonly recordMode: Exclude<Mode, 'receipted'>
  private readonly opMode: Exclude<Mode, 'receipted'>
  /**
   * Snapshot records validated and found to be exactly what their schema makes of them
   * ('validate' and 'check'), or covered by a receipt ('receipted'): what a receipt certifies.
   */
  private exactRecords: boolean
  /** What each name in the file is, looked up once (not per record). */
  private readonly kinds = new Map<string, Kind>()
  private lastName: string | undefined
  private lastKind: Kind | undefined

  constructor(
    mode: Mode,
    private readonly file: string,
  ) {
    this.recordMode = mode === 'receipted' ? 'trusted' : mode
    this.opMode = mode === 'receipted' ? 'validate' : mode
    this.exactRecords = mode === 'validate' || mode === 'check' || mode === 'receipted'
    for (const name of COLLECTIONS) this.collections.set(name, [])
  }

  /** Whether every snapshot record went through its schema unchanged (see `exactRecords`). */
  get recordsExact(): boolean {
    return this.exactRecords
  }

  private kindOf(name: string): Kind | undefined {
    // A snapshot holds a collection's records one after another: the last name, at once.
    if (name === this.lastName) return this.lastKind
    let kind = this.kinds.get(name)
    if (!kind) {
      const schema = schemaOf(name)
      if (!schema) return undefined
      kind = { schema, isCollection: isCollection(name) }
      this.kinds.set(name, kind)
    }
    this.lastName = name
    this.lastKind = kind
    return kind
  }

  /**
   * `where` names the value in a refusal: `${where}.${at}` (a record's collection and its
   * position or id), made only when there is a refusal to word.
   */
  private checked(
    collection: string,
    value: unknown,
    where: string,
    at: number | string | undefined,
    mode: Exclude<Mode, 'receipted'>,
  ): unknown {
    const kind = this.kindOf(collection)
    if (!kind) {
      throw new StoreFileProblem(
        this.file,
        'schema',
        `${placeOf(where, at)}: "${collection}" is not part of a project`,
      )
    }
    if (mode === 'raw') return value
    if (mode === 'trusted' && kind.isCollection) {
      // The worker gives the exact verdict; this side only keeps itself from tripping.
      if (
        typeof value !== 'object' ||
        value === null ||
        typeof (value as StoredRecord).id !== 'string'
      ) {
        throw new StoreFileProblem(
          this.file,
          'schema',
          `${placeOf(where, at)}: not a record with an id`,
        )
      }
      return deepFreeze(value)
    }
    // Records are frozen (the change tracker compares them by identity), by the walk that
    // checks them; fields are compared by their JSON and stay editable in place. A 'check'
    // keeps nothing.
    const keep = mode !== 'check' && kind.isCollection
    const parsed = checkWith(kind.schema, value, keep)
    if (!parsed.success) {
      const lines = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${[placeOf(where, at), ...issue.path].join('.')}: ${issue.message}`)
      throw new StoreFileProblem(
        this.file,
        'schema',
        `it does not match the project schema: ${lines.join('; ')}`,
      )
    }
    if (mode === 'check' && kind.isCollection) {
      const record = parsed.data as StoredRecord
      const key = `${collection}\u0000${record.id}`
      if (sameJson(value, record)) this.reshaped.delete(key)
      else this.reshaped.set(key, { c: collection, v: record })
      return record
    }
    return parsed.data
  }

  /** A record or field line of a snapshot. */
  add(collection: string, value: unknown): void {
    const mode = this.recordMode
    const isRecord = this.kindOf(collection)?.isCollection === true
    if (mode === 'check' && isRecord) {
      const seen = this.counts.get(collection) ?? 0
      const record = this.checked(collection, value, collection, seen, mode)
      if (this.exactRecords && !sameJsonInOrder(value, record)) this.exactRecords = false
      this.counts.set(collection, seen + 1)
      return
    }
    if (isRecord) {
      const list = this.collections.get(collection)!
      const record = this.checked(collection, value, collection, list.length, mode) as StoredRecord
      // A receipt vouches for records as they are: one the schema reshapes (or whose keys it
      // puts in another order) gets none, so that a receipted open gives what this one does.
      // (A record checked as read is the value itself: compared at once.)
      if (mode === 'validate' && this.exactRecords && !sameJsonInOrder(value, record)) {
        this.exactRecords = false
      }
      list.push(record)
      this.indexes.get(collection)?.set(record.id, list.length - 1)
    } else {
      this.fields.set(collection, this.checked(collection, value, collection, undefined, mode))
    }
  }

  private indexOf(collection: string): Map<string, number> {
    let index = this.indexes.get(collection)
    if (!index) {
      index = new Map()
      this.collections.get(collection)!.forEach((record, at) => {
        if (record) index!.set(record.id, at)
      })
      this.indexes.set(collection, index)
    }
    return index
  }

  /** A journal op: a put replaces the record in place or appends it; a delete removes it. */
  apply(op: JournalOp): void {
    const where = `op ${op.s}`
    if (!isCollection(op.c)) {
      if (op.id !== undefined) {
        throw new StoreFileProblem(this.file, 'schema', `${where}: "${op.c}" is not a collection`)
      }
      if (op.op === 'del') this.fields.delete(op.c)
      else this.fields.set(op.c, this.checked(op.c, op.v, op.c, undefined, this.opMode))
      return
    }
    if (op.id === undefined) {
      throw new StoreFileProblem(this.file, 'schema', `${where}: a record op without an id`)
    }
    if (this.opMode === 'check') {
      if (op.op === 'del') {
        this.reshaped.delete(`${op.c}\u0000${op.id}`)
        return
      }
      const record = this.checked(op.c, op.v, op.c, op.id, 'check') as StoredRecord
      if (record.id !== op.id) {
        throw new StoreFileProblem(this.file, 'schema', `${where}: the record's id is not ${op.id}`)
      }
      return
    }
    const list = this.collections.get(op.c)!
    const index = this.indexOf(op.c)
    const at = index.get(op.id)
    if (op.op === 'del') {
      // Deleting what is not there is what a replay of the same op does: harmless.
      if (at === undefined) return
      list[at] = undefined
      index.delete(op.id)
      this.holes.add(op.c)
      return
    }
    const record = this.checked(op.c, op.v, op.c, op.id, this.opMode) as StoredRecord
    if (this.opMode === 'validate' && record.id !== op.id) {
      throw new StoreFileProblem(this.file, 'schema', `${where}: the record's id is not ${op.id}`)
    }
    if (at === undefined) {
      list.push(record)
      index.set(op.id, list.length - 1)
    } else {
      list[at] = record
    }
  }

  /** The file as the model has it (records validated, or raw for a migration). */
  finish(schemaVersion: number): Record<string, unknown> {
    const out: Record<string, unknown> = { schemaVersion }
    for (const name of FIELDS) {
      if (this.fields.has(name)) {
        out[name] = this.fields.get(name)
        continue
      }
      // A field the file lacks: fine if the model gives it a default (or makes it optional).
      const raw = this.recordMode === 'raw'
      const fallback = raw ? null : schemaOf(name)!.safeParse(undefined)
      if (fallback?.success) {
        if (fallback.data !== undefined) out[name] = fallback.data
      } else if (!raw) {
        throw new StoreFileProblem(
          this.file,
          'schema',
          `it does not match the project schema: ${name}: missing`,
        )
      }
    }
    for (const name of COLLECTIONS) {
      const list = this.collections.get(name)!
      out[name] = this.holes.has(name) ? list.filter((record) => record !== undefined) : list
    }
    return out
  }
}

/** Whether two JSON values are equal, whatever the order of their keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return equalJson(a, b, false)
}

/** Whether two JSON values are equal, their objects' keys in the same order too. */
export function sameJsonInOrder(a: unknown, b: unknown): boolean {
  return equalJson(a, b, true)
}

function equalJson(a: unknown, b: unknown, keyOrder: boolean): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!equalJson(a[i], b[i], keyOrder)) return false
    return true
  }
  if (Array.isArray(b)) return false
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const rightKeys = Object.keys(right)
  let at = 0
  for (const key in left) {
    if (keyOrder ? rightKeys[at] !== key : !Object.hasOwn(right, key)) return false
    if (!equalJson(left[key], right[key], keyOrder)) return false
    at++
  }
  // Every key of `left` is one of `right`'s (at its place, with keyOrder): as many means the same.
  return at === rightKeys.length
}

/** A line as a refusal names it: see parseLine. */
function worded(where: string | number): string {
  return typeof where === 'number' ? `line ${where}` : where
}

/** A line's JSON value. `lenient`: a last line without its newline is read if it parses. */
function parseLine(
  line: Line,
  file: string,
  /** The line in a refusal's words; a number: `line <n>` (worded only for a refusal). */
  where: string | number,
  lenient = false,
  /** The caller looked for NUL bytes in a run of lines holding this one, and found none. */
  nulFree = false,
): unknown {
  // Zero-filled blocks are what a power cut leaves on some file systems.
  if (!nulFree && line.bytes.includes(0)) {
    throw new StoreFileProblem(file, 'nul-bytes', `it contains NUL bytes (${worded(where)})`)
  }
  if (!line.complete) {
    if (lenient) {
      try {
        return JSON.parse(line.bytes.toString('utf8'))
      } catch (error) {
        // Cut short: the parser ran out of text rather than meeting a wrong character.
        const message = (error as Error).message
        if (!/end of (JSON )?input|Unterminated/i.test(message)) {
          throw new StoreFileProblem(
            file,
            'not-json',
            `${worded(where)} is not valid JSON (${message})`,
          )
        }
      }
    }
    throw new StoreFileProblem(file, 'truncated', `it is cut short (${worded(where)} has no end)`)
  }
  try {
    return JSON.parse(line.bytes.toString('utf8'))
  } catch (error) {
    throw new StoreFileProblem(
      file,
      'not-json',
      `${worded(where)} is not valid JSON (${(error as Error).message})`,
    )
  }
}

const TRAILER_START = Buffer.from('{"end"')
/** The byte that tells a trailer (`{"end"…`) from a record line (`{"c"…`) at a glance. */
const TRAILER_THIRD_BYTE = TRAILER_START[2]!

/** Whether the lines of one batch (views of one chunk, in order) hold no NUL byte: one search. */
function batchNulFree(batch: readonly Line[]): boolean {
  const first = batch[0]
  const last = batch.at(-1)
  if (!first || !last || first.bytes.buffer !== last.bytes.buffer) return false
  const from = first.bytes.byteOffset
  const to = last.bytes.byteOffset + last.bytes.length
  return Buffer.from(first.bytes.buffer, from, to - from).indexOf(0) === -1
}
/** How many record lines go by between two looks at the clock. */
const CLOCK_EVERY = 32

export interface SnapshotRead {
  header: SnapshotHeader
  assembler: Assembler
  bytes: number
  records: number
  /** The trailer's sha256 of the record lines (checked, unless trusting). */
  sha256: string
}

/**
 * Streams one snapshot into an assembler, checking header, every line, and the trailer's
 * count and sha256 of the record lines. The file must lie inside `root` (by default the
 * folder it is in) and is reached without following a link.
 */
export async function readSnapshot(
  path: string,
  slicer: Slicer,
  mode?: Mode,
  root?: string,
  /** From this size on, the record lines are hashed by a worker thread (records-hash.ts). */
  hashInWorkerFrom = HASH_IN_WORKER_FROM,
): Promise<SnapshotRead> {
  const { handle, stats } = await openStoreFile(path, root)
  /** Hashing the record lines alongside this thread's parse (a large snapshot). */
  let hasher: RecordsHash | undefined
  try {
    return await readOpenSnapshot(path, handle, slicer, mode, (from) => {
      if (stats.size < hashInWorkerFrom) return undefined
      hasher = new RecordsHash(handle, from)
      return hasher
    })
  } finally {
    // The thread reads through this descriptor: it must be gone before the file is closed.
    await hasher?.stop()
    await handle.close()
  }
}

async function readOpenSnapshot(
  path: string,
  handle: FileHandle,
  slicer: Slicer,
  mode: Mode | undefined,
  hashElsewhere: (from: number) => RecordsHash | undefined,
): Promise<SnapshotRead> {
  let header: SnapshotHeader | undefined
  let trailer: SnapshotTrailer | undefined
  let assembler: Assembler | undefined
  let records = 0
  let bytes = 0
  /** Off when trusting: the worker checking the same file compares the sha256. */
  let hashing = true
  const hash = createHash('sha256')
  let hasher: RecordsHash | undefined
  /** Where the record lines start (after the header), and where the trailer starts. */
  let recordsFrom = 0
  let trailerStart = 0
  for await (const batch of lineBatches(path, { handle })) {
    let first: Line | undefined
    let last: Line | undefined
    const nulFree = batchNulFree(batch)
    for (const line of batch) {
      bytes = line.start + line.bytes.length + (line.complete ? 1 : 0)
      if (trailer) throw new StoreFileProblem(path, 'not-json', 'it goes on after its trailer')
      if (!header) {
        if (line.start !== 0 || line.bytes.toString('utf8').trim() === '') {
          throw new StoreFileProblem(path, 'empty', 'it is empty')
        }
        const parsed = SnapshotHeader.safeParse(parseLine(line, path, 'its header', true))
        if (!parsed.success) {
          throw new StoreFileProblem(
            path,
            'not-a-project',
            'its first line is not a snapshot header',
          )
        }
        header = parsed.data
        if (header.version > FORMAT_VERSION) {
          throw new NewerFormatError(
            `it was written by a newer version of Sightline (store format ${header.version}; this version reads up to ${FORMAT_VERSION})`,
          )
        }
        if (header.schemaVersion > SCHEMA_VERSION) {
          throw new NewerSchemaError(
            `it was written by a newer version of Sightline (schema version ${header.schemaVersion}; this version reads up to ${SCHEMA_VERSION})`,
          )
        }
        // Records of an older schema are taken raw, to be migrated as one file.
        const older = header.schemaVersion < SCHEMA_VERSION
        assembler = new Assembler(mode === 'raw' || older ? 'raw' : (mode ?? 'validate'), path)
        hashing = mode !== 'trusted' || older
        recordsFrom = line.bytes.length + 1
        if (hashing && line.complete) hasher = hashElsewhere(recordsFrom)
        continue
      }
      if (
        line.complete &&
        line.bytes[2] === TRAILER_THIRD_BYTE &&
        line.bytes.subarray(0, TRAILER_START.length).equals(TRAILER_START)
      ) {
        const parsed = SnapshotTrailer.safeParse(parseLine(line, path, 'its trailer'))
        if (!parsed.success) throw new StoreFileProblem(path, 'schema', 'its trailer is not valid')
        trailer = parsed.data
        trailerStart = line.start
        continue
      }
      const record = asRecordLine(parseLine(line, path, records + 2, false, nulFree))
      if (!record) {
        throw new StoreFileProblem(path, 'schema', `line ${records + 2} is not a record line`)
      }
      assembler!.add(record.c, record.v)
      records++
      first ??= line
      last = line
      // Records are small: the clock is read every few dozen of them.
      if (records % CLOCK_EVERY === 0 && slicer.due()) {
        if (hashing && !hasher) hashLines(hash, first, last)
        first = last = undefined
        await slicer.pause()
      }
    }
    if (first && last && hashing && !hasher) hashLines(hash, first, last)
  }
  if (!header || !assembler) throw new StoreFileProblem(path, 'empty', 'it is empty')
  if (!trailer) throw new StoreFileProblem(path, 'truncated', 'it is cut short (no trailer)')
  const digest = !hashing
    ? trailer.sha256
    : hasher
      ? await hasher.sha256(handle, recordsFrom, trailerStart)
      : hash.digest('hex')
  if (trailer.records !== records || trailer.sha256 !== digest) {
    throw new StoreFileProblem(
      path,
      'checksum',
      `its records do not match its trailer (${records} lines, ${trailer.records} expected; sha256 ${trailer.sha256 === digest ? 'matches' : 'differs'})`,
    )
  }
  return { header, assembler, bytes, records, sha256: trailer.sha256 }
}

/** Hashes the bytes from `first` through `last` and its newline: one call per slice. */
function hashLines(hash: ReturnType<typeof createHash>, first: Line, last: Line): void {
  const from = first.bytes.byteOffset
  const to = last.bytes.byteOffset + last.bytes.length + 1
  hash.update(Buffer.from(first.bytes.buffer, from, to - from))
}

/** Whatever takes the ops of a journal in order: the assembler, or a compaction. */
export interface OpSink {
  apply(op: JournalOp): void
}

export interface JournalRead {
  generation: number
  /** Bytes up to the end of the last whole batch: where the next append goes. */
  bytes: number
  /** Ops kept (applied or skipped as already in the snapshot). */
  ops: number
  /** A torn tail that was found (and must be cut back to `bytes`). */
  tornBytes: number
}

/**
 * Replays one journal into `assembler`: ops the snapshot holds are skipped, the rest must
 * follow one another without a gap. Returns the last seq. In the newest journal, a tail
 * after the last whole batch that holds at most that one unfinished batch is a crash
 * mid-append (torn) and is left out; anything else that does not read is damage.
 */
export async function replayJournal(
  path: string,
  generation: number,
  assembler: OpSink,
  seqs: { skipThrough: number; last: number },
  isNewest: boolean,
  slicer: Slicer,
  limit?: number,
  /** Where to start: the end of what an earlier read of this journal replayed. */
  from = 0,
): Promise<{ seq: number; read: JournalRead }> {
  const { skipThrough } = seqs
  let lastSeq = seqs.last
  let pending: JournalOp[] = []
  let goodBytes = 0
  let ops = 0
  let fileBytes = 0
  let problem: StoreFileProblem | undefined
  /** Batch ends seen after the first line that did not read: more than one means damage. */
  let endsAfterProblem = 0
  let linesAfterLastEnd = 0
  for await (const batch of lineBatches(path, { limit, from })) {
    for (const line of batch) {
      fileBytes = line.start + line.bytes.length + (line.complete ? 1 : 0)
      let op: JournalOp | undefined
      try {
        const parsed = JournalOp.safeParse(parseLine(line, path, `the op at byte ${line.start}`))
        if (!parsed.success) {
          throw new StoreFileProblem(path, 'schema', `the op at byte ${line.start} is not an op`)
        }
        op = parsed.data
      } catch (error) {
        if (!(error instanceof StoreFileProblem)) throw error
        problem ??= error
        continue
      }
      if (problem) {
        linesAfterLastEnd++
        if (op.e) {
          endsAfterProblem++
          linesAfterLastEnd = 0
        }
        continue
      }
      pending.push(op)
      if (!op.e) continue
      for (const each of pending) {
        if (each.s <= skipThrough) continue
        if (each.s !== lastSeq + 1) {
          throw new StoreFileProblem(
            path,
            'sequence',
            `its ops jump from ${lastSeq} to ${each.s}: an edit is missing`,
          )
        }
        assembler.apply(each)
        lastSeq = each.s
      }
      ops += pending.length
      pending = []
      goodBytes = line.start + line.bytes.length + 1
      if (slicer.due()) await slicer.pause()
    }
  }
  // A crash can only tear the last batch. Its pages may even reach the disk out of order,
  // leaving a zero-filled hole before its (complete) last line; any other unreadable line
  // followed by a whole batch is damage in the middle.
  const holeBeforeLastLine =
    problem?.kind === 'nul-bytes' && endsAfterProblem === 1 && linesAfterLastEnd === 0
  const torn =
    problem !== undefined || pending.length > 0
      ? isNewest && (endsAfterProblem === 0 || holeBeforeLastLine)
      : false
  if ((problem || pending.length > 0) && !torn) {
    throw (
      problem ??
      new StoreFileProblem(
        path,
        'truncated',
        'it ends inside a batch of edits, and it is not the newest journal',
      )
    )
  }
  return {
    seq: lastSeq,
    read: { generation, bytes: goodBytes, ops, tornBytes: fileBytes - goodBytes },
  }
}

export interface LoadedFolder {
  /** The file as read: validated and frozen, or raw when `migrateFrom` is set. */
  file: Record<string, unknown>
  /** Read in 'check' mode: the records as their schema shapes them, where that is not as read. */
  reshaped: { c: string; v: StoredRecord }[]
  /** The schema version the files were written with, when older than this app's. */
  migrateFrom?: number
  snapshot: {
    generation: number
    bytes: number
    seq: number
    /** The trailer's: what a receipt names. */
    sha256: string
    records: number
    /** Its records passed their schemas unchanged (validated, or by receipt): see Assembler. */
    exact: boolean
    /** Read under a receipt (its records were not validated again). */
    receipted: boolean
  }
  /** The journals replayed, oldest first; the last one is where appends go. */
  journals: JournalRead[]
  /** The last op's seq: the next op is seq + 1. */
  seq: number
  /** Files of generations the chosen snapshot already holds, or that lost out to it. */
  stale: string[]
}

/** A receipt found for a snapshot before it is read: its generation and the sha256 it covers. */
export interface ReceiptHint {
  generation: number
  sha256: string
}

/**
 * The snapshot read under a receipt is not the one the receipt covers (its trailer changed
 * between the look-up and the read): the caller reads again, validating.
 */
export class ReceiptMismatchError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed while it was opened`)
    this.name = 'ReceiptMismatchError'
  }
}

/**
 * Reads the v2 files of `folder`; null when there are none. A snapshot that fails its
 * checks is passed over for an older one only if that one, with the journals, still
 * holds every op; otherwise its problem is thrown. With `receipt`, the snapshot of that
 * generation is read in 'receipted' mode (any other is read in `mode`).
 */
export async function loadFolder(
  folder: string,
  slicer: Slicer,
  mode: 'validate' | 'trusted' | 'check' = 'validate',
  receipt?: ReceiptHint,
): Promise<LoadedFolder | null> {
  const files = await listStoreFiles(folder)
  if (files.snapshots.length === 0) {
    if (files.journals.length === 0) return null
    const path = join(folder, journalName(files.journals[0]!))
    throw new StoreFileProblem(
      path,
      'truncated',
      'there is a journal but no snapshot to apply it to',
    )
  }
  let firstProblem: unknown
  for (const generation of files.snapshots) {
    try {
      const receipted = receipt?.generation === generation
      return await loadFrom(
        folder,
        generation,
        files.journals,
        files.snapshots,
        slicer,
        receipted ? 'receipted' : mode,
        receipted ? receipt.sha256 : undefined,
      )
    } catch (error) {
      if (!(error instanceof StoreFileProblem)) throw error
      firstProblem ??= error
    }
  }
  throw firstProblem
}

async function loadFrom(
  folder: string,
  generation: number,
  journalGenerations: number[],
  snapshotGenerations: number[],
  slicer: Slicer,
  mode: Mode,
  receiptSha256?: string,
): Promise<LoadedFolder> {
  const snapshotPath = join(folder, snapshotName(generation))
  const snapshot = await readSnapshot(snapshotPath, slicer, mode)
  // The bytes hashed to the trailer's sha256 (readSnapshot checked): the receipt must name it.
  if (receiptSha256 !== undefined && snapshot.sha256 !== receiptSha256) {
    throw new ReceiptMismatchError(snapshotPath)
  }
  const exact = snapshot.assembler.recordsExact
  let seq = snapshot.header.seq
  const replayed = journalGenerations.filter((g) => g >= generation)
  const journals: JournalRead[] = []
  for (const [index, g] of replayed.entries()) {
    const result = await replayJournal(
      join(folder, journalName(g)),
      g,
      snapshot.assembler,
      { skipThrough: snapshot.header.seq, last: seq },
      index === replayed.length - 1,
      slicer,
    )
    seq = result.seq
    journals.push(result.read)
  }
  const stale = [
    ...journalGenerations.filter((g) => g < generation).map(journalName),
    ...snapshotGenerations.filter((g) => g !== generation).map(snapshotName),
  ]
  const migrateFrom =
    snapshot.header.schemaVersion < SCHEMA_VERSION ? snapshot.header.schemaVersion : undefined
  return {
    file: snapshot.assembler.finish(snapshot.header.schemaVersion),
    reshaped: [...snapshot.assembler.reshaped.values()],
    ...(migrateFrom !== undefined ? { migrateFrom } : {}),
    snapshot: {
      generation,
      bytes: snapshot.bytes,
      seq: snapshot.header.seq,
      sha256: snapshot.sha256,
      records: snapshot.records,
      exact: exact && migrateFrom === undefined,
      receipted: mode === 'receipted' && migrateFrom === undefined,
    },
    journals,
    seq,
    stale,
  }
}

/** A whole project file read from one snapshot (a backup) inside `root`, validated. */
export async function readSnapshotFile(
  path: string,
  root?: string,
): Promise<{ file: Record<string, unknown>; schemaVersion: number }> {
  const slicer = new Slicer()
  const snapshot = await readSnapshot(path, slicer, undefined, root)
  return {
    file: snapshot.assembler.finish(snapshot.header.schemaVersion),
    schemaVersion: snapshot.header.schemaVersion,
  }
}

/**
 * The records of the files a StoreFilesView names, for a worker thread: read as they are,
 * not validated again (the store wrote them from validated records and keeps them from
 * being compacted away while they are read, see ProjectStore.readFiles); the trailer's
 * checksum and the journal's sequence are still checked.
 */
export async function readFilesView(view: StoreFilesView): Promise<Record<string, unknown>> {
  return new FilesViewReader().read(view)
}

/**
 * Reads the files of successive views of one project (see readFilesView), reading only
 * what was appended since the last view when it can: the same snapshot, with its journals
 * grown or followed by new ones. After an edit, a worker that read the project reads that
 * edit's ops instead of the whole snapshot again. What `read` returned before shares its
 * lists with the next answer: use only the latest.
 */
export class FilesViewReader {
  private last: { view: StoreFilesView; assembler: Assembler; schemaVersion: number } | null = null

  async read(view: StoreFilesView): Promise<Record<string, unknown>> {
    // A worker has no event loop to keep free: its slices never end.
    const slicer = new Slicer(Number.POSITIVE_INFINITY)
    const last = this.last
    this.last = null
    const resume = last ? resumeAt(last.view, view) : null
    let assembler: Assembler
    let schemaVersion: number
    let seq: number
    let from = 0
    if (last && resume) {
      ;({ assembler, schemaVersion } = last)
      seq = last.view.seq
      from = resume.bytes
    } else {
      const snapshot = await readSnapshot(view.snapshot, slicer, 'raw', view.folder)
      assembler = snapshot.assembler
      schemaVersion = snapshot.header.schemaVersion
      seq = snapshot.header.seq
    }
    const skipThrough = seq
    const first = resume?.journal ?? 0
    for (let index = first; index < view.journals.length; index++) {
      const journal = view.journals[index]!
      const replayed = await replayJournal(
        journal.path,
        journal.generation,
        assembler,
        { skipThrough, last: seq },
        index === view.journals.length - 1,
        slicer,
        journal.bytes,
        index === first ? from : 0,
      )
      seq = replayed.seq
    }
    if (seq !== view.seq) {
      throw new StoreFileProblem(
        view.snapshot,
        'sequence',
        `the files hold the edits up to ${seq}, where the project has ${view.seq}`,
      )
    }
    const file = assembler.finish(schemaVersion)
    this.last = { view, assembler, schemaVersion }
    return file
  }
}

/**
 * Where a read of `next` may go on from a read of `last`: the journal to start in and the
 * byte in it; null when `next` must be read whole (another snapshot, journals rewritten).
 */
function resumeAt(
  last: StoreFilesView,
  next: StoreFilesView,
): { journal: number; bytes: number } | null {
  if (last.folder !== next.folder || last.snapshot !== next.snapshot) return null
  if (next.seq < last.seq || last.journals.length === 0) return null
  if (next.journals.length < last.journals.length) return null
  const end = last.journals.length - 1
  for (let index = 0; index < end; index++) {
    const before = last.journals[index]!
    const now = next.journals[index]!
    if (before.path !== now.path || before.generation !== now.generation) return null
    if (before.bytes !== now.bytes) return null
  }
  const before = last.journals[end]!
  const now = next.journals[end]!
  // The journal the last read ended in was being appended to: it may only have grown.
  if (before.path !== now.path || before.generation !== now.generation) return null
  if (before.bytes === undefined || (now.bytes !== undefined && now.bytes < before.bytes))
    return null
  return { journal: end, bytes: before.bytes }
}

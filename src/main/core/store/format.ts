/**
 * The v2 project folder on disk, shared by the store (main thread) and the compaction
 * worker:
 *
 *   snapshot.<gen>.jsonl  header line, one line per record or field, trailer line
 *   journal.<gen>.jsonl   one line per operation, appended in batches
 *
 * A header: {"format":"sightline-snapshot","version":2,"schemaVersion":1,"generation":3,"seq":120}
 * A record: {"c":"entities","v":{…}}         a field: {"c":"views","v":{…}}
 * A trailer: {"end":true,"records":N,"sha256":"<hex of every record line, newlines included>"}
 * An op:     {"s":121,"op":"put","c":"entities","id":"e1","v":{…}}  or  {"s":122,"op":"del","c":"notes","id":"n1","e":1}
 *
 * `s` numbers ops across the project's life; a snapshot holds every op up to its `seq`, so
 * replaying a journal skips ops at or below it and a replay done twice is harmless. The
 * last op of a batch carries `"e":1`: a batch is applied whole or not at all.
 */
import { readdir } from 'node:fs/promises'
import { z } from 'zod'
import { NewerSchemaError } from '../migrations'

const FORMAT_NAME = 'sightline-snapshot'
export const FORMAT_VERSION = 2
/** The v1 file: read (and converted) on open, never written. */
export const V1_FILE = 'project.json'
/** Where a converted v1 file waits until the first compaction proves the v2 files sound. */
export const V1_KEPT_FILE = 'project.v1.json'

export const snapshotName = (generation: number): string => `snapshot.${generation}.jsonl`
export const journalName = (generation: number): string => `journal.${generation}.jsonl`

const STORE_FILE = /^(snapshot|journal)\.(\d{1,15})\.jsonl$/

export interface StoreFiles {
  /** Generations that have a snapshot, newest first. */
  snapshots: number[]
  /** Generations that have a journal, oldest first. */
  journals: number[]
}

/** The v2 files in a folder (no reading). */
export async function listStoreFiles(folder: string): Promise<StoreFiles> {
  const names = await readdir(folder).catch(() => [] as string[])
  const snapshots: number[] = []
  const journals: number[] = []
  for (const name of names) {
    const match = STORE_FILE.exec(name)
    if (!match) continue
    ;(match[1] === 'snapshot' ? snapshots : journals).push(Number(match[2]))
  }
  return { snapshots: snapshots.sort((a, b) => b - a), journals: journals.sort((a, b) => a - b) }
}

export const SnapshotHeader = z.strictObject({
  format: z.literal(FORMAT_NAME),
  version: z.number().int().positive(),
  schemaVersion: z.number().int().nonnegative(),
  generation: z.number().int().nonnegative(),
  seq: z.number().int().nonnegative(),
})
export type SnapshotHeader = z.infer<typeof SnapshotHeader>

export const SnapshotTrailer = z.strictObject({
  end: z.literal(true),
  records: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})
export type SnapshotTrailer = z.infer<typeof SnapshotTrailer>

export const RecordLine = z.strictObject({ c: z.string().min(1).max(64), v: z.unknown() })
export type RecordLine = z.infer<typeof RecordLine>

/**
 * A record line's value as RecordLine, or undefined. The check zod would make, written out:
 * a snapshot has one such line per record, and zod's copy of each wrapper was garbage.
 */
export function asRecordLine(value: unknown): RecordLine | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const line = value as Record<string, unknown>
  for (const key in line) if (key !== 'c' && key !== 'v') return undefined
  if (!('v' in line)) return undefined
  const c = line.c
  if (typeof c !== 'string' || c.length < 1 || c.length > 64) return undefined
  return line as RecordLine
}

export const JournalOp = z.strictObject({
  s: z.number().int().positive(),
  op: z.enum(['put', 'del']),
  c: z.string().min(1).max(64),
  id: z.string().min(1).max(128).optional(),
  v: z.unknown().optional(),
  e: z.literal(1).optional(),
})
export type JournalOp = z.infer<typeof JournalOp>

export function headerLine(header: Omit<SnapshotHeader, 'format' | 'version'>): string {
  return `${JSON.stringify({ format: FORMAT_NAME, version: FORMAT_VERSION, ...header })}\n`
}

export function recordLine(collection: string, value: unknown): string {
  return `{"c":${JSON.stringify(collection)},"v":${JSON.stringify(value)}}\n`
}

export function trailerLine(records: number, sha256: string): string {
  return `${JSON.stringify({ end: true, records, sha256 })}\n`
}

/** One op of a batch: a put carries the whole new record (or field value), a delete its id (none for a field). */
export type Change =
  | {
      op: 'put'
      c: string
      id?: string
      v: unknown
      /** `v` as JSON, when it was serialized already (see RecordPut.json). */
      json?: string
    }
  | { op: 'del'; c: string; id?: string }

/**
 * The lines of one batch, numbered from `firstSeq`, the last one marked as the batch's end;
 * `ends: false` for a part of a batch that goes on in later parts.
 */
export function batchText(changes: readonly Change[], firstSeq: number, ends = true): string {
  let text = ''
  changes.forEach((change, index) => {
    const end = ends && index === changes.length - 1 ? ',"e":1' : ''
    const head = `{"s":${firstSeq + index},"op":"${change.op}","c":${JSON.stringify(change.c)}`
    const id = change.id === undefined ? '' : `,"id":${JSON.stringify(change.id)}`
    const value = change.op === 'put' ? `,"v":${change.json ?? JSON.stringify(change.v)}` : ''
    text += `${head}${id}${value}${end}}\n`
  })
  return text
}

/** Why a v2 file cannot be trusted; carries which file and what kind of damage. */
export class StoreFileProblem extends Error {
  constructor(
    readonly file: string,
    readonly kind:
      | 'empty'
      | 'truncated'
      | 'not-json'
      | 'not-a-project'
      | 'schema'
      | 'checksum'
      | 'sequence'
      | 'nul-bytes',
    message: string,
  ) {
    super(message)
    this.name = 'StoreFileProblem'
  }
}

/** A file written by a newer Sightline (a later store format): sound, not ours to read. */
export class NewerFormatError extends NewerSchemaError {}

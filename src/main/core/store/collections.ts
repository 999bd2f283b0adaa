/**
 * The parts of a project file, read from the ProjectFile schema itself so that a
 * collection added to the model (an array of records with ids, default []) is stored,
 * journaled, compacted and checked without a line of store code naming it.
 *
 * - a collection: a top-level array of records, each with a string `id`; journaled per record.
 * - a field: any other top-level value but the schema version (project meta, views);
 *   journaled whole.
 */
import { z } from 'zod'
import { ProjectFile } from '../../../shared/model'
import { deepFreeze } from './freeze'
import { keptFrozen, parsesToItself } from './parses-to-itself'

export { deepFreeze }

function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) {
    inner = inner.unwrap() as z.ZodType
  }
  return inner
}

const VERSION_KEY = 'schemaVersion'

const shape = ProjectFile.shape as Record<string, z.ZodType>

/** Top-level keys holding arrays of records, in the schema's order (the snapshot's order). */
export const COLLECTIONS: readonly string[] = Object.keys(shape).filter(
  (key) => unwrap(shape[key]!) instanceof z.ZodArray,
)

/** Top-level keys stored whole (everything but collections and the version). */
export const FIELDS: readonly string[] = Object.keys(shape).filter(
  (key) => key !== VERSION_KEY && !COLLECTIONS.includes(key),
)

const recordSchemas = new Map<string, z.ZodType>(
  COLLECTIONS.map((key) => [key, (unwrap(shape[key]!) as z.ZodArray<z.ZodType>).element]),
)
const fieldSchemas = new Map<string, z.ZodType>(FIELDS.map((key) => [key, shape[key]!]))

export function isCollection(name: string): boolean {
  return recordSchemas.has(name)
}

/** The zod schema of one record of `collection`, or of the whole of `field`. */
export function schemaOf(name: string): z.ZodType | undefined {
  return recordSchemas.get(name) ?? fieldSchemas.get(name)
}

const compiledSchemas = new WeakMap<z.ZodType, z.ZodType>()

/**
 * `schema` compiled by zod into a fast path (`z.compile`): a valid value takes generated
 * code, an invalid one falls back to zod's own parser, so the result and the wording of a
 * refusal are zod's. Compiled on first use (a few ms each), once per thread, and shared by
 * every caller: the store's open and the imports' plans check with the same compiled code.
 */
export function compiledSchema<T extends z.ZodType>(schema: T): T {
  let compiled = compiledSchemas.get(schema)
  if (!compiled) {
    compiled = z.compile(schema)
    compiledSchemas.set(schema, compiled)
  }
  return compiled as T
}

/** The compiled schema of `name` (see schemaOf and compiledSchema). */
export function compiledSchemaOf(name: string): z.ZodType | undefined {
  const schema = schemaOf(name)
  return schema && compiledSchema(schema)
}

/**
 * `value` checked by the schema of `name` (a collection's record, or a field), as zod's parse
 * would: refused with zod's error, or its output. `asRead`: the value passed and is already
 * what the parse makes of it (see parses-to-itself.ts), so it is returned itself and no
 * output copy is made; otherwise the output is the compiled parse's.
 */
export function checkValue(
  name: string,
  value: unknown,
  /**
   * The data comes out deeply frozen (a record the store keeps): a value kept as read is
   * frozen by the same walk that finds it unchanged (keptFrozen), an output copy after it is
   * made. A value refused, or parsed anew, may be left partly frozen (see keptFrozen).
   */
  freeze = false,
): { success: true; data: unknown; asRead: boolean } | { success: false; error: z.ZodError } {
  const schema = schemaOf(name)
  if (!schema) throw new Error(`"${name}" is not part of a project`)
  return checkWith(schema, value, freeze)
}

/** checkValue with the schema looked up already (an open checks 100k+ records of a few). */
export function checkWith(
  schema: z.ZodType,
  value: unknown,
  freeze = false,
): { success: true; data: unknown; asRead: boolean } | { success: false; error: z.ZodError } {
  const compiled = compiledSchema(schema)
  if (
    compiled.validate(value) &&
    (freeze ? keptFrozen(schema, value) : parsesToItself(schema, value))
  ) {
    return { success: true, data: value, asRead: true }
  }
  const parsed = compiled.safeParse(value)
  if (!parsed.success) return parsed
  return { success: true, data: freeze ? deepFreeze(parsed.data) : parsed.data, asRead: false }
}

/** A record as the store sees it: whatever the model says, with an id. */
export interface StoredRecord {
  readonly id: string
}

/** Reads a collection of a project file generically (typed models have no index signature). */
export function collectionOf(file: ProjectFile, name: string): StoredRecord[] {
  return (file as unknown as Record<string, StoredRecord[] | undefined>)[name] ?? []
}

/** A record to put in a collection: a new one, or a new version of the one with its id. */
export interface RecordPut {
  collection: string
  record: StoredRecord
  /**
   * The record as JSON, when the caller has it already (an import's worker serialized it):
   * the journal writes it as it is instead of serializing the record again.
   */
  json?: string
}

/** Puts records into `file` in place: each replaces the one with its id, or is added at the end. */
export function applyPuts(file: ProjectFile, puts: readonly RecordPut[]): void {
  const positions = new Map<string, Map<string, number>>()
  for (const { collection, record } of puts) {
    if (!isCollection(collection)) throw new Error(`"${collection}" is not a collection`)
    const records = (file as unknown as Record<string, StoredRecord[]>)[collection]!
    let at = positions.get(collection)
    if (!at) {
      at = new Map(records.map((existing, index) => [existing.id, index]))
      positions.set(collection, at)
    }
    const index = at.get(record.id)
    if (index === undefined) {
      at.set(record.id, records.length)
      records.push(record)
    } else {
      records[index] = record
    }
  }
}

export function fieldOf(file: ProjectFile, name: string): unknown {
  return (file as unknown as Record<string, unknown>)[name]
}

/**
 * Validation receipts: a note, kept in the per-user folder, that the record lines of a
 * snapshot with a given sha256 (its trailer's) were each checked against the record
 * schemas of this app and came out of them unchanged. Opening a snapshot that has one only
 * needs to confirm its bytes hash to that sha256: the zod pass over every record is not
 * run again. A receipt is never kept in the project folder, where whoever handed the
 * folder over could have written it; a changed schema (another fingerprint) voids them all.
 *
 * Receipts are issued by a full check on open and by a compaction whose base snapshot had
 * one and whose journal records passed their schemas as they were.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ProjectFile, SCHEMA_VERSION } from '../../../shared/model'
import { SnapshotTrailer } from './format'
import { openStoreFile } from './lines'

/**
 * Raise when a record rule changes in a way JSON Schema does not show (a refinement, a
 * transform such as a trim): the fingerprint then changes and every receipt is void.
 */
const RECORD_RULES_REVISION = 1

/**
 * What the record schemas are, as a hash: the JSON Schema zod derives from the project
 * schema (input and output sides: fields, types, bounds, patterns, defaults), the schema
 * version and RECORD_RULES_REVISION. Any change to a model schema changes it.
 */
export function schemaFingerprint(schema: z.ZodType = ProjectFile): string {
  const options = { unrepresentable: 'any', cycles: 'ref' } as const
  const hash = createHash('sha256')
  hash.update(`${SCHEMA_VERSION}:${RECORD_RULES_REVISION}:`)
  hash.update(JSON.stringify(z.toJSONSchema(schema, { ...options, io: 'input' })))
  hash.update(JSON.stringify(z.toJSONSchema(schema, { ...options, io: 'output' })))
  return hash.digest('hex')
}

let currentFingerprint: string | undefined

/** This build's fingerprint, computed once (about 10 ms). */
export function appSchemaFingerprint(): string {
  return (currentFingerprint ??= schemaFingerprint())
}

const Receipt = z.strictObject({
  format: z.literal(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  records: z.number().int().nonnegative(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  issuedAt: z.string(),
})

/** Receipts kept; the oldest beyond this are removed when a new one is issued. */
const KEEP = 256

export class ReceiptBook {
  private issued = 0

  constructor(
    readonly folder: string,
    /** Tests give another to stand for a build whose schemas changed. */
    readonly fingerprint: string = appSchemaFingerprint(),
  ) {}

  private pathOf(sha256: string): string {
    return join(this.folder, `${sha256}.json`)
  }

  /** Whether the record lines hashing to `sha256` (`records` of them) passed these schemas. */
  async has(sha256: string, records: number): Promise<boolean> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return false
    try {
      const parsed = Receipt.safeParse(JSON.parse(await readFile(this.pathOf(sha256), 'utf8')))
      return (
        parsed.success &&
        parsed.data.sha256 === sha256 &&
        parsed.data.records === records &&
        parsed.data.fingerprint === this.fingerprint
      )
    } catch {
      return false
    }
  }

  /**
   * Records a receipt. Never fails the caller: a receipt that could not be written only
   * means the next open checks every record again.
   */
  async issue(sha256: string, records: number): Promise<void> {
    try {
      await mkdir(this.folder, { recursive: true })
      const receipt: z.infer<typeof Receipt> = {
        format: 1,
        sha256,
        records,
        fingerprint: this.fingerprint,
        issuedAt: new Date().toISOString(),
      }
      // Renamed into place: a reader never sees half a receipt (it would only be ignored).
      const path = this.pathOf(sha256)
      const temp = `${path}.${process.pid}.${++this.issued}.tmp`
      await writeFile(temp, JSON.stringify(receipt), { mode: 0o600 })
      await rename(temp, path)
      if (this.issued % 16 === 1) await this.prune()
    } catch {
      // See above.
    }
  }

  /** Keeps the newest KEEP receipts. */
  private async prune(): Promise<void> {
    const names = (await readdir(this.folder)).filter((name) => /^[0-9a-f]{64}\.json$/.test(name))
    if (names.length <= KEEP) return
    const dated = await Promise.all(
      names.map(async (name) => ({
        name,
        at: await stat(join(this.folder, name)).then(
          (s) => s.mtimeMs,
          () => 0,
        ),
      })),
    )
    dated.sort((a, b) => b.at - a.at)
    for (const { name } of dated.slice(KEEP)) {
      await rm(join(this.folder, name), { force: true }).catch(() => undefined)
    }
  }
}

/** The trailer's bytes are at most this long (a count and a 64-digit hash). */
const TRAILER_MAX_BYTES = 256

/**
 * The trailer of the snapshot at `path`, read from the file's end without reading the rest
 * (null when the file does not end in a trailer): what a receipt is looked up by before the
 * snapshot is streamed. The stream still checks that trailer against the records.
 */
export async function peekTrailer(path: string): Promise<SnapshotTrailer | null> {
  let handle
  try {
    ;({ handle } = await openStoreFile(path))
  } catch {
    return null
  }
  try {
    const { size } = await handle.stat()
    const length = Math.min(size, TRAILER_MAX_BYTES)
    const tail = Buffer.alloc(length)
    const { bytesRead } = await handle.read(tail, 0, length, size - length)
    const text = tail.subarray(0, bytesRead).toString('utf8')
    if (!text.endsWith('\n')) return null
    const start = text.lastIndexOf('\n', text.length - 2) + 1
    const parsed = SnapshotTrailer.safeParse(JSON.parse(text.slice(start, -1)))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  } finally {
    await handle.close()
  }
}

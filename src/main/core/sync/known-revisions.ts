/**
 * The revision each record in the store stands on (docId → rev), kept beside the sync
 * state in local documents of its own: the state document is written every few seconds
 * while a sync runs, and it would be O(project) each time if it named every record. Each
 * save writes only what changed since the last one, into a small part (the newest part is
 * rewritten while it is small); once the parts hold twice the entries there are records,
 * they are written again whole, as a new generation. The state document names the
 * generation and its parts, and is written after them, so a crash in between leaves the
 * state naming the parts it had.
 */
import type { PouchDB as Pouch } from 'pouchdb-node'

/** Entries per part before a new one is begun. */
const PART_SIZE = 2_000

export interface KnownFields {
  /** The generation of parts the state stands on, and how many it has. */
  knownGeneration: number
  knownParts: number
}

/** What the state document says of `known` (older mirrors kept it whole in that document). */
export type SavedKnown = Partial<KnownFields> & { known?: Record<string, string> }

/** What of the mirror the parts need: they are local documents (never replicated). */
interface LocalDb {
  get(id: string): Promise<unknown>
  put(doc: { _id: string; _rev?: string; known: Record<string, string> }): Promise<Pouch.Response>
  remove(doc: { _id: string; _rev: string }): Promise<unknown>
}

export function knownPartId(generation: number, index: number): string {
  return `_local/sightline-sync-known-${generation}-${index}`
}

interface Part {
  index: number
  rev: string | undefined
  entries: Map<string, string>
}

export class KnownRevisions {
  private changed = new Map<string, string>()
  /** The newest part of this session, rewritten while it is small. */
  private tail: Part | null = null
  /** Entries written into the current generation's parts (an entry may be in several). */
  private written: number
  /** Older mirrors' state held `known`: the first save writes it out as parts. */
  private whole: boolean

  private constructor(
    private readonly byDoc: Map<string, string>,
    private fields: KnownFields,
    written: number,
    whole: boolean,
  ) {
    this.written = written
    this.whole = whole
  }

  /** Reads the parts the saved state names (none for a mirror that never saved one). */
  static async load(db: LocalDb, saved: SavedKnown): Promise<KnownRevisions> {
    const fields = {
      knownGeneration: saved.knownGeneration ?? 0,
      knownParts: saved.knownParts ?? 0,
    }
    const byDoc = new Map(Object.entries(saved.known ?? {}))
    let written = 0
    for (let index = 0; index < fields.knownParts; index++) {
      const part = await readPart(db, knownPartId(fields.knownGeneration, index))
      // A part gone missing costs only its entries: a record without a known revision is
      // matched by its history when the mirror is reconciled.
      for (const [docId, rev] of Object.entries(part?.known ?? {})) byDoc.set(docId, rev)
      written += Object.keys(part?.known ?? {}).length
    }
    return new KnownRevisions(byDoc, fields, written, saved.known !== undefined)
  }

  get(docId: string): string | undefined {
    return this.byDoc.get(docId)
  }

  set(docId: string, rev: string): void {
    this.byDoc.set(docId, rev)
    this.changed.set(docId, rev)
  }

  /** True while some entry has not been saved. */
  get unsaved(): boolean {
    return this.changed.size > 0 || this.whole
  }

  /**
   * Writes what changed since the last save into parts, and answers the fields the state
   * document must carry. `commit` once that document is written (it removes a replaced
   * generation's parts); `undo` if it could not be, so the next save writes them again.
   */
  async save(db: LocalDb): Promise<{
    fields: KnownFields
    commit(): Promise<void>
    undo(): void
  }> {
    const changed = this.changed
    this.changed = new Map()
    const undo = (): void => {
      for (const [docId, rev] of changed) if (!this.changed.has(docId)) this.changed.set(docId, rev)
    }
    if (!changed.size && !this.whole) {
      return { fields: { ...this.fields }, commit: async () => undefined, undo }
    }
    try {
      if (this.whole || this.written + changed.size > 2 * this.byDoc.size + PART_SIZE) {
        return await this.saveGeneration(db, undo)
      }
      return await this.saveChanges(db, changed, undo)
    } catch (error) {
      undo()
      throw error
    }
  }

  /** Every entry again, as a new generation; the old one's parts go once the state names it. */
  private async saveGeneration(
    db: LocalDb,
    undo: () => void,
  ): Promise<{ fields: KnownFields; commit(): Promise<void>; undo(): void }> {
    const old = { ...this.fields }
    const fields = { knownGeneration: old.knownGeneration + 1, knownParts: 0 }
    const tail = await writeEntries(db, fields, [...this.byDoc], null)
    return {
      fields,
      commit: async () => {
        this.fields = fields
        this.tail = tail
        this.written = this.byDoc.size
        this.whole = false
        for (let index = 0; index < old.knownParts; index++)
          await removePart(db, knownPartId(old.knownGeneration, index))
      },
      undo: () => {
        this.whole = true
        undo()
      },
    }
  }

  private async saveChanges(
    db: LocalDb,
    changed: Map<string, string>,
    undo: () => void,
  ): Promise<{ fields: KnownFields; commit(): Promise<void>; undo(): void }> {
    const fields = { ...this.fields }
    const tail = await writeEntries(db, fields, [...changed], this.tail)
    return {
      fields,
      commit: async () => {
        this.fields = fields
        this.tail = tail
        this.written += changed.size
      },
      undo,
    }
  }
}

/**
 * Writes entries into the newest part while it has room, else into new parts of `fields`'
 * generation (counted in `fields`); answers the newest part.
 */
async function writeEntries(
  db: LocalDb,
  fields: KnownFields,
  entries: Array<[string, string]>,
  last: Part | null,
): Promise<Part | null> {
  const parts: Part[] = []
  let tail = last
  if (tail && tail.entries.size + entries.length <= PART_SIZE) {
    tail = { index: tail.index, rev: tail.rev, entries: new Map([...tail.entries, ...entries]) }
    parts.push(tail)
  } else {
    for (let start = 0; start < entries.length; start += PART_SIZE) {
      tail = {
        index: fields.knownParts++,
        rev: undefined,
        entries: new Map(entries.slice(start, start + PART_SIZE)),
      }
      parts.push(tail)
    }
  }
  for (const part of parts)
    part.rev = await writePart(db, knownPartId(fields.knownGeneration, part.index), part)
  return tail
}

async function readPart(
  db: LocalDb,
  id: string,
): Promise<{ _rev?: string; known?: Record<string, string> } | null> {
  try {
    return (await db.get(id)) as { _rev?: string; known?: Record<string, string> }
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null
    throw error
  }
}

/** Writes a part on its last revision; a part left by a save a crash cut short is overwritten. */
async function writePart(db: LocalDb, id: string, part: Part): Promise<string> {
  const put = (rev: string | undefined): Promise<Pouch.Response> =>
    db.put({ _id: id, ...(rev ? { _rev: rev } : {}), known: Object.fromEntries(part.entries) })
  try {
    return (await put(part.rev)).rev
  } catch (error) {
    if ((error as { status?: number }).status !== 409) throw error
    return (await put((await readPart(db, id))?._rev)).rev
  }
}

async function removePart(db: LocalDb, id: string): Promise<void> {
  const part = await readPart(db, id).catch(() => null)
  if (part?._rev) await db.remove({ _id: id, _rev: part._rev }).catch(() => undefined)
}

/**
 * What changed since the last batch reached the disk, found without serializing the
 * project: records are immutable once saved (frozen), so a record whose object is the one
 * saved is unchanged, and only the others are written. Fields (project meta, views) are
 * small and edited in place, so they are compared by their JSON.
 */
import {
  COLLECTIONS,
  collectionOf,
  deepFreeze,
  FIELDS,
  fieldOf,
  type StoredRecord,
} from './collections'
import type { Change } from './format'
import type { Slicer } from './lines'
import type { Capture } from './snapshot-writer'
import type { ProjectFile } from '../../../shared/model'

export interface Diff {
  changes: Change[]
  /** Records the changes as saved: called once the batch is on disk. */
  commit(): void
}

export class ChangeTracker {
  /**
   * Each collection's saved records by id, made the first time a batch needs one (a record
   * added, removed or moved): most batches replace records in place and never do, and an
   * open does not pay for a map of every record.
   */
  private readonly saved = new Map<string, Map<string, StoredRecord>>()
  /** Each collection's records as saved, in order: most records are where they were. */
  private readonly savedOrder = new Map<string, readonly StoredRecord[]>()
  private readonly savedFields = new Map<string, string | undefined>()

  private constructor() {}

  /** The baseline: a state known to be on disk (what was loaded, or a snapshot just written). */
  static async of(
    view: Capture,
    slicer: Slicer,
    /**
     * Every record is deeply frozen already: records an open read (the loader freezes each
     * as it keeps it), not looked at again here (a second walk over 100k+ records spread
     * through the heap, to find each frozen).
     */
    frozen = false,
  ): Promise<ChangeTracker> {
    const tracker = new ChangeTracker()
    for (const [name, value] of view.fields) tracker.savedFields.set(name, JSON.stringify(value))
    for (const [name, records] of view.collections) {
      const list = records as StoredRecord[]
      // New records are frozen here (a frozen one returns at once).
      for (let at = 0; !frozen && at < list.length; at++) {
        deepFreeze(list[at])
        if (at % 256 === 0 && slicer.due()) await slicer.pause()
      }
      tracker.savedOrder.set(name, list.slice())
    }
    return tracker
  }

  /** The saved records of `collection` by id (see `saved`). */
  private savedById(collection: string): Map<string, StoredRecord> {
    let saved = this.saved.get(collection)
    if (!saved) {
      saved = new Map()
      for (const record of this.savedOrder.get(collection) ?? []) saved.set(record.id, record)
      this.saved.set(collection, saved)
    }
    return saved
  }

  /** Records written by other means than `diff` (a batch written in parts), now on disk. */
  markSaved(collection: string, records: readonly StoredRecord[]): void {
    const saved = this.savedById(collection)
    for (const record of records) saved.set(record.id, deepFreeze(record))
  }

  /**
   * A collection written wholly by other means (a batch written in parts, see StagedPuts):
   * `records` are what is saved now, in order, in an array no one else changes. Its map by
   * id is made again from them the next time a batch needs it.
   */
  adopt(collection: string, records: readonly StoredRecord[]): void {
    this.savedOrder.set(collection, records)
    this.saved.delete(collection)
  }

  /**
   * Synchronous, as it must see one state of the records; kept short by comparing each
   * record first with the one saved at the same position (a pointer compare), and looking
   * it up by id only where they differ (after an insertion or a deletion). `only`: the
   * collections and fields that can have changed (the others are not looked at).
   */
  diff(file: ProjectFile, only?: ReadonlySet<string>): Diff {
    const changes: Change[] = []
    const saves: [string, StoredRecord][] = []
    const removals: [Map<string, StoredRecord>, string][] = []
    const orders: [string, StoredRecord[]][] = []
    const fieldTexts: [string, string | undefined][] = []
    for (const name of FIELDS) {
      if (only && !only.has(name)) continue
      const value = fieldOf(file, name)
      const text = value === undefined ? undefined : JSON.stringify(value)
      if (text === this.savedFields.get(name)) continue
      fieldTexts.push([name, text])
      // A field is stored whole; an absent optional field is deleted.
      changes.push(text === undefined ? { op: 'del', c: name } : { op: 'put', c: name, v: value })
    }
    for (const name of COLLECTIONS) {
      if (only && !only.has(name)) continue
      const order = this.savedOrder.get(name) ?? []
      const records = collectionOf(file, name)
      let saved = this.saved.get(name)
      let kept = 0
      let moved = records.length !== order.length
      for (let at = 0; at < records.length; at++) {
        const record = records[at]!
        if (order[at] === record) {
          kept++
          continue
        }
        moved = true
        // A new version of the record saved at the same place: no look-up needed.
        if (!saved && order[at]?.id === record.id) {
          kept++
          changes.push({ op: 'put', c: name, id: record.id, v: record })
          saves.push([name, record])
          continue
        }
        saved ??= this.savedById(name)
        const before = saved.get(record.id)
        if (before === record) {
          kept++
          continue
        }
        if (before !== undefined) kept++
        changes.push({ op: 'put', c: name, id: record.id, v: record })
        saves.push([name, record])
      }
      if (!moved) continue
      orders.push([name, records.slice()])
      if (kept === (saved?.size ?? order.length)) continue
      saved ??= this.savedById(name)
      const present = new Set(records.map((record) => record.id))
      for (const id of saved.keys()) {
        if (present.has(id)) continue
        changes.push({ op: 'del', c: name, id })
        removals.push([saved, id])
      }
    }
    return {
      changes,
      commit: () => {
        for (const [name, text] of fieldTexts) this.savedFields.set(name, text)
        // A map not made yet is made from the order below, which holds these records.
        for (const [name, record] of saves) {
          deepFreeze(record)
          this.saved.get(name)?.set(record.id, record)
        }
        for (const [saved, id] of removals) saved.delete(id)
        for (const [name, records] of orders) this.savedOrder.set(name, records)
      },
    }
  }
}

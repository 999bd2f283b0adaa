/**
 * The collections a batch of puts will leave, prepared a part at a time while the batch is
 * journaled, so that the batch joins memory in O(collections) once it is on disk: each
 * collection it reaches is copied once, the puts are placed in the copy part by part, and
 * the copies replace the live arrays at the end. Putting 44k records into the live arrays
 * in one turn held the event loop for over 50 ms.
 *
 * The copies are only good while nothing else changes the records: the caller checks that
 * (the store's revision) and applies the puts the slow way when it moved.
 */
import type { ProjectFile } from '../../../shared/model'
import { isCollection, type RecordPut, type StoredRecord } from './collections'
import type { Slicer } from './lines'

interface StagedCollection {
  /** What the live array will be. */
  records: StoredRecord[]
  /** The same records in a second array: the change tracker's copy of what is saved. */
  saved: StoredRecord[]
  /** Where each record's id sits in both. */
  positions: Map<string, number>
}

/** Records between two looks at the slicer while a collection's ids are mapped. */
const IDS_PER_LOOK = 4096

export class StagedPuts {
  private readonly staged = new Map<string, StagedCollection>()

  constructor(private readonly file: ProjectFile) {}

  /** Places `puts` in the copies (each replaces the record with its id, or is added at the end). */
  async add(puts: readonly RecordPut[], slicer: Slicer): Promise<void> {
    for (const { collection, record } of puts) {
      const staged = this.staged.get(collection) ?? (await this.stage(collection, slicer))
      const index = staged.positions.get(record.id)
      if (index === undefined) {
        staged.positions.set(record.id, staged.records.length)
        staged.records.push(record)
        staged.saved.push(record)
      } else {
        staged.records[index] = record
        staged.saved[index] = record
      }
    }
  }

  /** Copies `collection` as it is now and maps its ids, pausing when the slice is used up. */
  private async stage(collection: string, slicer: Slicer): Promise<StagedCollection> {
    if (!isCollection(collection)) throw new Error(`"${collection}" is not a collection`)
    const live = (this.file as unknown as Record<string, StoredRecord[]>)[collection]!
    const records = live.slice()
    const positions = new Map<string, number>()
    for (let at = 0; at < records.length; at++) {
      positions.set(records[at]!.id, at)
      if (at % IDS_PER_LOOK === IDS_PER_LOOK - 1 && slicer.due()) await slicer.pause()
    }
    const staged = { records, saved: records.slice(), positions }
    this.staged.set(collection, staged)
    return staged
  }

  /**
   * Puts the copies in place of the live arrays of `file` (the one they were made from)
   * and returns, per collection, the second copy for the change tracker.
   */
  swapIn(): Map<string, readonly StoredRecord[]> {
    const saved = new Map<string, readonly StoredRecord[]>()
    const target = this.file as unknown as Record<string, StoredRecord[]>
    for (const [collection, staged] of this.staged) {
      target[collection] = staged.records
      saved.set(collection, staged.saved)
    }
    return saved
  }
}

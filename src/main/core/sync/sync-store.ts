/**
 * What team sync needs of the project's store. The mirror runs in a worker thread
 * (sync-worker.ts), where this is a copy of the records kept current by the journal, and
 * every edit goes back to the real store in the main process (sync-client.ts).
 */
import type { JournalEvent } from '../project-store'
import type { PlainRecord } from './merge'

export interface StoreChange {
  collection: string
  id: string
  /** The record; null to delete it. */
  value: PlainRecord | null
}

export interface SyncStore {
  readonly folder: string
  /** Increases with every change of the records seen here. */
  readonly revision: number
  /** The last journal sequence number seen. */
  journalSeq(): number
  records(collection: string): Iterable<{ id: string }>
  record(collection: string, id: string): { id: string } | undefined
  /** A part of the project kept whole (`project`, `views`). */
  part(name: string): unknown
  onJournal(listener: (event: JournalEvent) => void): () => void
  /** Writes pending edits, so their journal entries are heard. */
  flush(): Promise<void>
  readSourceText(contentHash: string, expectedLength?: number): Promise<string>
  /**
   * Stores texts as UTF-8 under their sha256, all in one write. Each `contentHash` is the
   * sha256 of its `utf8`, checked by the caller (which is what makes them the UTF-8 of a text).
   */
  writeSourceTexts(texts: ReadonlyArray<{ utf8: Uint8Array; contentHash: string }>): Promise<void>
  readAsset(contentHash: string, format: 'png' | 'svg'): Promise<Uint8Array>
  /** Stores an asset's bytes; answers their hash. */
  writeAsset(bytes: Uint8Array, format: 'png' | 'svg'): Promise<string>
  /**
   * Applies remote changes to the store, in order. `guarded`: only while the analyst has
   * no edit this side has not heard of yet; it stops at the first sign of one. Answers how
   * many changes (from the first) were applied.
   */
  apply(changes: readonly StoreChange[], guarded: boolean): Promise<number>
}

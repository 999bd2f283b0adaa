/**
 * How a project's records look in the sync database: one document per record,
 * `<collection>:<id>`, holding the record (or null once deleted: a deletion is an edit like
 * any other, so a deletion against an edit is a conflict CouchDB keeps), who made the
 * revision and when. Source texts travel once each as `source-text:<sha256>` with the text
 * as an attachment, immutable. The parts of a project that are not collections (its
 * details, its saved views) are one document each, `<part>:`, and the files they name (the
 * graph image) travel like texts, as `asset:<sha256>.<format>`.
 */
import type { PlainRecord } from './merge'

export interface RecordBody {
  collection: string
  id: string
  /** The record; null when deleted. */
  value: PlainRecord | null
  /** The name the analyst set for team work. */
  author: string
  /** When this revision was made (ISO time). */
  at: string
}

export type RecordDoc = RecordBody & { _id: string; _rev?: string }

export const SOURCE_TEXT_PREFIX = 'source-text:'
export const TEXT_ATTACHMENT = 'text'
const ASSET_PREFIX = 'asset:'
export const ASSET_ATTACHMENT = 'bytes'

/** A project part kept whole (`project`, `views`): its document, with an empty id. */
export function partDocId(part: string): string {
  return `${part}:`
}

export function assetDocId(contentHash: string, format: string): string {
  return `${ASSET_PREFIX}${contentHash}.${format}`
}

export function recordDocId(collection: string, id: string): string {
  return `${collection}:${id}`
}

export function sourceTextDocId(contentHash: string): string {
  return `${SOURCE_TEXT_PREFIX}${contentHash}`
}

/** A source's text as the mirror holds it: an immutable document, the text its attachment. */
export function sourceTextDoc(
  contentHash: string,
  utf8: Buffer,
): { _id: string; _attachments: Record<string, { content_type: string; data: Buffer }> } {
  return {
    _id: sourceTextDocId(contentHash),
    _attachments: {
      [TEXT_ATTACHMENT]: { content_type: 'text/plain', data: utf8 },
    },
  }
}

/** True for the documents that are project records (not texts, not local state). */
export function isRecordDocId(docId: string): boolean {
  return (
    !docId.startsWith('_') &&
    !docId.startsWith(SOURCE_TEXT_PREFIX) &&
    !docId.startsWith(ASSET_PREFIX) &&
    docId.includes(':')
  )
}

/** A short name for a record in lists: its name, title, or first words. */
export function recordLabel(value: PlainRecord | null | undefined): string {
  if (!value) return ''
  for (const key of ['name', 'title', 'question', 'exact', 'body']) {
    const text = value[key]
    if (typeof text === 'string' && text.trim()) return text.trim().split('\n')[0]!.slice(0, 80)
  }
  const target = value['target'] as { exact?: unknown } | undefined
  if (target && typeof target.exact === 'string') return target.exact.slice(0, 80)
  return String(value['id'] ?? '')
}

/** A record as JSON has it (no undefined fields), so it compares with what came back. */
export function plain(value: unknown): PlainRecord {
  return JSON.parse(JSON.stringify(value)) as PlainRecord
}

import type { SourceRecord } from '../../../shared/model'

/** What an importer hands back: normalized text plus whatever metadata the file carried. */
export interface ImportedDocument {
  format: SourceRecord['origin']['format']
  /** Normalized (normalizeText) text; every offset refers to it. */
  text: string
  title?: string
  author?: string
  publisher?: string
  publishedAt?: string
  url?: string
  language?: string
  /** Start offset of each page in `text` (PDF only). */
  pages?: number[]
  /** Things the analyst should know about how the file was read (encoding fallback…). */
  notes: string[]
  /**
   * `text` as UTF-8, added by the import worker (and handed over without a copy), so the
   * main process neither encodes a long text again nor blocks on it.
   */
  utf8?: Uint8Array
}

export type DocumentMetadata = Omit<ImportedDocument, 'format' | 'text' | 'pages' | 'notes'>

/** Where the import worker stored a document's text in the project (import/store-text.ts). */
export interface StoredText {
  /** sha256 of the text as UTF-8: its file is sources/<contentHash>.txt. */
  contentHash: string
  /** UTF-16 units, as the source record counts them. */
  length: number
  /** False when an intact copy of the same text was there already. */
  written: boolean
}

/** A document whose text the worker stored: everything but the text itself. */
export type StoredDocument = Omit<ImportedDocument, 'text' | 'utf8'> & StoredText

/**
 * The part of PouchDB's API team sync uses. Written here because @types/pouchdb-core
 * declares a global Buffer and pulls the DOM library into the main process's types.
 */
declare module 'pouchdb-node' {
  namespace PouchDB {
    interface Meta {
      _id: string
      _rev?: string
      _deleted?: boolean
      _conflicts?: string[]
      _revisions?: { start: number; ids: string[] }
      _attachments?: Record<string, { content_type: string; data: Buffer }>
    }
    type Doc<T> = T & Meta
    interface Response {
      ok: true
      id: string
      rev: string
    }
    interface Failure {
      error: true | string
      status?: number
      id?: string
      message?: string
    }
    interface AllDocsRow<T> {
      id: string
      key: string
      value: { rev: string; deleted?: boolean }
      doc?: Doc<T> | null
    }
    interface AllDocsMissing {
      key: string
      error: string
    }
    interface ChangesResult<T> {
      results: Array<{ id: string; seq: number | string; doc?: Doc<T>; deleted?: boolean }>
      last_seq: number | string
    }
    interface ReplicationChange {
      docs_written: number
      docs_read: number
      pending?: number
      /**
       * The revisions this batch wrote, as fetched (with `_revisions`, attachments with
       * their data); a revision is not necessarily its document's winner.
       */
      docs?: Array<Record<string, unknown> & { _id: string; _rev: string; _deleted?: boolean }>
    }
    /** One direction of a sync. With `retry`, a failed request is reported, then retried. */
    interface Replication {
      on(event: 'active', listener: () => void): this
      on(event: 'paused', listener: (error?: unknown) => void): this
      on(event: 'requestError', listener: (error: unknown) => void): this
    }
    interface Sync<T> extends Promise<unknown> {
      readonly push: Replication
      readonly pull: Replication
      on(
        event: 'change',
        listener: (info: { direction: 'push' | 'pull'; change: ReplicationChange }) => void,
      ): this
      on(event: 'paused', listener: (error?: unknown) => void): this
      on(event: 'active' | 'complete', listener: () => void): this
      on(event: 'error' | 'denied', listener: (error: unknown) => void): this
      cancel(): void
      readonly __doc?: T
    }
    interface Database<T> {
      get(
        id: string,
        options?: { rev?: string; revs?: boolean; conflicts?: boolean },
      ): Promise<Doc<T>>
      put(doc: Doc<Partial<T>> | Doc<Record<string, unknown>>): Promise<Response>
      remove(doc: { _id: string; _rev: string }): Promise<Response>
      bulkDocs(
        docs: Array<Doc<T> | Meta>,
        options?: { new_edits?: boolean },
      ): Promise<Array<Response | Failure>>
      allDocs(options?: {
        keys?: string[]
        include_docs?: boolean
        conflicts?: boolean
        /** With include_docs: the attachments' data too (a Buffer each, with `binary`). */
        attachments?: boolean
        binary?: boolean
        limit?: number
        startkey?: string
      }): Promise<{ rows: Array<AllDocsRow<T> | AllDocsMissing>; total_rows: number }>
      changes(options: {
        since: number | string
        limit?: number
        include_docs?: boolean
        conflicts?: boolean
      }): Promise<ChangesResult<T>>
      getAttachment(docId: string, name: string): Promise<Buffer>
      sync(
        remote: Database<T>,
        options?: {
          live?: boolean
          retry?: boolean
          batch_size?: number
          back_off_function?: (previous: number) => number
        },
      ): Sync<T>
      info(): Promise<{ doc_count: number; update_seq: number | string }>
      destroy(): Promise<unknown>
      close(): Promise<void>
    }
    interface Static {
      new <T>(
        name: string,
        options?: {
          adapter?: string
          auto_compaction?: boolean
          auth?: { username: string; password: string }
          skip_setup?: boolean
        },
      ): Database<T>
      /** The methods every database shares (tests spy on `changes`; allDocs is per instance). */
      readonly prototype: Pick<Database<Record<string, unknown>>, 'changes' | 'sync'>
      plugin(plugin: unknown): Static
      defaults(options: { adapter?: string; prefix?: string }): Static
    }
  }
  const PouchDB: PouchDB.Static
  export default PouchDB
  export type { PouchDB }
}

/**
 * The messages between the main process (sync-client.ts) and the sync worker
 * (sync-worker.ts). The main process sends the records once, then the journal as it is
 * written, and calls the mirror's operations; the worker calls back for what only the real
 * store can do (write, flush, read and store source texts, the hub's password).
 */
import type { ErrorCode } from '../../../shared/result'
import { AppError } from '../errors'
import type {
  QuarantinedDoc,
  SyncConflict,
  SyncStatus,
  TeamActivity,
} from '../../../shared/api/sync'
import type { JournalEvent } from '../project-store'
import type { PlainRecord } from './merge'
import type { RemoteConfig } from './remote'
import type { StoreChange } from './sync-store'

/** What the main process shows without asking the worker. */
export interface SyncView {
  status: Omit<SyncStatus, 'author'>
  activity: TeamActivity[]
  quarantine: QuarantinedDoc[]
  remote: RemoteConfig | null
}

/** The mirror's operations the main process calls. */
export interface WorkerMethods {
  open: { args: { author: string }; result: undefined }
  link: { args: RemoteConfig; result: undefined }
  unlink: { args: undefined; result: undefined }
  syncNow: { args: undefined; result: undefined }
  startLive: { args: undefined; result: undefined }
  stopLive: { args: undefined; result: undefined }
  conflicts: { args: undefined; result: SyncConflict[] }
  resolve: { args: { docId: string; value: PlainRecord | null }; result: undefined }
  drain: { args: undefined; result: undefined }
  close: { args: undefined; result: undefined }
  /** Where the syncs' time went since the last call, in ms per phase (for the bench). */
  phases: { args: undefined; result: Record<string, number> }
}

/** What the worker asks of the main process. */
export interface MainMethods {
  flush: { args: undefined; result: void }
  /** `basis`: the last journal sequence number the worker had heard of. */
  apply: { args: { changes: StoreChange[]; guarded: boolean; basis: number }; result: number }
  /**
   * The worker stored these source texts itself (sources/<sha256>.txt, durably): what the
   * store remembers of files by those hashes (damage found, a verified copy) is stale.
   */
  sourceFilesStored: { args: { hashes: string[] }; result: void }
  readAsset: { args: { contentHash: string; format: 'png' | 'svg' }; result: Uint8Array }
  writeAsset: { args: { bytes: Uint8Array; format: 'png' | 'svg' }; result: string }
  password: { args: RemoteConfig; result: string | undefined }
}

export type CallMessage<M> = {
  [K in keyof M]: {
    t: 'call'
    id: number
    method: K
    args: M[K] extends { args: infer A } ? A : never
  }
}[keyof M]

export interface ReplyMessage {
  t: 'reply'
  id: number
  ok: boolean
  value?: unknown
  error?: { code: string; message: string }
  /** The worker's view after the call (so the caller's next status read is current). */
  view?: SyncView
}

export type ToWorker =
  | CallMessage<WorkerMethods>
  | ReplyMessage
  | { t: 'journal'; event: JournalEvent }
  /** A whole copy of the records follows (at the start, and after a reset). */
  | { t: 'records-begin' }
  | { t: 'records'; collection: string; records: Array<{ id: string }> }
  /** The project's parts kept whole (details, views). */
  | { t: 'parts'; parts: Record<string, unknown> }
  | { t: 'records-end'; seq: number }
  | { t: 'author'; name: string }

export type FromWorker =
  | CallMessage<MainMethods>
  | ReplyMessage
  | { t: 'view'; view: SyncView }
  | { t: 'log'; message: string }

/** The calls one side has made to the other and not had answered yet. */
export class PendingCalls {
  private next = 1
  private readonly waiting = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void }
  >()

  /** Numbers a call, hands the number to `send`, and resolves with the answer. */
  start<T>(send: (id: number) => void): Promise<T> {
    const id = this.next++
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject })
      send(id)
    })
  }

  settle(reply: ReplyMessage): void {
    const call = this.waiting.get(reply.id)
    if (!call) return
    this.waiting.delete(reply.id)
    if (reply.ok) call.resolve(reply.value)
    else
      call.reject(
        new AppError(
          (reply.error?.code ?? 'internal') as ErrorCode,
          reply.error?.message ?? 'Team sync failed.',
        ),
      )
  }

  failAll(error: Error): void {
    for (const call of this.waiting.values()) call.reject(error)
    this.waiting.clear()
  }
}

/** Runs a call from the other side and words its answer (an error keeps its code). */
export async function answerCall(id: number, run: () => Promise<unknown>): Promise<ReplyMessage> {
  try {
    return { t: 'reply', id, ok: true, value: await run() }
  } catch (error) {
    return {
      t: 'reply',
      id,
      ok: false,
      error: {
        code: error instanceof AppError ? error.code : 'internal',
        message: error instanceof Error ? error.message : String(error),
      },
    }
  }
}

/**
 * Autosave for one note, free of React so its timing can be tested: edits are coalesced
 * (a save starts after a pause in typing, or after `maxWaitMs` of continuous typing), one
 * save is in flight at a time, and the newest draft always wins. Each save carries the
 * `updatedAt` it was based on, so a note changed elsewhere is never silently overwritten.
 */

export interface Draft {
  title: string
  body: string
}

export type SaveStatus =
  | { state: 'saved' }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'failed'; message: string; conflict: boolean }

export interface SaveOutcome {
  updatedAt: string
}

export interface DraftSaverOptions {
  /** Stores the draft; rejects with an error whose `code` is 'conflict' when `baseUpdatedAt` is stale. */
  save: (draft: Draft, baseUpdatedAt: string | undefined) => Promise<SaveOutcome>
  onStatus?: (status: SaveStatus) => void
  /** Pause in typing before a save starts. */
  delayMs?: number
  /** Longest a change waits while typing goes on. */
  maxWaitMs?: number
}

export class DraftSaver {
  private pending: Draft | null = null
  private saved: Draft
  private base: string | undefined
  private timer: ReturnType<typeof setTimeout> | null = null
  private firstChangeAt: number | null = null
  private inFlight: Promise<void> | null = null
  private blockedByConflict = false
  private status: SaveStatus = { state: 'saved' }
  private readonly delayMs: number
  private readonly maxWaitMs: number
  private readonly listeners = new Set<(status: SaveStatus) => void>()

  constructor(
    initial: Draft & { updatedAt: string },
    private readonly options: DraftSaverOptions,
  ) {
    this.saved = { title: initial.title, body: initial.body }
    this.base = initial.updatedAt
    this.delayMs = options.delayMs ?? 700
    this.maxWaitMs = options.maxWaitMs ?? 4_000
  }

  /** Changes not yet stored (waiting, or being saved). */
  get hasUnsavedChanges(): boolean {
    return this.pending !== null || this.inFlight !== null
  }

  get currentStatus(): SaveStatus {
    return this.status
  }

  /** The newest text: what is waiting to be saved, else what was saved last. */
  get latest(): Draft {
    return this.pending ?? this.saved
  }

  /** Follows the save status; returns the unsubscribe function. */
  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Records the latest draft and schedules a save. */
  change(draft: Draft): void {
    if (draft.title === this.saved.title && draft.body === this.saved.body && !this.inFlight) {
      this.pending = null
      this.clearTimer()
      if (!this.blockedByConflict) this.setStatus({ state: 'saved' })
      return
    }
    this.pending = draft
    if (this.blockedByConflict) return
    this.firstChangeAt ??= Date.now()
    if (this.status.state !== 'saving') this.setStatus({ state: 'unsaved' })
    this.clearTimer()
    const waited = Date.now() - this.firstChangeAt
    this.timer = setTimeout(
      () => void this.flush().catch(() => undefined),
      Math.max(0, Math.min(this.delayMs, this.maxWaitMs - waited)),
    )
  }

  /** Saves what is pending now and resolves once everything is stored (or failed). */
  async flush(): Promise<void> {
    this.clearTimer()
    while (this.inFlight) await this.inFlight
    if (!this.pending || this.blockedByConflict) return
    const draft = this.pending
    this.pending = null
    this.firstChangeAt = null
    this.setStatus({ state: 'saving' })
    const attempt = this.options.save(draft, this.base).then(
      (outcome) => {
        this.saved = draft
        this.base = outcome.updatedAt
        if (!this.pending) this.setStatus({ state: 'saved' })
      },
      (error: unknown) => {
        // Keep the draft: it is the only copy of what was typed.
        this.pending ??= draft
        const conflict = (error as { code?: unknown })?.code === 'conflict'
        this.blockedByConflict = conflict
        this.setStatus({
          state: 'failed',
          message: error instanceof Error ? error.message : String(error),
          conflict,
        })
      },
    )
    this.inFlight = attempt.finally(() => {
      this.inFlight = null
    })
    await this.inFlight
    if (this.pending && this.status.state !== 'failed') await this.flush()
  }

  /** After a conflict: store this draft over the other version anyway. */
  async overwrite(): Promise<void> {
    this.blockedByConflict = false
    this.base = undefined
    this.pending ??= { ...this.saved }
    await this.flush()
  }

  /** Leaves the note without saving again (after a conflict the user chose the other version). */
  discard(): void {
    this.clearTimer()
    this.pending = null
    this.blockedByConflict = false
  }

  private setStatus(status: SaveStatus): void {
    if (status.state === this.status.state && status.state !== 'failed') return
    this.status = status
    this.options.onStatus?.(status)
    for (const listener of this.listeners) listener(status)
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}

/**
 * The session's edit history. Each entry knows how to take its edit back and apply it
 * again through the API; the history lives as long as the window does.
 */
export interface HistoryEntry {
  /** What the edit did, e.g. "phase of National Resistance Front". */
  label: string
  undo(): Promise<void>
  redo(): Promise<void>
}

export interface HistoryState {
  undoLabel?: string
  redoLabel?: string
  busy: boolean
}

export class EditHistory {
  private done: HistoryEntry[] = []
  private undone: HistoryEntry[] = []
  private busy = false
  private listeners = new Set<() => void>()
  private state: HistoryState = { busy: false }

  constructor(private readonly limit = 200) {}

  push(entry: HistoryEntry): void {
    this.done.push(entry)
    if (this.done.length > this.limit) this.done.shift()
    this.undone = []
    this.emit()
  }

  /** Takes back the last edit; resolves with its label, or null when there is nothing to undo. */
  undo(): Promise<string | null> {
    return this.step(this.done, this.undone, (e) => e.undo())
  }

  redo(): Promise<string | null> {
    return this.step(this.undone, this.done, (e) => e.redo())
  }

  getState = (): HistoryState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  clear(): void {
    this.done = []
    this.undone = []
    this.emit()
  }

  private async step(
    from: HistoryEntry[],
    to: HistoryEntry[],
    run: (entry: HistoryEntry) => Promise<void>,
  ): Promise<string | null> {
    if (this.busy) return null
    const entry = from.pop()
    if (!entry) return null
    this.busy = true
    this.emit()
    try {
      await run(entry)
      to.push(entry)
      return entry.label
    } catch (error) {
      // The project moved on (the record changed or is gone): this step can no longer be
      // replayed, and neither can what lies beyond it.
      from.length = 0
      throw error
    } finally {
      this.busy = false
      this.emit()
    }
  }

  private emit(): void {
    this.state = {
      busy: this.busy,
      ...(this.done.length ? { undoLabel: this.done.at(-1)!.label } : {}),
      ...(this.undone.length ? { redoLabel: this.undone.at(-1)!.label } : {}),
    }
    for (const listener of this.listeners) listener()
  }
}

/** One history for the whole window, shared by the grids and the graph. */
export const editHistory = new EditHistory()

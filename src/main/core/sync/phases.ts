/**
 * Where a sync's time goes, phase by phase (replication, reading what arrived, checking
 * it, writing texts, applying to the store, bookkeeping). The steps of the mirror's queue
 * run one at a time, so the phases of a sync add up to about its whole time; the bench
 * prints them beside the total.
 */
export class PhaseClock {
  private readonly spent = new Map<string, number>()

  async time<T>(phase: string, step: () => Promise<T>): Promise<T> {
    const started = performance.now()
    try {
      return await step()
    } finally {
      this.add(phase, performance.now() - started)
    }
  }

  add(phase: string, ms: number): void {
    this.spent.set(phase, (this.spent.get(phase) ?? 0) + ms)
  }

  /** The time per phase since the last call, in ms. */
  take(): Record<string, number> {
    const out = Object.fromEntries(this.spent)
    this.spent.clear()
    return out
  }
}

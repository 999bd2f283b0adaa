/**
 * Where a long piece of work spends its time, phase by phase (an exchange on either side of
 * its worker, a sync in its worker). Cheap (a clock reading per phase), always on: the bench
 * prints the phases beside the total, so a slow step shows by name instead of hiding in one
 * figure.
 */

export interface PhaseTiming {
  /** "worker: parse the bundle", "replicate", … */
  phase: string
  ms: number
}

export class PhaseClock {
  private readonly spent = new Map<string, number>()

  /** `side`, when two sides' phases meet in one table: "worker", "main". */
  constructor(private readonly side?: string) {}

  /** Runs `work`, adding its time to `phase` (phases met twice add up). */
  async time<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now()
    try {
      return await work()
    } finally {
      this.add(phase, performance.now() - started)
    }
  }

  add(phase: string, ms: number): void {
    this.addNamed(this.side ? `${this.side}: ${phase}` : phase, ms)
  }

  /** Adds timings measured elsewhere (a worker's, received with its answer), named as they come. */
  merge(timings: readonly PhaseTiming[]): void {
    for (const { phase, ms } of timings) this.addNamed(phase, ms)
  }

  list(): PhaseTiming[] {
    return [...this.spent].map(([phase, ms]) => ({ phase, ms }))
  }

  /** The time per phase since the last call, in ms; the clock starts again from nothing. */
  take(): Record<string, number> {
    const out = Object.fromEntries(this.spent)
    this.spent.clear()
    return out
  }

  private addNamed(phase: string, ms: number): void {
    this.spent.set(phase, (this.spent.get(phase) ?? 0) + ms)
  }
}

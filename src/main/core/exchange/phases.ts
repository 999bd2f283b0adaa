/**
 * Where an exchange's time goes, phase by phase, on either side of the worker. Cheap (a
 * clock reading per phase), always on: the bench prints the last import's and export's
 * phases under its table, so a slow step shows by name instead of hiding in one total.
 */

export interface PhaseTiming {
  /** "worker: parse the bundle", "main: journal the records", … */
  phase: string
  ms: number
}

export class PhaseClock {
  private readonly timings = new Map<string, number>()

  constructor(private readonly side: 'worker' | 'main') {}

  /** Runs `work`, adding its time to `phase` (phases met twice add up). */
  async time<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
    const start = performance.now()
    try {
      return await work()
    } finally {
      this.add(phase, performance.now() - start)
    }
  }

  add(phase: string, ms: number): void {
    const name = `${this.side}: ${phase}`
    this.timings.set(name, (this.timings.get(name) ?? 0) + ms)
  }

  /** Adds timings measured elsewhere (the worker's, received with its answer). */
  merge(timings: readonly PhaseTiming[]): void {
    for (const { phase, ms } of timings)
      this.timings.set(phase, (this.timings.get(phase) ?? 0) + ms)
  }

  list(): PhaseTiming[] {
    return [...this.timings].map(([phase, ms]) => ({ phase, ms }))
  }
}

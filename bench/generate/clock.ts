import type { Random } from './random'

export const DAY_MS = 86_400_000
/** Generated reporting spans the years after August 2021. */
export const FIRST_DAY = Date.UTC(2021, 7, 15)
export const LAST_DAY = Date.UTC(2025, 5, 30)

/** Timestamps and dates drawn from the reporting period, never from the wall clock. */
export class Clock {
  constructor(private readonly rnd: Random) {}

  /** A random instant in [from, to]. */
  between(from: number, to: number): number {
    return from + Math.floor(this.rnd.float() * Math.max(0, to - from))
  }

  day(from = FIRST_DAY, to = LAST_DAY): number {
    const ms = this.between(from, to)
    return ms - (ms % DAY_MS)
  }

  iso(ms: number): string {
    return new Date(ms).toISOString()
  }

  date(ms: number): string {
    return new Date(ms).toISOString().slice(0, 10)
  }

  /** createdAt and a later (or equal) updatedAt, after `after`. */
  stamps(after: number, spanDays = 60): { createdAt: string; updatedAt: string; at: number } {
    const created = this.between(after, Math.min(LAST_DAY, after + spanDays * DAY_MS))
    const updated = this.rnd.chance(0.3) ? this.between(created, LAST_DAY) : created
    return { createdAt: this.iso(created), updatedAt: this.iso(updated), at: created }
  }
}

/**
 * The generator's vocabulary of chance (picks, weights, shuffles, ids) over the project's one
 * seeded generator, `seededRandom` in src/shared/random.ts: the same seed gives the same
 * project on every platform and Node version, which Math.random cannot.
 */
import { seededRandom } from '../../src/shared/random'

export class Random {
  private readonly next: () => number

  constructor(seed: number) {
    this.next = seededRandom(seed)
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next()
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.float() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list')
    return items[this.int(0, items.length - 1)] as T
  }

  /**
   * An index in [0, n) skewed towards the start: a few records get most of the links,
   * as the well-known groups of a conflict get most of the reporting.
   */
  skewedIndex(n: number, skew = 2): number {
    return Math.min(n - 1, Math.floor(n * this.float() ** skew))
  }

  /** One key of `weights`, chosen in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][]
    const total = entries.reduce((sum, [, w]) => sum + w, 0)
    let roll = this.float() * total
    for (const [key, weight] of entries) {
      roll -= weight
      if (roll < 0) return key
    }
    return entries[entries.length - 1]![0]
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i)
      const swap = items[i] as T
      items[i] = items[j] as T
      items[j] = swap
    }
    return items
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle([...items]).slice(0, Math.max(0, count))
  }

  /** A value whose logarithm is uniform in [log min, log max]: many short, a few long. */
  logUniform(min: number, max: number): number {
    return Math.round(Math.exp(Math.log(min) + this.float() * (Math.log(max) - Math.log(min))))
  }

  /** A version-4-shaped UUID, like the ids the app gives new records, but reproducible. */
  uuid(): string {
    let hex = ''
    for (let i = 0; i < 4; i++) hex += (this.int(0, 0xffffffff) >>> 0).toString(16).padStart(8, '0')
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  }
}

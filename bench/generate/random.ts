/**
 * A seeded random source for the generator. pure-rand's xoroshiro128+ gives the same
 * sequence for a seed on every platform and Node version, which Math.random cannot.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

type Generator = ReturnType<typeof xoroshiro128plus>

export class Random {
  private readonly rng: Generator

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed)
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng)
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max)
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

/**
 * The one seeded random generator of the project, for whatever must come out the same on
 * every run: a graph layout started from a seed, generated benchmark projects, test data.
 * mulberry32 (32 bits of state, period 2^32): small and fast, the same sequence for a seed
 * on every platform, which Math.random cannot promise. Not for anything secret.
 */

/** A generator of floats in [0, 1), the same sequence for the same seed (taken mod 2^32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

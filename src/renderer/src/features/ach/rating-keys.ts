/**
 * Rating from the keyboard: on a focused cell, c, n, i and x rate C, N, I and NA; a second c
 * or i typed soon after makes CC or II (a third goes back to C or I); Delete or Backspace
 * clears the cell. Pure, so the rules are tested without a grid.
 */
import type { AchRating } from '../../../../shared/model'

/** How long a typed letter waits for its twin (c → cc). */
export const DOUBLE_KEY_MS = 900

export interface TypedRating {
  /** The letters typed on this cell so far, for the next key. */
  typed: string
  /** The cell's new rating; null clears it. */
  rating: AchRating | null
}

const SINGLE: Readonly<Record<string, AchRating>> = { c: 'C', n: 'N', i: 'I', x: 'NA' }
const DOUBLE: Readonly<Record<string, AchRating>> = { c: 'CC', i: 'II' }

/**
 * What a key does to a cell, given the letters typed on the same cell just before (empty
 * after a pause or on another cell); undefined when the key is not a rating key.
 */
export function typeRating(typedBefore: string, key: string): TypedRating | undefined {
  if (key === 'Delete' || key === 'Backspace') return { typed: '', rating: null }
  const letter = key.toLowerCase()
  const single = SINGLE[letter]
  if (key.length !== 1 || single === undefined) return undefined
  const double = DOUBLE[letter]
  if (double && typedBefore === letter) return { typed: letter + letter, rating: double }
  return { typed: letter, rating: single }
}

import { describe, expect, it } from 'vitest'
import { typeRating } from './rating-keys'

/** Types keys in a row on one cell and returns the rating after each. */
function typeAll(keys: string[]): (string | null | undefined)[] {
  let typed = ''
  return keys.map((key) => {
    const result = typeRating(typed, key)
    if (!result) return undefined
    typed = result.typed
    return result.rating
  })
}

describe('typeRating', () => {
  it('rates C, N, I and NA with c, n, i and x, in either case', () => {
    expect(['c', 'n', 'i', 'x'].map((k) => typeRating('', k)?.rating)).toEqual([
      'C',
      'N',
      'I',
      'NA',
    ])
    expect(typeRating('', 'I')?.rating).toBe('I')
  })

  it('makes CC and II of a doubled letter, and goes back on a third', () => {
    expect(typeAll(['c', 'c'])).toEqual(['C', 'CC'])
    expect(typeAll(['i', 'i', 'i'])).toEqual(['I', 'II', 'I'])
  })

  it('does not double n or x, nor a letter after another', () => {
    expect(typeAll(['n', 'n'])).toEqual(['N', 'N'])
    expect(typeAll(['x', 'x'])).toEqual(['NA', 'NA'])
    expect(typeAll(['c', 'i', 'i'])).toEqual(['C', 'I', 'II'])
  })

  it('clears with Delete and Backspace, and ignores other keys', () => {
    expect(typeRating('c', 'Delete')).toEqual({ typed: '', rating: null })
    expect(typeRating('', 'Backspace')?.rating).toBeNull()
    expect(typeRating('', 'a')).toBeUndefined()
    expect(typeRating('', 'ArrowDown')).toBeUndefined()
    expect(typeRating('', 'Enter')).toBeUndefined()
  })
})

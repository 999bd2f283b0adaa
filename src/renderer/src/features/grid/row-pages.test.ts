import { describe, expect, it } from 'vitest'
import { nextPage } from './row-pages'

describe('pages of a first load', () => {
  const a = { id: 'a' }
  const b = { id: 'b' }
  const c = { id: 'c' }

  it('are the rows after those already shown', () => {
    expect(nextPage([a, b], [a, b, c])).toEqual([c])
  })

  it('are not recognised in a reload: new objects, fewer rows, nothing shown yet', () => {
    expect(nextPage([a, b], [{ id: 'a' }, b, c])).toBeNull()
    expect(nextPage([a, b], [a, { id: 'b' }, c])).toBeNull()
    expect(nextPage([a, b, c], [a, b])).toBeNull()
    expect(nextPage([a, b], [a, b])).toBeNull()
    expect(nextPage(null, [a])).toBeNull()
    expect(nextPage([], [a])).toBeNull()
  })
})

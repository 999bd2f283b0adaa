import { describe, expect, it } from 'vitest'
import type { TimelineLane } from '../../../../shared/contract'
import { parseLaneChoice, resolveLaneChoice } from './use-lane-choice'

const lane = (id: string, type = 'group', quoteCount = 0): TimelineLane => ({
  id,
  name: id,
  type,
  quoteCount,
})
const LANES = [lane('g1', 'group', 9), lane('p1', 'person', 8), lane('g2', 'group', 3)]

describe('the lane choice', () => {
  it('reads back what was stored and refuses anything else', () => {
    expect(parseLaneChoice('{"ids":["g1"],"unassigned":false}')).toEqual({
      ids: ['g1'],
      unassigned: false,
    })
    expect(parseLaneChoice('{"ids":["g1"]}')).toEqual({ ids: ['g1'], unassigned: true })
    for (const raw of [null, '', 'not json', '[]', '{"ids":[1]}', '{"ids":"g1"}', 'null']) {
      expect(parseLaneChoice(raw), String(raw)).toBeNull()
    }
  })

  it('keeps the stored lanes that still exist, in their order', () => {
    expect(resolveLaneChoice({ ids: ['g2', 'gone', 'p1'], unassigned: false }, LANES)).toEqual({
      ids: ['g2', 'p1'],
      unassigned: false,
    })
  })

  it('falls back to the most quoted groups when no stored lane is left', () => {
    expect(resolveLaneChoice({ ids: ['gone'], unassigned: false }, LANES)).toEqual({
      ids: ['g1', 'g2'],
      unassigned: false,
    })
    expect(resolveLaneChoice(null, LANES)).toEqual({ ids: ['g1', 'g2'], unassigned: true })
  })

  it('respects a choice of no lane at all', () => {
    expect(resolveLaneChoice({ ids: [], unassigned: true }, LANES)).toEqual({
      ids: [],
      unassigned: true,
    })
  })
})

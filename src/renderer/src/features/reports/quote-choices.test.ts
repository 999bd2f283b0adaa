import { describe, expect, it } from 'vitest'
import type { ReportChoices } from '../../../../shared/contract'
import { quotesToAdd, shorten } from './quote-choices'

type Quote = ReportChoices['quotes'][number]

const quote = (id: string, exact: string, sourceTitle = 'Field report'): Quote => ({
  id,
  exact,
  sourceTitle,
  reliability: 'B',
  credibility: 2,
})

const QUOTES = [
  quote('q1', 'About 70% of former personnel joined the front.'),
  quote('q2', 'The council met in Bamiyan.', 'UN Monitoring Team'),
  quote('q3', 'Fighters crossed the river at night.'),
]

describe('quotesToAdd', () => {
  it('offers every quote not chosen yet when nothing is searched', () => {
    expect(quotesToAdd(QUOTES, new Set(['q2']), '  ').map((q) => q.id)).toEqual(['q1', 'q3'])
  })

  it('finds the search in the quote or its source, ignoring case', () => {
    expect(quotesToAdd(QUOTES, new Set(), ' FORMER ').map((q) => q.id)).toEqual(['q1'])
    expect(quotesToAdd(QUOTES, new Set(), 'monitoring').map((q) => q.id)).toEqual(['q2'])
    expect(quotesToAdd(QUOTES, new Set(['q1']), 'former')).toEqual([])
  })

  it('offers at most 40, in the order given', () => {
    const many = Array.from({ length: 60 }, (_, i) => quote(`m${i}`, `Claim ${i}`))
    const offered = quotesToAdd(many, new Set(['m0']), 'claim')
    expect(offered).toHaveLength(40)
    expect(offered[0]!.id).toBe('m1')
    expect(offered[39]!.id).toBe('m40')
  })
})

describe('shorten', () => {
  it('puts a quote on one line and cuts it at the limit with an ellipsis', () => {
    expect(shorten('  two\n lines\tof text ')).toBe('two lines of text')
    expect(shorten('abcdefghij', 6)).toBe('abcde…')
    expect(shorten('abcdef', 6)).toBe('abcdef')
  })
})

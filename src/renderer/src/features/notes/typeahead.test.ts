import { describe, expect, it } from 'vitest'
import { findTrigger, followTrigger, matchEntities, type Trigger } from './typeahead'

const at = (text: string) => findTrigger(text, text.length)

describe('findTrigger', () => {
  it('opens a quote search after [[ and follows what is typed', () => {
    expect(at('The claim [[')).toEqual({ kind: 'quote', query: '', start: 10 })
    expect(at('The claim [[70% of')).toEqual({ kind: 'quote', query: '70% of', start: 10 })
    expect(at('Done [[x]] now')).toBeNull()
    expect(at('[[one\ntwo')).toBeNull()
  })

  it('opens an entity search after @ at a word start, not inside an e-mail address', () => {
    expect(at('Led by @')).toEqual({ kind: 'entity', query: '', start: 7 })
    expect(at('Led by @National Fr')).toEqual({ kind: 'entity', query: 'National Fr', start: 7 })
    expect(at('(@NFF')).toEqual({ kind: 'entity', query: 'NFF', start: 1 })
    expect(at('@NFF')).toEqual({ kind: 'entity', query: 'NFF', start: 0 })
    expect(at('write to desk@example.org')).toBeNull()
    expect(at('an @ sign then  ')).toBeNull()
  })

  it('only looks at the text just before the caret, wherever the caret is', () => {
    const long = 'word '.repeat(10_000)
    const body = `${long}[[militia and more text after`
    const caret = long.length + '[[militia'.length
    expect(findTrigger(body, caret)).toEqual({
      kind: 'quote',
      query: 'militia',
      start: long.length,
    })
  })
})

describe('matchEntities', () => {
  const entities = [
    { name: 'National Freedom Front', aliases: ['NFF'] },
    { name: 'National Resistance Front', aliases: ['NRF'] },
    { name: 'Free Tigers of Turkistan', aliases: [] },
    { name: 'Bāmiyān', aliases: [] },
  ]

  it('matches every word against names and aliases, prefix matches first', () => {
    expect(matchEntities(entities, 'nat fr').map((e) => e.name)).toEqual([
      'National Freedom Front',
      'National Resistance Front',
    ])
    expect(matchEntities(entities, 'nff').map((e) => e.name)).toEqual(['National Freedom Front'])
    expect(matchEntities(entities, 'free').map((e) => e.name)).toEqual([
      'Free Tigers of Turkistan',
      'National Freedom Front',
    ])
  })

  it('ignores accents and case, and limits the list', () => {
    expect(matchEntities(entities, 'BAMIYAN').map((e) => e.name)).toEqual(['Bāmiyān'])
    expect(matchEntities(entities, '', 2)).toHaveLength(2)
  })
})

describe('followTrigger', () => {
  const quote = (query: string, start = 10): Trigger => ({ kind: 'quote', query, start })

  it('opens a list for a new trigger and keeps it while the query grows', () => {
    expect(followTrigger(null, quote('70'), null)).toEqual({ type: 'open', trigger: quote('70') })
    const placed = { ...quote('70'), top: 40, left: 12 }
    expect(followTrigger(placed, quote('70%'), null)).toEqual({
      type: 'query',
      trigger: { ...placed, query: '70%' },
    })
    expect(followTrigger(quote('70'), quote('70'), null)).toEqual({ type: 'stay' })
  })

  it('opens anew for another trigger, even of the same kind', () => {
    expect(followTrigger(quote('70', 10), quote('', 40), null)).toEqual({
      type: 'open',
      trigger: quote('', 40),
    })
    const entity: Trigger = { kind: 'entity', query: '', start: 10 }
    expect(followTrigger(quote(''), entity, null)).toEqual({ type: 'open', trigger: entity })
  })

  it('closes when the caret leaves the trigger, and keeps a dismissed one closed', () => {
    expect(followTrigger(quote('70'), null, null)).toEqual({ type: 'close' })
    expect(followTrigger(null, null, null)).toEqual({ type: 'stay' })
    expect(followTrigger(null, quote('70%'), 10)).toEqual({ type: 'stay' })
    expect(followTrigger(quote('70'), quote('70%'), 10)).toEqual({ type: 'close' })
    expect(followTrigger(null, quote('', 40), 10)).toEqual({ type: 'open', trigger: quote('', 40) })
  })
})

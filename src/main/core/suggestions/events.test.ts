import { describe, expect, it } from 'vitest'
import type { DateMention, Suggestion } from '../../../shared/contract'
import { dateSuggestions, eventProposal, guessEventKind } from './events'

describe('guessEventKind', () => {
  it.each([
    ['The front claimed responsibility for the attack.', 'claim'],
    ['The group split into two factions in 2023.', 'split'],
    ['The front was formed in Panjshir in 2021.', 'formation'],
    ['Gunmen attacked a checkpoint in Logar.', 'attack'],
    ['The council announced a ceasefire.', 'announcement'],
    ['Residents met the governor in May 2022.', 'other'],
  ])('%s → %s', (sentence, kind) => {
    expect(guessEventKind(sentence)).toBe(kind)
  })
})

const TEXT = 'Intro.\n\nSince mid-2022 the Freedom Front and Ali Khan attacked posts in Logar.'
const SENTENCE = { start: 8, end: TEXT.length }
const date = (over: Partial<DateMention> = {}): DateMention => ({
  start: 14,
  end: 22,
  text: 'mid-2022',
  date: '2022-01-01',
  precision: 'year',
  bound: 'since',
  sentence: SENTENCE,
  ...over,
})
const named = (type: string, name: string, sentence = SENTENCE): Suggestion => ({
  kind: 'entity',
  key: `${type}|${name}|${sentence.start}`,
  sentence,
  paragraph: 1,
  highlights: [],
  reason: 'a name',
  entity: { status: 'new', type, name, aliases: [] },
})

describe('eventProposal', () => {
  it('takes the date, its words and the groups and people of the same sentence', () => {
    const suggestions = [
      named('group', 'Freedom Front'),
      named('person', 'Ali Khan'),
      named('place', 'Logar'),
      named('group', 'Elsewhere Front', { start: 0, end: 6 }),
    ]
    expect(eventProposal(TEXT, date(), suggestions)).toEqual({
      title: 'Since mid-2022 the Freedom Front and Ali Khan attacked posts in Logar.',
      eventKind: 'attack',
      eventDate: '2022-01-01',
      datePrecision: 'year',
      dateText: 'since mid-2022',
      ongoing: true,
      participants: [
        { status: 'new', type: 'group', name: 'Freedom Front', aliases: [] },
        { status: 'new', type: 'person', name: 'Ali Khan', aliases: [] },
      ],
    })
  })

  it('keeps a point date as it is and names each participant once', () => {
    const ends: Suggestion = {
      kind: 'relation',
      key: 'rel',
      sentence: SENTENCE,
      paragraph: 1,
      highlights: [],
      reason: 'allied',
      relation: {
        type: 'allied-with',
        from: { status: 'existing', entityId: 'grp-a', type: 'group', name: 'A' },
        to: { status: 'new', type: 'group', name: 'Freedom Front', aliases: [] },
      },
    }
    const proposal = eventProposal(
      TEXT,
      date({ bound: 'at', date: '2022-06-14', precision: 'day', text: '14 June 2022' }),
      [named('group', 'Freedom Front'), ends],
    )
    expect(proposal).toMatchObject({ dateText: '14 June 2022', datePrecision: 'day' })
    expect(proposal.ongoing).toBeUndefined()
    expect(proposal.participants.map((p) => p.name)).toEqual(['Freedom Front', 'A'])
  })

  it('cuts a long sentence to a title at a word', () => {
    const long = `On 2 May 2024 ${'the front said many things '.repeat(10)}.`
    const proposal = eventProposal(
      long,
      date({ sentence: { start: 0, end: long.length }, bound: 'at' }),
      [],
    )
    expect(proposal.title.length).toBeLessThanOrEqual(120)
    expect(proposal.title).toMatch(/things…$|said…$|many…$|the…$|front…$/)
  })

  it('gives each date a key of its own', () => {
    const keys = dateSuggestions(TEXT, [date(), date({ start: 30, end: 34 })], []).map((d) => d.key)
    expect(new Set(keys).size).toBe(2)
  })
})

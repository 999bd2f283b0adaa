import { describe, expect, it } from 'vitest'
import type { DateSuggestion, Suggestion } from '../../../../shared/contract'
import {
  acceptItem,
  byParagraph,
  defaultChoices,
  eventChoices,
  sentenceParts,
  suggestionLabel,
  summaryLine,
} from './suggestion-model'

const TEXT = 'The Logar Defence Front, led by Karim Haidari, is active in Logar since 2023.'

const leads: Suggestion = {
  kind: 'relation',
  key: 'leads|karim|ldf',
  sentence: { start: 0, end: TEXT.length },
  paragraph: 2,
  highlights: [
    { start: 32, end: 45, role: 'entity' },
    { start: 4, end: 23, role: 'entity' },
    { start: 25, end: 31, role: 'cue' },
  ],
  reason: '"led by"',
  relation: {
    type: 'leads',
    from: { status: 'new', type: 'person', name: 'Karim Haidari', aliases: [] },
    to: { status: 'new', type: 'group', name: 'Logar Defence Front', aliases: [] },
    validFrom: '2023-01-01',
  },
}

const mention: Suggestion = {
  kind: 'entity',
  key: 'mention|logar',
  sentence: { start: 0, end: TEXT.length },
  paragraph: 0,
  highlights: [{ start: 60, end: 65, role: 'entity' }],
  reason: 'a place the project knows',
  entity: { status: 'existing', entityId: 'plc-logar', type: 'place', name: 'Logar' },
}

describe('suggestion model', () => {
  it('sums up new names by type, then relations and mentions', () => {
    expect(
      summaryLine({
        suggestions: [leads, mention, leads],
        summary: { newEntities: { place: 4, person: 1, group: 5 }, mentions: 1, relations: 2 },
      }),
    ).toBe('3 suggestions: 5 groups, 1 person, 4 places, 2 relations, 1 mention of known entities')
    expect(
      summaryLine({ suggestions: [], summary: { newEntities: {}, mentions: 0, relations: 0 } }),
    ).toBe('No suggestions')
  })

  it('says what accepting creates or links', () => {
    expect(suggestionLabel(leads)).toBe(
      'Karim Haidari leads Logar Defence Front (since 2023-01-01)',
    )
    expect(suggestionLabel(mention)).toBe('Mention of Logar')
  })

  it('cuts the sentence at its highlights, in text order, keeping every character', () => {
    const parts = sentenceParts(TEXT, leads.sentence, leads.highlights)
    expect(parts.map((p) => p.text).join('')).toBe(TEXT)
    expect(parts.filter((p) => p.role).map((p) => [p.text, p.role])).toEqual([
      ['Logar Defence Front', 'entity'],
      ['led by', 'cue'],
      ['Karim Haidari', 'entity'],
    ])
  })

  it('drops the overlapping part of a highlight and anything outside the sentence', () => {
    const parts = sentenceParts(TEXT, { start: 4, end: 23 }, [
      { start: 0, end: 9, role: 'entity' },
      { start: 6, end: 14, role: 'cue' },
      { start: 30, end: 40, role: 'date' },
    ])
    expect(parts).toEqual([
      { text: 'Logar', role: 'entity' },
      { text: ' Defe', role: 'cue' },
      { text: 'nce Front', role: null },
    ])
  })

  it('groups by paragraph in text order', () => {
    expect(
      byParagraph([leads, mention, leads]).map((p) => [p.index, p.suggestions.length]),
    ).toEqual([
      [0, 1],
      [2, 2],
    ])
  })

  it('accepts the sentence as the quote, graded "cannot be judged" unless the analyst says otherwise', () => {
    const item = acceptItem(leads, TEXT, defaultChoices(leads, 6))
    expect(item).toMatchObject({
      key: leads.key,
      quote: { start: 0, end: TEXT.length, exact: TEXT },
      credibility: 6,
      kind: 'claim',
      relation: leads.relation,
    })
    expect(item.entity).toBeUndefined()
    expect(acceptItem(mention, TEXT, defaultChoices(mention, 2))).toMatchObject({
      credibility: 2,
      entity: mention.entity,
    })
  })
})

describe('eventChoices', () => {
  it('sends the date’s sentence as the quote and the event as the proposal', () => {
    const since: DateSuggestion = {
      key: 'event|72:76|2023-01-01',
      start: 72,
      end: 76,
      text: '2023',
      date: '2023-01-01',
      precision: 'year',
      bound: 'since',
      sentence: { start: 0, end: TEXT.length },
      event: {
        title: TEXT,
        eventKind: 'other',
        eventDate: '2023-01-01',
        datePrecision: 'year',
        dateText: 'since 2023',
        ongoing: true,
        participants: [{ status: 'new', type: 'group', name: 'Logar Defence Front', aliases: [] }],
      },
    }
    const item = acceptItem(since, TEXT, eventChoices(since, 3))
    expect(item).toEqual({
      key: since.key,
      quote: { start: 0, end: TEXT.length, exact: TEXT },
      credibility: 3,
      kind: 'claim',
      event: since.event,
    })
  })
})

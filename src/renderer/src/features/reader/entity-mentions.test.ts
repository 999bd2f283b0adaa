import { describe, expect, it } from 'vitest'
import type { Entity } from '../../../../shared/model'
import { findMentions, MENTION_PREFIX, mentionEntityId } from './entity-mentions'

const entity = (id: string, name: string, aliases: string[] = [], acronym?: string): Entity =>
  ({
    id,
    type: 'group',
    name,
    aliases,
    description: '',
    attributes: acronym ? { acronym } : {},
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  }) as Entity

const words = (text: string, entities: Entity[]) =>
  findMentions(text, entities).map((s) => [text.slice(s.start, s.end), mentionEntityId(s.id)])

describe('findMentions', () => {
  const nff = entity('nff', 'National Freedom Front', ['جبهه آزادی ملی'], 'NFF')
  const zia = entity('zia', 'Mohammad Yasin Zia')
  const panjshir = entity('panjshir', 'Panjshir', ['پنجشیر'])

  it('marks names, aliases and acronyms as whole words, in either script', () => {
    const text =
      'The National Freedom Front (NFF) is led by Mohammad Yasin Zia. In Dari: پنجشیر, and جبهه آزادی ملی.'
    expect(words(text, [nff, zia, panjshir])).toEqual([
      ['National Freedom Front', 'nff'],
      ['NFF', 'nff'],
      ['Mohammad Yasin Zia', 'zia'],
      ['پنجشیر', 'panjshir'],
      ['جبهه آزادی ملی', 'nff'],
    ])
  })

  it('ignores case for names but not for acronyms, and never inside a word', () => {
    expect(words('the national freedom front', [nff])).toEqual([['national freedom front', 'nff']])
    expect(words('a staff nff member; NFFs; Panjshiri', [nff, panjshir])).toEqual([])
  })

  it('prefers the longer name where two overlap, and skips a name two entities share', () => {
    const front = entity('front', 'Freedom Front')
    expect(words('National Freedom Front', [nff, front])).toEqual([
      ['National Freedom Front', 'nff'],
    ])
    const a = entity('a', 'Wolf Unit')
    const b = entity('b', 'Wolf Brigade', ['Wolf Unit'])
    expect(words('The Wolf Unit struck.', [a, b])).toEqual([])
  })

  it('uses ids no annotation can have', () => {
    const [span] = findMentions('NFF', [nff])
    expect(span?.id.startsWith(MENTION_PREFIX)).toBe(true)
    expect(mentionEntityId('ann-1')).toBeNull()
  })
})

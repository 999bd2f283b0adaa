import { describe, expect, it } from 'vitest'
import { extractNoteLinks, numberCitations } from '../../../../shared/citations'
import type { CitedQuote, MentionedEntity } from '../../../../shared/contract'
import { citedIdsKey, numberingOfKey, resolvedLinks } from './link-targets'

const BODY = [
  'The front [claims 70%](quote:ann-1), led by [NFF](entity:grp-1).',
  'A [typo](quote:bad!id) and [again](quote:ann-2), [the first](quote:ann-1) once more.',
].join('\n\n')

describe('the numbering kept under a key of cited ids', () => {
  it('numbers, counts and validates citations as numbering the body itself does', () => {
    const fromKey = numberingOfKey(citedIdsKey(extractNoteLinks(BODY)))
    const direct = numberCitations(BODY)
    const shape = (n: typeof direct) =>
      n.citations.map(({ annotationId, number, occurrences, valid }) => ({
        annotationId,
        number,
        occurrences,
        valid,
      }))
    expect(shape(fromKey)).toEqual(shape(direct))
    expect([...fromKey.numberOf]).toEqual([...direct.numberOf])
    expect(fromKey.numberOf.get('ann-2')).toBe(3)
    expect(fromKey.citations.find((c) => c.annotationId === 'bad!id')?.valid).toBe(false)
  })

  it('stays the same key while only the prose and the mentions change', () => {
    const edited = BODY.replace('The front', 'By its own count the front').replace(
      '[NFF](entity:grp-1)',
      'its council',
    )
    expect(citedIdsKey(extractNoteLinks(edited))).toBe(citedIdsKey(extractNoteLinks(BODY)))
    const reordered = BODY.replace('[again](quote:ann-2), ', '')
    expect(citedIdsKey(extractNoteLinks(reordered))).not.toBe(citedIdsKey(extractNoteLinks(BODY)))
  })

  it('is empty for a note that cites nothing', () => {
    expect(citedIdsKey(extractNoteLinks('Only [NFF](entity:grp-1) here.'))).toBe('')
    expect(numberingOfKey('').citations).toEqual([])
  })
})

describe('resolvedLinks', () => {
  const quote = { annotationId: 'ann-1', status: 'ok' } as CitedQuote
  const entity = { entityId: 'grp-1', status: 'missing' } as MentionedEntity

  it('is not loaded until the store answers, unless nothing was asked', () => {
    expect(resolvedLinks(undefined, 2).loaded).toBe(false)
    expect(resolvedLinks(undefined, 0).loaded).toBe(true)
  })

  it('finds each answer by its id', () => {
    const resolved = resolvedLinks({ quotes: [quote], entities: [entity] }, 2)
    expect(resolved.loaded).toBe(true)
    expect(resolved.quotes.get('ann-1')).toBe(quote)
    expect(resolved.entities.get('grp-1')).toBe(entity)
    expect(resolved.quotes.get('grp-1')).toBeUndefined()
  })
})

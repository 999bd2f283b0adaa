import { describe, expect, it } from 'vitest'
import { ERROR_TEXTS, englishErrorText, isErrorTextKey } from './error-texts'

describe('the catalogue of refusals', () => {
  it('fills placeholders, naming the kind of record in words', () => {
    expect(englishErrorText({ key: 'notFound', values: { kind: 'evidence row', id: 'r1' } })).toBe(
      'No evidence row with id "r1" in this project.',
    )
    expect(englishErrorText({ key: 'tooManyHypotheses', values: { max: 12 } })).toBe(
      'An analysis weighs at most 12 hypotheses; this one has them all.',
    )
  })

  it('leaves a placeholder with no value visible rather than empty', () => {
    expect(englishErrorText({ key: 'noSuchBackup' })).toBe('There is no backup {{id}}.')
  })

  it('knows its sentences from its two tables and from anything else', () => {
    expect(isErrorTextKey('notFound')).toBe(true)
    expect(isErrorTextKey('code')).toBe(false)
    expect(isErrorTextKey('kinds')).toBe(false)
    expect(isErrorTextKey('toString')).toBe(false)
    expect(Object.keys(ERROR_TEXTS.code).length).toBeGreaterThan(10)
  })
})

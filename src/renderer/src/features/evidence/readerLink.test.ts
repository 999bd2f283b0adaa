import { describe, expect, it } from 'vitest'
import { attributeLabel, attributeText, readerHref } from './readerLink'

describe('evidence helpers', () => {
  it('links to the reader at one annotation', () => {
    expect(readerHref('src-brief', 'ann-nrf-leader')).toBe('#/sources/src-brief?a=ann-nrf-leader')
  })

  it('labels attributes and their values in words', () => {
    expect(attributeLabel('firstSeen')).toBe('First seen')
    expect(attributeLabel('estimatedStrength')).toBe('Strength')
    expect(attributeLabel('tags')).toBe('Tags')
    expect(attributeText('guerrilla-warfare')).toBe('Guerrilla warfare')
    expect(attributeText('NRF')).toBe('NRF')
    expect(attributeText(['a', 'b'])).toBe('a, b')
    expect(attributeText(4000)).toBe('4000')
  })
})

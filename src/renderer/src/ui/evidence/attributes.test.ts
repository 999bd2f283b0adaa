import { describe, expect, it } from 'vitest'
import { attributeLabel, attributeText } from './attributes'

describe('evidence attributes', () => {
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

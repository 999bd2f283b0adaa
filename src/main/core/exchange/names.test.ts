import { describe, expect, it } from 'vitest'
import { nameKey } from './names'

describe('nameKey', () => {
  it('ignores case, accents, spacing and Arabic-script keyboard variants', () => {
    expect(nameKey('AHMAD  MASSÖUD ')).toBe(nameKey('Ahmad Massoud'))
    expect(nameKey('كابل')).toBe(nameKey('کابل'))
    expect(nameKey('جبهه\u200Cی ملي')).toBe(nameKey('جبههی ملی'))
  })

  it('keeps Latin transliterations apart, so an import never merges people on a guess', () => {
    expect(nameKey('Ahmad Masood')).not.toBe(nameKey('Ahmad Massoud'))
  })
})

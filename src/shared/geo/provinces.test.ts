import { describe, expect, it } from 'vitest'
import { PROVINCES, provinceByIso } from './provinces'

describe('the bundled provinces', () => {
  it('are the 34 provinces with unique ISO codes, Dari names and a label point inside Afghanistan', () => {
    expect(PROVINCES).toHaveLength(34)
    expect(new Set(PROVINCES.map((p) => p.iso)).size).toBe(34)
    for (const p of PROVINCES) {
      expect(p.iso).toMatch(/^AF-[A-Z]{3}$/)
      expect(p.nameFa).toMatch(/^[\u0600-\u06FF ]+$/)
      expect(p.nameFa).not.toMatch(/ولایت/)
      expect(p.labelPoint.lat).toBeGreaterThan(29)
      expect(p.labelPoint.lat).toBeLessThan(39)
      expect(p.labelPoint.lon).toBeGreaterThan(60)
      expect(p.labelPoint.lon).toBeLessThan(75)
    }
  })

  it('carry the corrected names and common spellings', () => {
    expect(provinceByIso('AF-PAN')).toMatchObject({ name: 'Panjshir', nameFa: 'پنجشیر' })
    expect(provinceByIso('af-day')?.name).toBe('Daykundi')
    expect(provinceByIso('AF-HEL')?.spellings).toEqual(['Hilmand', 'Helmand'])
    expect(provinceByIso('AF-PIA')?.spellings).toEqual(['Paktika'])
  })
})

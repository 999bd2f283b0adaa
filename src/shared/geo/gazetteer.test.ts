import { describe, expect, it } from 'vitest'
import {
  chiefTown,
  foldName,
  GAZETTEER,
  gazetteerEntry,
  searchGazetteer,
  suggestGazetteer,
} from './gazetteer'
import { provinceAt } from './map-geometry'
import { PROVINCES } from './provinces'

const ids = (query: string): string[] => searchGazetteer(query).map((m) => m.entry.id)

describe('the bundled gazetteer', () => {
  it('holds the 34 provinces, a chief town for each and the districts the sample names', () => {
    expect(GAZETTEER.filter((e) => e.kind === 'province')).toHaveLength(34)
    for (const province of PROVINCES) expect(chiefTown(province.iso), province.name).toBeDefined()
    expect(gazetteerEntry('AF-BGL/andarab')).toMatchObject({ kind: 'district', name: 'Andarab' })
    expect(new Set(GAZETTEER.map((e) => e.id)).size).toBe(GAZETTEER.length)
  })

  it('puts every town and district inside the province it is filed under', () => {
    for (const entry of GAZETTEER.filter((e) => e.kind !== 'province')) {
      expect(provinceAt(entry.point), entry.id).toBe(entry.province)
    }
  })

  it('gives every entry a Dari name in Arabic script', () => {
    for (const entry of GAZETTEER)
      expect(entry.nameFa, entry.id).toMatch(/^[\u0600-\u06FF\u200C ]+$/)
  })
})

describe('searching the gazetteer', () => {
  it('finds a province by Natural Earth’s spelling and by common usage', () => {
    for (const [query, iso] of [
      ['Hilmand', 'AF-HEL'],
      ['Helmand', 'AF-HEL'],
      ['Hirat', 'AF-HER'],
      ['Paktya', 'AF-PKA'],
      ['Paktia', 'AF-PKA'],
      ['Sari Pul', 'AF-SAR'],
      ['Sar-e Pol', 'AF-SAR'],
      ['bamiyan', 'AF-BAM'],
    ] as const) {
      expect(ids(query)[0], query).toBe(iso)
    }
  })

  it('finds by Dari spelling, with or without the word for province and the letter variants', () => {
    expect(ids('پنجشیر')[0]).toBe('AF-PAN')
    expect(ids('ولایت پنجشیر')[0]).toBe('AF-PAN')
    // Arabic yeh and kaf for the Persian letters, as many keyboards type them.
    expect(ids('كابل')).toContain('AF-KAB')
    expect(ids('اندراب')).toEqual(['AF-BGL/andarab'])
  })

  it('matches transliteration variants it was never given', () => {
    expect(searchGazetteer('Hellmand')[0]).toMatchObject({
      quality: 'variant',
      entry: { id: 'AF-HEL' },
    })
    expect(ids('Qunduz')[0]).toBe('AF-KDZ')
  })

  it('ranks exact matches first, provinces before their towns, and matches prefixes while typing', () => {
    expect(ids('Kabul')).toEqual(['AF-KAB', 'AF-KAB/kabul'])
    expect(ids('Andar')).toContain('AF-BGL/andarab')
    expect(ids('Panj')[0]).toBe('AF-PAN')
    expect(searchGazetteer('')).toEqual([])
    expect(searchGazetteer('Atlantis')).toEqual([])
  })

  it('suggests entries for a place from its name and aliases, without loose matches', () => {
    const found = suggestGazetteer(['Panjshir Valley', 'پنجشیر']).map((m) => m.entry.id)
    expect(found).toEqual(['AF-PAN'])
  })

  it('folds case, accents, hyphens and spaces away', () => {
    expect(foldName(' Sar-e  Pōl ')).toBe('sarepol')
    expect(foldName('جلال‌آباد')).toBe(foldName('جلالاباد'))
  })
})

import { describe, expect, it } from 'vitest'
import { groupResults, paletteMatcher, RESULT_LIMIT, type PaletteItem } from './palette-items'

const run = (): void => undefined
function item(group: string, title: string, keywords?: string[]): PaletteItem {
  return { key: `${group}:${title}`, group, title, ...(keywords ? { keywords } : {}), run }
}

const ITEMS = [
  item('Commands', 'New note'),
  item('Commands', 'Export CSV', ['spreadsheet']),
  item('Go to', 'Notes'),
  item('Groups', 'National Freedom Front', ['NFF', 'Jabha-ye Azadi']),
  item('Groups', 'National Resistance Front', ['NRF']),
  item('Sources', 'Armed opposition to the Taliban since 2021 — analyst brief'),
  item('Notes', 'Weighing the NFF’s 70% claim'),
]

describe('the palette matcher', () => {
  const match = paletteMatcher(ITEMS)

  it('finds a record by a fuzzy piece of its name, typo included', () => {
    expect(match('freedom frnt')[0]?.title).toBe('National Freedom Front')
    expect(match('analyst brief')[0]?.group).toBe('Sources')
  })

  it('finds a record by an alias or acronym, and a command by its keyword', () => {
    expect(match('NRF')[0]?.title).toBe('National Resistance Front')
    expect(match('spreadsheet')[0]?.title).toBe('Export CSV')
  })

  it('offers the commands and views before anything is typed, and nothing for gibberish', () => {
    expect(match('').map((found) => found.group)).toEqual(['Commands', 'Commands', 'Go to'])
    expect(match('qqzzxx')).toEqual([])
  })

  it('stops at the result limit on a large project', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => item('People', `Commander ${i}`))
    expect(paletteMatcher(many)('commander')).toHaveLength(RESULT_LIMIT)
  })
})

describe('grouped results', () => {
  it('lists groups in a fixed order, each keeping the match order', () => {
    const grouped = groupResults([ITEMS[6]!, ITEMS[4]!, ITEMS[0]!, ITEMS[3]!])
    expect(grouped.map((group) => group.group)).toEqual(['Commands', 'Groups', 'Notes'])
    expect(grouped[1]?.items.map((found) => found.title)).toEqual([
      'National Resistance Front',
      'National Freedom Front',
    ])
  })
})

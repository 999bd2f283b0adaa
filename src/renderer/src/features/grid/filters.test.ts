import { describe, expect, it } from 'vitest'
import { csvFileName, neutralizeFormula, withBom } from '../../ui/csv'
import { describeFilter, enumFilterPasses } from './filters'

describe('filter descriptions', () => {
  it('describes enum, text, number and date filters in words', () => {
    expect(describeFilter('Phase', { values: ['guerrilla-warfare', ''] })).toBe(
      'Phase is Guerrilla warfare or not set',
    )
    expect(describeFilter('Name', { filterType: 'text', type: 'contains', filter: 'front' })).toBe(
      'Name contains “front”',
    )
    expect(
      describeFilter('Quotes', { filterType: 'number', type: 'inRange', filter: 2, filterTo: 5 }),
    ).toBe('Quotes between 2 and 5')
    expect(
      describeFilter('Newest source', {
        filterType: 'date',
        type: 'inRange',
        dateFrom: '2024-01-01 00:00:00',
        dateTo: '2024-12-31 00:00:00',
      }),
    ).toBe('Newest source from 2024-01-01 to 2024-12-31')
    expect(
      describeFilter('Strength', {
        filterType: 'number',
        operator: 'OR',
        conditions: [
          { filterType: 'number', type: 'lessThan', filter: 100 },
          { filterType: 'number', type: 'blank' },
        ],
      }),
    ).toBe('Strength < 100 or is empty')
    expect(describeFilter('X', null)).toBeNull()
  })

  it('lets a row through an enum filter only with a chosen value', () => {
    expect(enumFilterPasses(null, 'x')).toBe(true)
    expect(enumFilterPasses({ values: ['unknown'] }, 'unknown')).toBe(true)
    expect(enumFilterPasses({ values: ['unknown'] }, undefined)).toBe(false)
    expect(enumFilterPasses({ values: [''] }, undefined)).toBe(true)
  })
})

describe('csv', () => {
  it('adds one byte order mark', () => {
    expect(withBom('a,b')).toBe('\uFEFFa,b')
    expect(withBom(withBom('a'))).toBe('\uFEFFa')
  })

  it('defuses formulas but keeps negative numbers', () => {
    expect(neutralizeFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")')
    expect(neutralizeFormula('@cmd')).toBe("'@cmd")
    expect(neutralizeFormula('-12.5')).toBe('-12.5')
    expect(neutralizeFormula('-x')).toBe("'-x")
    expect(neutralizeFormula('طالبان')).toBe('طالبان')
  })

  it('names the file after the grid and the minute', () => {
    expect(csvFileName('Groups', new Date('2025-06-01T09:05:00Z'))).toBe(
      'groups-2025-06-01-09-05.csv',
    )
  })
})

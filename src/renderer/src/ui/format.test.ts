import { describe, expect, it } from 'vitest'
import {
  formatCount,
  formatDay,
  formatDayIn,
  formatDecimal,
  formatMomentIn,
  formatPercent,
} from './format'

describe('counts and dates', () => {
  it('says "1 source", not "1 sources", and groups digits', () => {
    expect(formatCount(1, 'source', 'sources')).toBe('1 source')
    expect(formatCount(0, 'source', 'sources')).toBe('0 sources')
    expect(formatCount(12_400, 'quote', 'quotes')).toMatch(/^12.400 quotes$/)
  })

  it('writes a day in the locale, keeps a partial date partial, leaves junk alone', () => {
    expect(formatDay('2025-05-20')).toMatch(/2025/)
    expect(formatDay('2025-05-20')).toMatch(/20/)
    expect(formatDay('2025-05')).not.toMatch(/\b1\b/)
    expect(formatDay('2025')).toBe('2025')
    expect(formatDay('last spring')).toBe('last spring')
  })
})

describe('dates in another calendar', () => {
  it('writes the Solar Hijri date with Dari month names and digits', () => {
    expect(formatDayIn('2025-05-20', 'fa-AF-u-ca-persian')).toBe('۳۰ ثور ۱۴۰۴')
    expect(formatDayIn('2025', 'fa-AF-u-ca-persian')).toMatch(/۱۴۰[۳۴]/)
    expect(formatDayIn('2025-05-20', 'en-u-ca-persian')).toMatch(/1404/)
    expect(formatDayIn('2025-05-20', 'en')).toMatch(/May/)
  })
})

describe('dates in Dari with the Gregorian calendar', () => {
  it('keeps the Gregorian year, in Dari digits', () => {
    expect(formatDayIn('2025', 'fa-AF-u-ca-gregory')).toBe('۲۰۲۵')
    expect(formatDayIn('2025', 'en-u-ca-gregory')).toBe('2025')
  })
})

describe('moments', () => {
  it('write date and time in the language, calendar and digits asked for', () => {
    // Midday, so the local time zone keeps the same day.
    const noon = new Date(2025, 4, 20, 12, 5).getTime()
    expect(formatMomentIn(noon, 'fa-AF-u-ca-persian')).toMatch(/^۳۰ ثور ۱۴۰۴.*۱۲:۰۵/)
    expect(formatMomentIn(new Date(noon).toISOString(), 'en-GB')).toBe('20 May 2025, 12:05')
    expect(formatMomentIn('not a time', 'en')).toBe('not a time')
  })
})

describe('percentages and decimals', () => {
  it('keep the digits asked for, in the language in force', () => {
    expect(formatPercent(0.874)).toBe('87%')
    expect(formatDecimal(3, 1)).toBe('3.0')
    expect(formatDecimal(14.6, 0)).toBe('15')
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { getDateRange, overlapsDateRange, setDateRange, subscribeDateRange } from './date-range'

afterEach(() => setDateRange(null))

describe('the shared date range', () => {
  it('keeps a valid range and refuses a reversed or malformed one', () => {
    setDateRange({ from: '2022-01-01', to: '2022-12-31' })
    expect(getDateRange()).toEqual({ from: '2022-01-01', to: '2022-12-31' })
    setDateRange({ from: '2023-01-01', to: '2022-01-01' })
    expect(getDateRange()).toBeNull()
    setDateRange({ from: '2022', to: null })
    expect(getDateRange()).toBeNull()
  })

  it('tells subscribers once per change and never for the same range again', () => {
    const listener = vi.fn()
    const unsubscribe = subscribeDateRange(listener)
    setDateRange({ from: '2021-08-15', to: null })
    setDateRange({ from: '2021-08-15', to: null })
    expect(listener).toHaveBeenCalledTimes(1)
    setDateRange(null)
    expect(listener).toHaveBeenCalledTimes(2)
    unsubscribe()
    setDateRange({ from: '2021-08-15', to: null })
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('decides overlap with spans open on either side', () => {
    const range = { from: '2022-01-01', to: '2022-12-31' }
    expect(overlapsDateRange(null, '2030-01-01', undefined)).toBe(true)
    expect(overlapsDateRange(range, '2021-01-01', '2022-03-01')).toBe(true)
    expect(overlapsDateRange(range, '2023-01-01', undefined)).toBe(false)
    expect(overlapsDateRange(range, undefined, '2021-12-31')).toBe(false)
    expect(overlapsDateRange(range, undefined, undefined)).toBe(true)
    expect(overlapsDateRange({ from: null, to: '2022-06-30' }, '2022-06-30', undefined)).toBe(true)
  })
})

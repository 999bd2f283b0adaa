import { describe, expect, it } from 'vitest'
import { resolveTheme } from './theme'

describe('the theme', () => {
  it('follows the system unless the analyst chose', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
    expect(resolveTheme('light', true)).toBe('light')
    expect(resolveTheme('dark', false)).toBe('dark')
  })
})

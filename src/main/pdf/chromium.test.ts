import { describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from './chromium'

describe('chromiumLaunchOptions', () => {
  it('keeps the sandbox on for an ordinary user (Playwright would otherwise drop it)', () => {
    const options = chromiumLaunchOptions(1000)
    expect(options.chromiumSandbox).toBe(true)
    expect(options.args).not.toContain('--no-sandbox')
  })

  it('turns it off only as root, where Chromium cannot start with it', () => {
    const options = chromiumLaunchOptions(0)
    expect(options.chromiumSandbox).toBe(false)
    expect(options.args).toContain('--no-sandbox')
  })
})

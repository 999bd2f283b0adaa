import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The renderer's theme tokens (src/renderer/src/ui/theme.css) keep WCAG AA contrast in both
 * themes. Here rather than beside theme.css because it reads the stylesheet from disk.
 */
const CSS = readFileSync(
  join(import.meta.dirname, '..', 'src', 'renderer', 'src', 'ui', 'theme.css'),
  'utf8',
)

/** The tokens of one theme block of theme.css: "--ink" → "#1d232b". */
function tokens(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`)
  const block = css.slice(start, css.indexOf('}', start))
  return new Map(
    [...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!]),
  )
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

/** Text token → the backgrounds it is written on; each pair must reach AA (4.5:1). */
const TEXT_ON: Record<string, string[]> = {
  '--ink': ['--bg', '--panel', '--panel-2', '--hover', '--selected'],
  '--muted': ['--bg', '--panel', '--panel-2', '--hover'],
  '--link': ['--bg', '--panel', '--panel-2', '--selected'],
  '--on-accent': ['--accent', '--accent-hover'],
  '--on-danger': ['--danger', '--danger-hover'],
  '--danger-ink': ['--panel', '--danger-bg'],
  '--warning-ink': ['--panel', '--warning-bg'],
  '--success-ink': ['--panel', '--success-bg'],
  '--mention-ink': ['--mention-bg'],
  '--mark-ink': ['--mark'],
}

describe('theme tokens', () => {
  for (const [name, selector] of [
    ['light', ':root'],
    ['dark', ":root[data-theme='dark']"],
  ] as const) {
    it(`keep every text colour readable on its backgrounds (WCAG AA) in the ${name} theme`, () => {
      const theme = tokens(CSS, selector)
      const failures: string[] = []
      for (const [text, backgrounds] of Object.entries(TEXT_ON)) {
        for (const background of backgrounds) {
          const fg = theme.get(text)
          const bg = theme.get(background)
          expect(fg, `${name} ${text}`).toBeDefined()
          expect(bg, `${name} ${background}`).toBeDefined()
          const ratio = contrast(fg!, bg!)
          if (ratio < 4.5) failures.push(`${text} on ${background}: ${ratio.toFixed(2)}:1`)
        }
      }
      expect(failures).toEqual([])
    })
  }

  it('the dark theme defines every token the light one does', () => {
    const light = [...tokens(CSS, ':root').keys()]
    const dark = tokens(CSS, ":root[data-theme='dark']")
    expect(light.filter((token) => !dark.has(token))).toEqual([])
  })
})

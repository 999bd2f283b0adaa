/**
 * The Dari interface mirrors the layout by setting dir="rtl" on <html>; that only works while
 * every stylesheet says start and end instead of left and right. A physical property or value
 * in the app's CSS fails here with its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const RENDERER = join(process.cwd(), 'src/renderer/src')

const PHYSICAL = [
  /^\s*(margin|padding|border)-(left|right)(-[a-z]+)?\s*:/,
  /^\s*(left|right)\s*:/,
  /^\s*border-(top|bottom)-(left|right)-radius\s*:/,
  /^\s*(text-align|float|clear)\s*:\s*(left|right)\b/,
]

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return stylesheets(path)
    return entry.name.endsWith('.css') ? [path] : []
  })
}

/** "file:line: declaration" for each physical left/right declaration outside comments. */
export function physicalDeclarations(fileName: string, css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, (comment) =>
    comment.replace(/[^\n]/g, ' '),
  )
  return withoutComments
    .split('\n')
    .flatMap((line, index) =>
      PHYSICAL.some((pattern) => pattern.test(line))
        ? [`${fileName}:${index + 1}: ${line.trim()}`]
        : [],
    )
}

describe('stylesheets', () => {
  it('catch physical properties (the check can fail)', () => {
    const css =
      '.a {\n  margin-left: 4px;\n  /* left: 0 */\n  right: 0;\n  text-align: right;\n  margin-inline-start: 2px;\n}'
    expect(physicalDeclarations('x.css', css)).toEqual([
      'x.css:2: margin-left: 4px;',
      'x.css:4: right: 0;',
      'x.css:5: text-align: right;',
    ])
  })

  it('use logical properties only, so the layout mirrors in right-to-left languages', () => {
    const found = stylesheets(RENDERER).flatMap((path) =>
      physicalDeclarations(relative(RENDERER, path), readFileSync(path, 'utf8')),
    )
    expect(found).toEqual([])
  })
})

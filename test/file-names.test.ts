import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/**
 * One spelling of file names: kebab-case for modules, PascalCase for a file named after the
 * one thing it exports (a React component in a .tsx, a page model class in e2e/pages).
 */
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)*$/
const NAMED_AFTER_EXPORT = /^[A-Z][A-Za-z0-9]*(\.test)?\.tsx$/
const PAGE_MODEL = /^e2e\/pages\/[A-Z][A-Za-z0-9]*\.ts$/

describe('file names', () => {
  it('are kebab-case, or PascalCase where named after a component or page model', () => {
    const files = execFileSync('git', ['ls-files', 'src', 'e2e', 'test', 'bench', 'scripts'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean)
    expect(files.length).toBeGreaterThan(100)
    const offenders = files.filter((path) => {
      const name = path.slice(path.lastIndexOf('/') + 1)
      return !KEBAB.test(name) && !NAMED_AFTER_EXPORT.test(name) && !PAGE_MODEL.test(path)
    })
    expect(offenders).toEqual([])
  })
})

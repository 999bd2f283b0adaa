import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The palette offers each view's commands from routes/views.ts while the view is closed, and
 * runs them once the view registers them (ui/commands.ts): an id the view never registers
 * would be offered and do nothing. Each catalogue id must be registered by a feature file.
 */
const RENDERER = join(import.meta.dirname, '..', 'src', 'renderer', 'src')
const FEATURES = join(RENDERER, 'features')

/** The command ids the catalogue names (view ids have no dot; command ids do). */
function catalogueIds(): string[] {
  const views = readFileSync(join(RENDERER, 'routes', 'views.ts'), 'utf8')
  return [...new Set([...views.matchAll(/\bid: '([\w-]+\.[\w.-]+)'/g)].map((m) => m[1]!))]
}

function featureSources(): string {
  return readdirSync(FEATURES, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
    .map((path) => readFileSync(join(FEATURES, path), 'utf8'))
    .join('\n')
}

describe('the views’ command catalogue', () => {
  const sources = featureSources()
  it('names some commands', () => {
    expect(catalogueIds()).toContain('notes.new')
  })
  it.each(catalogueIds())('"%s" is registered by its view', (id) => {
    expect(sources).toContain(`id: '${id}'`)
  })
})

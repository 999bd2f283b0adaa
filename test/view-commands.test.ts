import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VIEWS } from '../src/renderer/src/routes/views'

/**
 * The palette offers each view's commands from routes/views.ts while the view is closed, and
 * runs them once the view registers them (ui/commands.ts): an id the view never registers
 * would be offered and do nothing. Each catalogue id must be registered by a feature file.
 */
const FEATURES = join(import.meta.dirname, '..', 'src', 'renderer', 'src', 'features')

function featureSources(): string {
  return readdirSync(FEATURES, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
    .map((path) => readFileSync(join(FEATURES, path), 'utf8'))
    .join('\n')
}

describe('the views’ command catalogue', () => {
  const sources = featureSources()
  it.each(VIEWS.flatMap((view) => view.commands.map((command) => [view.id, command.id])))(
    '%s: "%s" is registered by its view',
    (_view, id) => {
      expect(sources).toMatch(new RegExp(`id: '${id.replace('.', '\\.')}'`))
    },
  )
})

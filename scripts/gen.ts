/**
 * Generates a realistic project folder for benchmarks and manual testing.
 *
 *   npm run gen -- --preset medium [--seed 7] [--out /tmp/medium]
 *   npm run gen -- --sources 100 --annotations 1000 --entities 400 --relations 900 --notes 30
 */
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import {
  DEFAULT_SEED,
  generateProject,
  isPresetName,
  PRESET_NAMES,
  PRESETS,
  writeProjectFolder,
  type ProjectCounts,
} from '../bench/generate'

const USAGE = `Usage: npm run gen -- [--preset ${PRESET_NAMES.join('|')}] [--sources N] [--annotations N]
       [--entities N] [--relations N] [--notes N] [--seed N] [--out <folder>] [--force]

Writes a project folder (snapshot.1.jsonl, an empty journal.1.jsonl, sources/<sha256>.txt). Counts given explicitly
override the preset's (default preset: small). The folder defaults to one under the
system's temp folder; --force replaces a project already there.`

const COUNT_FLAGS = ['sources', 'annotations', 'entities', 'relations', 'notes'] as const

function main(): void {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      sources: { type: 'string' },
      annotations: { type: 'string' },
      entities: { type: 'string' },
      relations: { type: 'string' },
      notes: { type: 'string' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const presetName = values.preset ?? 'small'
  if (!isPresetName(presetName)) {
    throw new UsageError(`unknown preset "${presetName}" (one of ${PRESET_NAMES.join(', ')})`)
  }
  const counts: ProjectCounts = { ...PRESETS[presetName] }
  let custom = false
  for (const flag of COUNT_FLAGS) {
    const raw = values[flag]
    if (typeof raw === 'string') {
      counts[flag] = wholeNumber(flag, raw)
      custom = true
    }
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : wholeNumber('seed', values.seed)
  const label = custom ? 'custom' : presetName
  const folder = resolve(values.out ?? join(tmpdir(), `sightline-${label}-seed${seed}.generated`))

  const started = performance.now()
  const project = generateProject({ ...counts, seed })
  writeProjectFolder(folder, project, { overwrite: values.force === true }).then(
    (written) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`
      console.log(
        `Generated ${label} project (seed ${seed}) in ${seconds} s: ${COUNT_FLAGS.map((k) => `${counts[k]} ${k}`).join(', ')}.`,
      )
      console.log(`snapshot ${mb(written.projectBytes)}, source texts ${mb(written.textBytes)}`)
      console.log(`Folder: ${written.folder}`)
      console.log(`Open it: node out/main/serve.js --project ${JSON.stringify(written.folder)}`)
    },
    (error: Error) => {
      console.error(error.message)
      process.exitCode = 1
    },
  )
}

class UsageError extends Error {}

function wholeNumber(flag: string, raw: string): number {
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) {
    throw new UsageError(`--${flag} wants a whole number, not "${raw}"`)
  }
  return n
}

try {
  main()
} catch (error) {
  console.error((error as Error).message)
  if (error instanceof UsageError) console.error(USAGE)
  process.exitCode = 1
}

import { findChromium } from '../src/main/pdf/find-chromium'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from './app'
import { DEFAULT_SEED, generateProject, PRESETS, writeProjectFolder } from './generate'
import type { BenchContext } from './types'

export interface ContextOptions {
  quick: boolean
  runs: number
  log?: (message: string) => void
}

/**
 * Where a run whose suites each have a process of their own (index.ts) notes that the app
 * was built: the first suite that asks builds it, the others find the note.
 */
export const BUILT_MARKER_ENV = 'SIGHTLINE_BENCH_BUILT_MARKER'

/** The context every suite receives, and its cleanup. */
export async function createContext(
  options: ContextOptions,
): Promise<{ ctx: BenchContext; dispose: () => Promise<void> }> {
  const tmpDir = await mkdtemp(join(tmpdir(), 'sightline-bench-'))
  const log = options.log ?? ((message: string) => console.error(message))
  const projects = new Map<string, Promise<string>>()
  let built: Promise<void> | undefined
  const chromiumPath = findChromium()
  const ctx: BenchContext = {
    quick: options.quick,
    runs: options.runs,
    tmpDir,
    ...(chromiumPath ? { chromiumPath } : {}),
    preset: options.quick ? 'small' : 'medium',
    log,
    project(preset) {
      let folder = projects.get(preset)
      if (!folder) {
        folder = (async () => {
          const started = performance.now()
          const generated = generateProject({ ...PRESETS[preset], seed: DEFAULT_SEED })
          const written = await writeProjectFolder(join(tmpDir, `${preset}-project`), generated)
          log(
            `  generated the ${preset} project (${(written.projectBytes / 1e6).toFixed(1)} MB snapshot) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
          )
          return written.folder
        })()
        projects.set(preset, folder)
      }
      return folder
    },
    build() {
      built ??= (async () => {
        const marker = process.env[BUILT_MARKER_ENV]
        if (marker && existsSync(marker)) return
        const started = performance.now()
        await buildApp()
        log(`  built the app in ${((performance.now() - started) / 1000).toFixed(1)} s`)
        if (marker) await writeFile(marker, '')
      })()
      return built
    },
  }
  return { ctx, dispose: () => rm(tmpDir, { recursive: true, force: true }) }
}

/**
 * Where a store worker's code is: beside this module when running from source (through
 * tsx, booted by worker-boot.mjs), else the built entry (electron.vite.config.ts), next to
 * the bundle or one folder up from a shared chunk.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface WorkerEntry {
  url: URL
  /** From source: the TypeScript entry worker-boot.mjs imports. */
  workerData?: { entry: string }
}

/**
 * `name`: the build entry's name, e.g. 'compaction-worker'. `source`: its TypeScript file,
 * by default src/main/core/store/<name>.ts (a worker of another folder passes its own).
 */
export function workerEntry(
  name: string,
  source: URL = new URL(`./${name}.ts`, import.meta.url),
): WorkerEntry {
  if (import.meta.url.endsWith('.ts')) {
    return {
      url: new URL('./worker-boot.mjs', import.meta.url),
      workerData: { entry: source.href },
    }
  }
  for (const candidate of [`./${name}.js`, `../${name}.js`, `./${name}.mjs`, `../${name}.mjs`]) {
    const url = new URL(candidate, import.meta.url)
    if (existsSync(fileURLToPath(url))) return { url }
  }
  throw new Error(`The ${name} is missing from this build (${name}.js).`)
}

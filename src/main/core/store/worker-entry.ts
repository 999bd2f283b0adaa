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
 * `name`: the built entry's base name, e.g. 'compaction-worker'; `source`: its TypeScript
 * file relative to this folder, when it is not `./<name>.ts` (e.g. '../exchange/worker.ts').
 */
export function workerEntry(name: string, source = `./${name}.ts`): WorkerEntry {
  if (import.meta.url.endsWith('.ts')) {
    return {
      url: new URL('./worker-boot.mjs', import.meta.url),
      workerData: { entry: new URL(source, import.meta.url).href },
    }
  }
  for (const candidate of [`./${name}.js`, `../${name}.js`, `./${name}.mjs`, `../${name}.mjs`]) {
    const url = new URL(candidate, import.meta.url)
    if (existsSync(fileURLToPath(url))) return { url }
  }
  throw new Error(`The ${name} is missing from this build (${name}.js).`)
}

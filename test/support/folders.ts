import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const SAMPLE_DIR = resolve(import.meta.dirname, '../../data/sample')

/** A fresh temp folder; call the returned cleanup in afterEach. */
export async function tempDir(
  prefix = 'sightline-test-',
): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) }
}

/** Copies the shipped sample project into `parent`/sample and returns its folder. */
export async function copySample(parent: string): Promise<string> {
  const target = join(parent, 'sample')
  await cp(SAMPLE_DIR, target, { recursive: true })
  return target
}

/**
 * For a test file of team sync: a hub and a scratch folder, started before its tests and
 * removed after them; a wait for a condition that something else brings about; and
 * plain records to fill a project with.
 */
import { afterAll, beforeAll } from 'vitest'
import type { Entity } from '../../src/shared/model'
import { tempDir } from './folders'
import { startTeamHub, type TeamHub } from './team-hub'

export function hubAndFolderPerFile(prefix: string): { hub: TeamHub; folder: string } {
  let hub: TeamHub | undefined
  let dir: { path: string; cleanup: () => Promise<void> } | undefined
  beforeAll(async () => {
    hub = await startTeamHub()
    dir = await tempDir(prefix)
  })
  afterAll(async () => {
    await hub?.close()
    await dir?.cleanup()
  })
  return {
    get hub() {
      return hub!
    },
    get folder() {
      return dir!.path
    },
  }
}

export async function until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A place entity numbered `i` (id `e-<i>`), the same on every call. */
export function numberedPlace(i: number): Entity {
  const at = '2026-01-01T00:00:00.000Z'
  return {
    id: `e-${i}`,
    createdAt: at,
    updatedAt: at,
    type: 'place',
    name: `Place ${i}`,
    description: '',
    aliases: [],
    attributes: {},
  }
}

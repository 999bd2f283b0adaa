/**
 * For a test file of team sync: a hub and a scratch folder, started before its tests and
 * removed after them; and a wait for a condition that something else brings about.
 */
import { afterAll, beforeAll } from 'vitest'
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

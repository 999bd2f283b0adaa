/**
 * Live team sync against a hub that goes away (the network lost, the laptop asleep) and
 * comes back: replication resumes by itself, the status says so, and the peers converge.
 */
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import type { SyncStatus } from '../../../shared/api/sync'
import type { Entity } from '../../../shared/model'
import { tempDir } from '../../../../test/support/folders'
import { startTeamHub } from '../../../../test/support/team-hub'
import { until } from '../../../../test/support/team-hub-fixture'
import type { ProjectStore } from '../project-store'
import { Workspace } from '../workspace'

let cleanups: Array<() => Promise<void>> = []

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
})

function addGroup(store: ProjectStore, id: string, name: string): void {
  const at = new Date().toISOString()
  const group: Entity = {
    id,
    createdAt: at,
    updatedAt: at,
    type: 'group',
    name,
    aliases: [],
    description: '',
    attributes: {},
  }
  store.mutate((data) => {
    data.entities.push(group)
  })
}

const names = (store: ProjectStore): string[] => store.data.entities.map((e) => e.name).sort()

/** Longer than live replication's longest back-off between two retries (30 s). */
const RETRY_WINDOW_MS = 45_000

it(
  'resumes live replication after the hub was gone: offline, then syncing, then synced, and both peers converge',
  async () => {
    const hub = await startTeamHub()
    const dir = await tempDir('sightline-live-')
    cleanups.push(async () => {
      await hub.close()
      await dir.cleanup()
    })
    const open = async (name: string): Promise<{ workspace: Workspace; store: ProjectStore }> => {
      const workspace = new Workspace({
        userDataDir: join(dir.path, `user-${name}`),
        store: { writeDelayMs: 5, backups: false },
      })
      cleanups.push(() => workspace.close())
      const store = await workspace.create(name, join(dir.path, name))
      await workspace.sync.setAuthor(store, name)
      return { workspace, store }
    }

    const amina = await open('Amina')
    await amina.workspace.sync.link(amina.store, { url: hub.databaseUrl('live'), live: true })
    const live = await amina.workspace.sync.forStore(amina.store)
    const states: SyncStatus['state'][] = []
    live.onStatus((status) => {
      if (states.at(-1) !== status.state) states.push(status.state)
    })
    addGroup(amina.store, 'g-before', 'Made before the outage')
    await until('the first live sync', () => live.currentStatus().state === 'synced')

    await hub.stop()
    addGroup(amina.store, 'g-offline', 'Made while the hub was gone')
    await until('the status to say offline', () => live.currentStatus().state === 'offline')
    expect(live.currentStatus().reason).toMatch(/cannot be reached/)

    await hub.restart()
    const bashir = await open('Bashir')
    await bashir.workspace.sync.link(bashir.store, { url: hub.databaseUrl('live'), live: false })
    const onDemand = await bashir.workspace.sync.forStore(bashir.store)
    // Amina's edit made offline reaches the hub without anyone asking: by her next retry,
    // which may come as late as the longest back-off (30 s, retryDelay) when the hub was
    // gone long enough (a loaded machine is slow to notice), so the wait outlasts that.
    const deadline = Date.now() + RETRY_WINDOW_MS
    while (Date.now() < deadline) {
      await onDemand.syncNow()
      if (names(bashir.store).includes('Made while the hub was gone')) break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(names(bashir.store)).toContain('Made while the hub was gone')
    const lastOffline = states.lastIndexOf('offline')
    expect(lastOffline).toBeGreaterThanOrEqual(0)
    expect(states.slice(lastOffline, lastOffline + 2)).toEqual(['offline', 'syncing'])
    await until('Amina to be synced', () => live.currentStatus().state === 'synced')

    // And what Bashir sends arrives on Amina's side by itself.
    addGroup(bashir.store, 'g-bashir', 'Sent by Bashir')
    await onDemand.syncNow()
    await until('Bashir’s group on Amina’s side', () =>
      names(amina.store).includes('Sent by Bashir'),
    )
    await until('both synced', () => live.currentStatus().state === 'synced')
    await onDemand.syncNow()
    expect(names(bashir.store)).toEqual(names(amina.store))
    expect(names(amina.store)).toEqual([
      'Made before the outage',
      'Made while the hub was gone',
      'Sent by Bashir',
    ])
  },
  RETRY_WINDOW_MS + 60_000,
)

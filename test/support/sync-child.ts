/**
 * A child process for the sync kill test: opens (or creates) a project, links it to the
 * hub and syncs, printing SYNCING when replication starts; the test kills it mid-way.
 * Usage: node --import tsx sync-child.ts <project> <user-data> <hub-url> open|create
 */
import { Workspace } from '../../src/main/core/workspace'

const [project, userData, hubUrl, how] = process.argv.slice(2) as [string, string, string, string]
const workspace = new Workspace({
  userDataDir: userData,
  store: { writeDelayMs: 5, backups: false },
  // A kill ends the process whichever thread the mirror runs in; this one starts sooner.
  syncInThisThread: true,
})
const store =
  how === 'create' ? await workspace.create('Peer', project) : await workspace.open(project)
await workspace.sync.setAuthor(store, 'Child')
await workspace.sync.link(store, { url: hubUrl, live: false })
const sync = await workspace.sync.forStore(store)
process.stdout.write('SYNCING\n')
await sync.syncNow()
process.stdout.write('DONE\n')
await workspace.close()
process.exit(0)

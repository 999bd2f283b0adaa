/**
 * A child process for the sync kill test: opens (or creates) a project, links it to the
 * hub and syncs, printing SYNCING when replication starts; the test kills it mid-way.
 * Usage: node --import tsx sync-child.ts <project> <user-data> <hub-url> open|create [engine-process]
 * With `engine-process` the sync engine runs in its own process, as in the app, with live
 * replication on (which keeps it busy by itself), and its process id is printed
 * (ENGINE <pid>) before SYNCING.
 */
import { Workspace } from '../../src/main/core/workspace'

const [project, userData, hubUrl, how, engine] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string | undefined,
]
const workspace = new Workspace({
  userDataDir: userData,
  store: { writeDelayMs: 5, backups: false },
  // The kill test strikes the engine itself mid-replication, so it runs in this process
  // (which also starts sooner). In the app's own layout a kill of the app ends the engine's
  // process too, as its IPC channel closes (sync-process.test.ts).
  syncInThisThread: engine !== 'engine-process',
})
const store =
  how === 'create' ? await workspace.create('Peer', project) : await workspace.open(project)
await workspace.sync.setAuthor(store, 'Child')
await workspace.sync.link(store, { url: hubUrl, live: false })
const sync = await workspace.sync.forStore(store)
if (sync.processId) {
  await sync.startLive()
  process.stdout.write(`ENGINE ${sync.processId}\n`)
}
process.stdout.write('SYNCING\n')
await sync.syncNow()
process.stdout.write('DONE\n')
await workspace.close()
process.exit(0)

/**
 * The sync engine's entry: a child process of the app (sync-client.ts forks it) that
 * serves the project's mirror (sync-service.ts) over its IPC channel. Bundled as
 * out/main/sync-worker.js (electron.vite.config.ts).
 */
import { runWholeProcessInBackground } from '../background-thread'
import type { FromWorker, ToWorker } from './sync-protocol'

// Before PouchDB loads: the threads it starts (libuv's pool, LevelDB's) take the priority
// of the thread that starts them, so lowering the ones there are now is enough.
runWholeProcessInBackground()
const { serveSync } = await import('./sync-service')
const folder = process.argv[2]
if (!folder || !process.send) throw new Error('The sync engine runs as a child process of the app.')
serveSync(
  {
    // A send that meets a closed channel (the app just went) is dropped here rather than
    // thrown: the disconnect below ends the process.
    postMessage: (message: FromWorker) => {
      if (process.connected) process.send!(message, undefined, undefined, () => undefined)
    },
    on: (_event, listener) => process.on('message', (message) => listener(message as ToWorker)),
  },
  folder,
)
// The app is gone (closed, or killed): nothing is left to sync for. The mirror is safe
// against a kill at any point, so ending here loses nothing.
process.on('disconnect', () => process.exit(0))

/**
 * The compaction worker's entry: one job in (workerData), one result or error out. It
 * reads and writes files only; the object graph never crosses the thread boundary.
 * Built as its own entry (electron.vite.config.ts) and run from source in tests.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runInBackground } from '../background-thread'
import { compact, type CompactionJob } from './compaction'

const port = parentPort
if (!port) throw new Error('compaction-worker runs in a worker thread only')
// Background work: when the main thread wakes (an edit, a sync's slice of remote changes) it
// should have a core at once, not behind this thread. What waits on a compaction (a close, a
// backup) loses nothing on an idle machine; under load it yields, as the import worker does.
runInBackground()

try {
  const result = await compact(workerData as CompactionJob)
  port.postMessage({ ok: true, result })
} catch (error) {
  const failure = error as NodeJS.ErrnoException & { file?: string; kind?: string }
  port.postMessage({
    ok: false,
    error: {
      name: failure.name,
      message: failure.message,
      ...(failure.code ? { code: failure.code } : {}),
      ...(failure.file ? { file: failure.file, kind: failure.kind } : {}),
    },
  })
}

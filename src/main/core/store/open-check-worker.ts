/**
 * The open-check worker's entry: a folder in (workerData), a verdict out (open-check.ts).
 * Built as its own entry (electron.vite.config.ts) and run from source in tests.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { checkFolder } from './open-check'

const port = parentPort
if (!port) throw new Error('open-check-worker runs in a worker thread only')
port.postMessage(await checkFolder((workerData as { folder: string }).folder))

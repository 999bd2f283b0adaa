/**
 * The sync worker thread: serves the project's mirror (sync-service.ts) to the main
 * process. Bundled as out/main/sync-worker.js (electron.vite.config.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { serveSync } from './sync-service'

serveSync(parentPort!, (workerData as { folder: string }).folder)

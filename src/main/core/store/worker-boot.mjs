// Runs a TypeScript worker from source (tests, the bench under tsx): registers tsx's
// loader in this thread, then imports the entry named in workerData.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.entry)

/**
 * The open-check worker's entry: folders in, one verdict out for each (open-check.ts),
 * one after another. Built as its own entry (electron.vite.config.ts) and run from
 * source in tests.
 */
import { parentPort } from 'node:worker_threads'
import { checkFolder } from './open-check'

const port = parentPort
if (!port) throw new Error('open-check-worker runs in a worker thread only')
let queue = Promise.resolve()
port.on('message', ({ job, folder }: { job: number; folder: string }) => {
  queue = queue.then(async () => {
    const verdict = await checkFolder(folder)
    try {
      port.postMessage({ job, verdict })
    } catch (error) {
      port.postMessage({ job, verdict: { ok: false, failure: (error as Error).message } })
    }
  })
})

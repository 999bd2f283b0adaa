/**
 * The suggester's worker thread: reads texts off the main thread, one request at a time.
 * Built as its own entry (out/main/suggestions-worker.js); runner.ts starts it.
 */
import { parentPort } from 'node:worker_threads'
import { suggest, type SuggestInput } from './suggest'

export interface WorkerRequest {
  id: number
  input: SuggestInput
}

export type WorkerReply =
  | { id: number; ok: true; output: ReturnType<typeof suggest>; tookMs: number }
  | { id: number; ok: false; message: string }

parentPort?.on('message', (request: WorkerRequest) => {
  const started = performance.now()
  let reply: WorkerReply
  try {
    const output = suggest(request.input)
    reply = { id: request.id, ok: true, output, tookMs: performance.now() - started }
  } catch (error) {
    reply = {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    }
  }
  parentPort!.postMessage(reply)
})

import type { LayoutProgressListener, LayoutRequest, LayoutResult } from './layout-plan'
import { t } from '../../ui/i18n'

export type LayoutReply =
  | { type: 'done'; result: LayoutResult }
  | { type: 'progress'; done: number; of: number }
  | { type: 'error'; message: string }

export class LayoutCancelled extends Error {
  constructor() {
    super(t('graph.theLayoutWasCancelled'))
    this.name = 'LayoutCancelled'
  }
}

export interface RunningLayout {
  result: Promise<LayoutResult>
  /** Stops the computation at once (the worker is terminated); `result` rejects with LayoutCancelled. */
  cancel(): void
}

/**
 * Lays a graph out in a fresh Web Worker. One worker per run: terminating is the only way to
 * stop a synchronous layout midway, and starting a worker costs little next to a layout.
 */
export function runLayoutInWorker(
  request: LayoutRequest,
  onProgress?: LayoutProgressListener,
): RunningLayout {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' })
  let settle: ((outcome: { result?: LayoutResult; error?: Error }) => void) | undefined
  const result = new Promise<LayoutResult>((resolve, reject) => {
    settle = ({ result: value, error }) => {
      settle = undefined
      worker.terminate()
      if (value) resolve(value)
      else reject(error ?? new Error('The layout stopped.'))
    }
  })
  worker.onmessage = (event: MessageEvent<LayoutReply>) => {
    const message = event.data
    if (message.type === 'progress') {
      if (settle) onProgress?.(message.done, message.of)
    } else if (message.type === 'done') settle?.({ result: message.result })
    else settle?.({ error: new Error(`The layout failed: ${message.message}`) })
  }
  worker.onerror = (event) => {
    event.preventDefault()
    settle?.({ error: new Error(`The layout failed: ${event.message || 'worker error'}`) })
  }
  worker.postMessage(request)
  return { result, cancel: () => settle?.({ error: new LayoutCancelled() }) }
}

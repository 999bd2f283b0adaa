/**
 * The layout Web Worker: runs the layout off the UI thread, so the chart stays responsive
 * while a large graph is laid out, and tells how far it has got when the layout can say.
 * Cancelling terminates the worker.
 */
import { computeLayout } from './layout'
import type { LayoutRequest } from './layout-plan'
import type { LayoutReply } from './layout-runner'

function reply(message: LayoutReply): void {
  self.postMessage(message)
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  try {
    const result = computeLayout(event.data, (done, of) => reply({ type: 'progress', done, of }))
    reply({ type: 'done', result })
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
}

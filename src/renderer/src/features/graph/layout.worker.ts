/**
 * The layout Web Worker: runs cytoscape headless off the UI thread, so the chart stays
 * responsive while a large graph is laid out. Cancelling terminates the worker.
 */
import { computeLayout, type LayoutRequest } from './layout'
import type { LayoutReply } from './layout-runner'

function reply(message: LayoutReply): void {
  self.postMessage(message)
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  try {
    reply({ type: 'done', result: computeLayout(event.data) })
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
}

import type { Protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from '../../shared/ipc'
import { loadRendererAsset } from '../core/renderer-assets'

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
}

/** Serves the built renderer on app://sightline/, refusing any path outside it. */
export function serveRenderer(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const asset = url.host === APP_HOST ? await loadRendererAsset(root, url.pathname) : null
    if (!asset) return new Response('Not found', { status: 404 })
    return new Response(new Uint8Array(asset.body), { headers: asset.headers })
  })
}

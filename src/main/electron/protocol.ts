import { readFile } from 'node:fs/promises'
import type { Protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from '../../shared/ipc'
import {
  contentSecurityPolicy,
  contentTypeOf,
  newNonce,
  renderIndexHtml,
  resolveAssetPath,
} from '../core/renderer-assets'

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
}

/** Serves the built renderer on app://sightline/, refusing any path outside it. */
export function serveRenderer(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === APP_HOST ? resolveAssetPath(root, url.pathname) : null
    if (!file) return new Response('Not found', { status: 404 })
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return new Response('Not found', { status: 404 })
    }
    if (file.endsWith('index.html')) {
      const nonce = newNonce()
      return new Response(renderIndexHtml(body.toString('utf8'), nonce), {
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': contentSecurityPolicy(nonce),
        },
      })
    }
    return new Response(new Uint8Array(body), { headers: { 'Content-Type': contentTypeOf(file) } })
  })
}

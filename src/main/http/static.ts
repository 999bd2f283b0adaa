import type { ServerResponse } from 'node:http'
import { loadRendererAsset } from '../core/renderer-assets'

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/** Serves a file of the built renderer; index.html gets a fresh nonce and the CSP. */
export async function serveAsset(
  root: string,
  urlPath: string,
  res: ServerResponse,
): Promise<void> {
  const asset = await loadRendererAsset(root, urlPath)
  if (!asset) {
    res
      .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
      .end('Not found')
    return
  }
  res.writeHead(200, { ...asset.headers, ...SECURITY_HEADERS }).end(asset.body)
}

import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import {
  contentSecurityPolicy,
  contentTypeOf,
  newNonce,
  renderIndexHtml,
  resolveAssetPath,
} from '../core/renderer-assets'

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
  const file = resolveAssetPath(root, urlPath)
  let body: Buffer
  try {
    if (!file) throw new Error('outside the bundle')
    body = await readFile(file)
  } catch {
    res
      .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
      .end('Not found')
    return
  }
  if (file.endsWith('index.html')) {
    const nonce = newNonce()
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(nonce),
      'Cache-Control': 'no-store',
      ...SECURITY_HEADERS,
    })
    res.end(renderIndexHtml(body.toString('utf8'), nonce))
    return
  }
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Cache-Control': 'no-cache',
    ...SECURITY_HEADERS,
  })
  res.end(body)
}

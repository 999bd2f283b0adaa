import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { reportStyleHashSource } from './report/style'

/** Where the renderer reads the per-load style nonce that ag-grid needs under the CSP. */
export const STYLE_NONCE_META = 'sightline-style-nonce'
const NONCE_PLACEHOLDER = '%SIGHTLINE_STYLE_NONCE%'

export function newNonce(): string {
  return randomBytes(18).toString('base64')
}

/**
 * The page's Content-Security-Policy: only our own origin, no remote anything. Styles
 * need a nonce because ag-grid injects <style> elements (measured: 26 violations
 * without it); widening style-src to 'unsafe-inline' would be the lazy alternative.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // The report preview (an iframe with srcdoc, which inherits this policy) has one
    // <style>, always the same text: allowed by its hash, and its fonts are data: URLs.
    `style-src 'self' 'nonce-${nonce}' ${reportStyleHashSource()}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ')
}

/** Fills the nonce into the built index.html (its <meta> and the CSP must agree). */
export function renderIndexHtml(template: string, nonce: string): string {
  return template.replaceAll(NONCE_PLACEHOLDER, nonce)
}

/**
 * Maps a URL path to a file inside `root`, or null when it would escape it
 * (`..`, encoded separators, absolute paths, NUL).
 */
export function resolveAssetPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded.replace(/^\/+/, '') || 'index.html'
  if (relative.split('/').some((part) => part === '..')) return null
  const base = resolve(root)
  const file = resolve(base, relative)
  return file.startsWith(base + sep) ? file : null
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

export interface RendererAsset {
  body: Uint8Array
  headers: Record<string, string>
}

/**
 * Reads a file of the built renderer for either transport (app:// or loopback HTTP);
 * index.html gets a fresh nonce and the CSP. Null when the path is outside the bundle
 * or missing.
 */
export async function loadRendererAsset(
  root: string,
  urlPath: string,
): Promise<RendererAsset | null> {
  const file = resolveAssetPath(root, urlPath)
  if (!file) return null
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return null
  }
  if (file.endsWith('index.html')) {
    const nonce = newNonce()
    return {
      body: new TextEncoder().encode(renderIndexHtml(body.toString('utf8'), nonce)),
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': contentSecurityPolicy(nonce),
        'Cache-Control': 'no-store',
      },
    }
  }
  return { body, headers: { 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache' } }
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * The token cookie's name for the server on `port`. Browsers send a 127.0.0.1 cookie to
 * every port of it, so a fixed name would hand the token to any other local web app (and
 * let one shadow it with its own): each port has its own name, and only that one counts.
 */
export function tokenCookieName(port: number): string {
  return `sightline-token-${port}`
}
export const TOKEN_HEADER = 'x-sightline-token'

/** A 256-bit secret per run: only whoever was handed the printed URL gets in. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time comparison; hashing first makes the lengths equal. */
export function tokenMatches(expected: string, offered: string | undefined): boolean {
  if (!offered) return false
  const a = createHash('sha256').update(expected).digest()
  const b = createHash('sha256').update(offered).digest()
  return timingSafeEqual(a, b)
}

/**
 * The tokens a request offers: the header, else the URL, else every cookie of this port's
 * name (a page of another app on 127.0.0.1 may have set one of the same name beside ours).
 */
export function offeredTokens(req: IncomingMessage, url: URL, port: number): string[] {
  const header = req.headers[TOKEN_HEADER]
  if (typeof header === 'string') return [header]
  const fromQuery = url.searchParams.get('token')
  if (fromQuery) return [fromQuery]
  const cookieName = tokenCookieName(port)
  const offered: string[] = []
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === cookieName) offered.push(value.join('='))
  }
  return offered
}

/** DNS rebinding: a foreign name resolving to 127.0.0.1 still carries its own Host. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** A write must come from our own page (or from a non-browser client, which sends no Origin). */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return false
  const origin = req.headers.origin
  if (origin === undefined) return true
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

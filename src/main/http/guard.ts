import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const TOKEN_COOKIE = 'sightline-token'
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

export function offeredToken(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers[TOKEN_HEADER]
  if (typeof header === 'string') return header
  const fromQuery = url.searchParams.get('token')
  if (fromQuery) return fromQuery
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === TOKEN_COOKIE) return value.join('=')
  }
  return undefined
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

import type * as NodeCrypto from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'

// Spy on the comparison the guard must use, keeping its real behaviour.
const crypto = vi.hoisted(() => ({ compared: [] as [number, number][] }))
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof NodeCrypto>()
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      crypto.compared.push([a.byteLength, b.byteLength])
      return real.timingSafeEqual(a, b)
    },
  }
})

const { hostAllowed, newToken, originAllowed, tokenMatches } = await import('./guard')

afterEach(() => {
  crypto.compared.length = 0
})

describe('the token', () => {
  it('is 256 bits from the system CSPRNG, different every run', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newToken()))
    expect(tokens.size).toBe(50)
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    }
  })

  it('is compared in constant time: always through timingSafeEqual, on equal-length digests', () => {
    const token = newToken()
    const offers = [
      token,
      `${token}x`,
      token.slice(0, 10),
      'x',
      token.toUpperCase(),
      'a'.repeat(10_000),
    ]
    const verdicts = offers.map((offer) => tokenMatches(token, offer))
    expect(verdicts).toEqual([true, false, false, false, false, false])
    // Every offer, whatever its length, went through the constant-time comparison of two
    // 32-byte digests: no early exit on a length mismatch or first differing character.
    expect(crypto.compared).toEqual(offers.map(() => [32, 32]))
  })

  it('refuses a missing or empty token without comparing', () => {
    expect(tokenMatches(newToken(), undefined)).toBe(false)
    expect(tokenMatches(newToken(), '')).toBe(false)
  })
})

const request = (headers: Record<string, string>): IncomingMessage =>
  ({ headers }) as unknown as IncomingMessage

describe('the Host and Origin checks', () => {
  it.each([
    ['127.0.0.1:4000', true],
    ['localhost:4000', true],
    ['127.0.0.1:4001', false],
    ['127.0.0.1', false],
    ['[::1]:4000', false],
    ['0.0.0.0:4000', false],
    ['127.0.0.2:4000', false],
    ['evil.example:4000', false],
    ['localhost.evil.example:4000', false],
    ['127.0.0.1:4000.evil.example', false],
    ['LOCALHOST:4000', false],
    ['', false],
  ])('Host %j allowed: %s', (host, allowed) => {
    expect(hostAllowed(request(host ? { host } : {}), 4000)).toBe(allowed)
  })

  it.each([
    [undefined, undefined, true],
    ['http://127.0.0.1:4000', undefined, true],
    ['http://localhost:4000', 'same-origin', true],
    ['http://127.0.0.1:4000', 'cross-site', false],
    ['null', undefined, false],
    ['http://127.0.0.1:4000.evil.example', undefined, false],
    ['https://127.0.0.1:4000', undefined, false],
    ['http://127.0.0.1:4001', undefined, false],
    [undefined, 'cross-site', false],
  ])('Origin %j with Sec-Fetch-Site %j allowed: %s', (origin, site, allowed) => {
    const headers: Record<string, string> = {}
    if (origin !== undefined) headers.origin = origin
    if (site !== undefined) headers['sec-fetch-site'] = site
    expect(originAllowed(request(headers), 4000)).toBe(allowed)
  })
})

import { webcrypto } from 'node:crypto'

/**
 * The sha256 of a text (as UTF-8) or of bytes, in hex. WebCrypto digests on libuv's thread
 * pool, so hashing an imported 15 MB text or reading a large stored one does not block the
 * main event loop (createHash would, for tens of milliseconds).
 */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const digest = await webcrypto.subtle.digest('SHA-256', bytes)
  return Buffer.from(digest).toString('hex')
}

/** The app:// handler serves the built renderer and nothing outside it, whatever the URL. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Protocol } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './protocol'

type Handler = (request: { url: string }) => Promise<Response>

let dir: string
let bundle: string
let handle: Handler

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sightline-protocol-'))
  bundle = join(dir, 'renderer')
  await mkdir(join(bundle, 'assets'), { recursive: true })
  await writeFile(
    join(bundle, 'index.html'),
    '<meta name="sightline-style-nonce" content="%SIGHTLINE_STYLE_NONCE%"><script src="/assets/app.js"></script>',
  )
  await writeFile(join(bundle, 'assets', 'app.js'), 'console.log("bundle")')
  // Secrets next to the bundle, which no URL may reach.
  await writeFile(join(dir, 'secret.txt'), 'TOP SECRET')
  await writeFile(join(dir, 'renderer-evil.txt'), 'TOP SECRET')
  await mkdir(join(dir, 'renderer2'))
  await writeFile(join(dir, 'renderer2', 'index.html'), 'TOP SECRET')

  let registered: { scheme: string; handler: Handler } | null = null
  const protocol = {
    handle: (scheme: string, handler: Handler) => {
      registered = { scheme, handler }
    },
  }
  serveRenderer(protocol as unknown as Protocol, bundle)
  expect(registered).not.toBeNull()
  expect(registered!.scheme).toBe('app')
  handle = registered!.handler
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function get(url: string): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await handle({ url })
  return { status: response.status, body: await response.text(), headers: response.headers }
}

describe('the app:// protocol handler', () => {
  it('registers app:// as a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    })
  })

  it('serves index.html with a strict CSP whose nonce matches the page, fresh per load', async () => {
    const nonces: string[] = []
    for (let load = 0; load < 2; load++) {
      const reply = await get('app://sightline/index.html')
      expect(reply.status).toBe(200)
      expect(reply.headers.get('content-type')).toMatch(/^text\/html/)
      const csp = reply.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'none'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/)
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
      expect(reply.body).toContain(`content="${nonce}"`)
      nonces.push(nonce ?? '')
    }
    expect(nonces[0]).not.toBe(nonces[1])
    expect((await get('app://sightline/')).status).toBe(200)
  })

  it('serves a bundled asset with its type', async () => {
    const reply = await get('app://sightline/assets/app.js')
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(reply.body).toContain('bundle')
  })

  it.each([
    'app://sightline/../secret.txt',
    'app://sightline/..%2fsecret.txt',
    'app://sightline/..%2Fsecret.txt',
    'app://sightline/assets/..%2f..%2fsecret.txt',
    'app://sightline/%2e%2e/secret.txt',
    'app://sightline/%2e%2e%2fsecret.txt',
    'app://sightline/..%5csecret.txt',
    'app://sightline/assets%5c..%5c..%5csecret.txt',
    'app://sightline/%5c%5c..%5csecret.txt',
    'app://sightline/SECRET_ABSOLUTE',
    'app://sightline/SECRET_ABSOLUTE_RAW',
    'app://sightline//etc/passwd',
    'app://sightline/%2fetc%2fpasswd',
    'app://sightline/C:%5cWindows%5cwin.ini',
    'app://sightline/assets/app.js%00.html',
    'app://sightline/%',
    'app://sightline/..%252fsecret.txt',
    'app://sightline/../renderer2/index.html',
    'app://sightline/..%2frenderer-evil.txt',
    'app://evil/index.html',
    'app://sightline.evil/index.html',
    'app://sightline/assets/missing.js',
  ])('refuses %s', async (template) => {
    // The absolute path of the secret is known only once the temp folder exists.
    const secret = join(dir, 'secret.txt')
    const url = template
      .replace('SECRET_ABSOLUTE_RAW', secret.slice(1))
      .replace('SECRET_ABSOLUTE', encodeURIComponent(secret))
    const reply = await get(url)
    expect(reply.status).toBe(404)
    expect(reply.body).not.toContain('TOP SECRET')
    expect(reply.body).not.toMatch(/root:/)
  })
})

import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  contentSecurityPolicy,
  contentTypeOf,
  newNonce,
  renderIndexHtml,
  resolveAssetPath,
  STYLE_NONCE_META,
} from './renderer-assets'

// resolveAssetPath never touches the disk, so the root need not exist.
const root = resolve(tmpdir(), 'sightline-renderer-under-test')

describe('resolveAssetPath', () => {
  it('serves index.html for the root path', () => {
    expect(resolveAssetPath(root, '/')).toBe(join(root, 'index.html'))
  })

  it('maps an asset path inside the root', () => {
    expect(resolveAssetPath(root, '/assets/a.js')).toBe(join(root, 'assets', 'a.js'))
  })

  it('decodes ordinary escapes inside the root', () => {
    expect(resolveAssetPath(root, '/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'))
  })

  it.each([
    '/../secret',
    '/..%2fsecret',
    '/%2e%2e/secret',
    '/%2E%2E%2Fsecret',
    '/assets/..%2f..%2fsecret',
    '/assets/../../secret',
    '/..%5csecret',
    '/%5c..%5csecret',
    '/assets\\..\\..\\secret',
    '/%00',
    '/index.html%00.js',
    '/assets/%E0%A4%A',
    '/%',
  ])('refuses %j', (urlPath) => {
    expect(resolveAssetPath(root, urlPath)).toBeNull()
  })

  it.each(['//etc/passwd', '///etc/passwd', '/%2fetc%2fpasswd', '/.', '/assets/./../..'])(
    'keeps %j inside the root or refuses it',
    (urlPath) => {
      const file = resolveAssetPath(root, urlPath)
      if (file !== null) expect(file.startsWith(root + sep)).toBe(true)
    },
  )
})

describe('contentSecurityPolicy', () => {
  const nonce = newNonce()
  const csp = contentSecurityPolicy(nonce)

  it('denies by default and allows only our own scripts', () => {
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/)
  })

  it('carries the nonce for styles', () => {
    expect(csp).toContain(`'nonce-${nonce}'`)
  })

  it.each(['unsafe-inline', 'unsafe-eval', 'http:', 'https:', '*'])('never contains %s', (bit) => {
    expect(csp).not.toContain(bit)
  })
})

describe('newNonce', () => {
  it('differs from one load to the next', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()))
    expect(nonces.size).toBe(50)
  })

  it('has at least 128 bits and fits in a CSP source', () => {
    const nonce = newNonce()
    expect(Buffer.from(nonce, 'base64').length).toBeGreaterThanOrEqual(16)
    expect(nonce).toMatch(/^[A-Za-z0-9+/_-]+=*$/)
  })
})

describe('renderIndexHtml', () => {
  it('replaces every placeholder with the nonce', () => {
    const template = [
      '<!doctype html><html><head>',
      `<meta name="${STYLE_NONCE_META}" content="%SIGHTLINE_STYLE_NONCE%">`,
      '<style nonce="%SIGHTLINE_STYLE_NONCE%">body{}</style>',
      '</head><body data-n="%SIGHTLINE_STYLE_NONCE%"></body></html>',
    ].join('\n')
    const nonce = newNonce()
    const html = renderIndexHtml(template, nonce)
    expect(html).not.toContain('%SIGHTLINE_STYLE_NONCE%')
    expect(html.split(nonce)).toHaveLength(4)
    expect(html).toContain(`<meta name="sightline-style-nonce" content="${nonce}">`)
  })

  it('leaves a template without placeholder unchanged', () => {
    expect(renderIndexHtml('<p>x</p>', 'abc')).toBe('<p>x</p>')
  })
})

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['A.CSS', 'text/css; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['unknown.bin', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type)
  })
})

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Dispatch } from '../core/dispatch'
import { fail, type ErrorCode } from '../../shared/result'
import {
  hostAllowed,
  newToken,
  offeredTokens,
  originAllowed,
  tokenCookieName,
  tokenMatches,
} from './guard'
import { serveAsset } from './static'

export interface HttpAdapterOptions {
  dispatch: Dispatch
  /** Built renderer folder; without it only the API is served. */
  rendererDir?: string
  port?: number
  token?: string
  maxBodyBytes?: number
}

export interface RunningServer {
  server: Server
  port: number
  token: string
  /** The URL to open: carries the token once, then a cookie does. */
  url: string
  close(): Promise<void>
}

const DEFAULT_MAX_BODY = 32 * 1024 * 1024

/** The loopback HTTP transport: frames and unframes dispatch calls, nothing else. */
export async function startHttpServer(options: HttpAdapterOptions): Promise<RunningServer> {
  const token = options.token ?? newToken()
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY
  let port = 0
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, fail('internal', 'The request failed.')))
  })
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (!hostAllowed(req, port)) return send(res, 403, fail('forbidden', 'Unexpected Host header.'))
    if (!offeredTokens(req, url, port).some((offered) => tokenMatches(token, offered))) {
      return send(res, 401, fail('forbidden', 'Open the URL Sightline printed when it started.'))
    }
    if (url.searchParams.has('token') && req.method === 'GET') {
      res.setHeader(
        'Set-Cookie',
        `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`,
      )
      res.writeHead(303, { Location: url.pathname }).end()
      return
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, fail('forbidden', 'Use POST.'))
      if (!originAllowed(req, port)) return send(res, 403, fail('forbidden', 'Foreign origin.'))
      if (!isJsonContentType(req.headers['content-type'])) {
        return send(res, 415, fail('invalid_input', 'Send JSON (Content-Type: application/json).'))
      }
      const body = await readBody(req, maxBody)
      if (typeof body !== 'string') return send(res, 413, body)
      let input: unknown
      try {
        input = body === '' ? {} : JSON.parse(body)
      } catch {
        return send(res, 400, fail('invalid_input', 'The request body is not valid JSON.'))
      }
      return send(res, 200, await options.dispatch(url.pathname.slice(5), input))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, fail('forbidden', 'Use GET.'))
    if (!options.rendererDir) return send(res, 404, fail('not_found', 'No renderer is served.'))
    return serveAsset(options.rendererDir, url.pathname, res)
  }
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => closeServer(server),
  }
}

/** How long requests in flight may take to finish when the server stops. */
const CLOSE_GRACE_MS = 1_000

/**
 * Stops the server even while a page keeps polling it: server.close() alone waits for
 * every keep-alive connection, and one that carries a request every few seconds never
 * goes idle long enough to be dropped.
 */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeIdleConnections()
    setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref()
  })
}

/** Exactly application/json (parameters such as charset allowed), not a look-alike. */
function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json'
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(JSON.stringify(body))
}

async function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<string | ReturnType<typeof fail>> {
  const tooLarge = fail(
    'payload_too_large' satisfies ErrorCode,
    `The request is larger than ${limit} bytes.`,
  )
  if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) return tooLarge
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * The same fuzzing through the loopback HTTP adapter: arbitrary JSON bodies (with
 * prototype-polluting keys), arbitrary bytes, arbitrary method names. Every answer is a
 * JSON envelope with a deliberate status, never a 500 and never a stack.
 */
import { request as httpRequest } from 'node:http'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES, type MethodName } from '../../shared/contract'
import { createDispatch } from '../core/dispatch'
import {
  confinePaths,
  type KnownValues,
  hostileJson,
  inputsFor,
  isEnvelope,
  leaksInternals,
  prototypeIsClean,
} from '../../../test/support/fuzz-arbitraries'
import { knownValues } from '../../../test/support/fuzz-known'
import { check, stateChange, storeState } from '../../../test/support/fuzz-state'
import { copySample, tempDir } from '../../../test/support/folders'
import { Workspace } from '../core/workspace'
import { startHttpServer, type RunningServer } from './server'

const RUNS_PER_METHOD = 150
const ALLOWED_STATUSES = new Set([200, 400, 413, 415])

let dir: Awaited<ReturnType<typeof tempDir>>
let sampleFolder: string
let workspace: Workspace
let server: RunningServer
const unexpected: unknown[] = []
let known: KnownValues = {}
const tally = { requests: 0, byStatus: new Map<number, number>() }

beforeAll(async () => {
  dir = await tempDir('sightline-http-fuzz-')
  workspace = new Workspace({ userDataDir: dir.path, store: { writeDelayMs: 5, backups: false } })
  sampleFolder = await copySample(dir.path)
  await workspace.open(sampleFolder)
  const dispatch = createDispatch(workspace, {
    validateOutput: true,
    logError: (error) => unexpected.push(error),
  })
  server = await startHttpServer({ dispatch, maxBodyBytes: 256 * 1024 })
  known = await knownValues(dispatch, sampleFolder)
})
afterAll(async () => {
  await server?.close()
  await workspace.close()
  await dir.cleanup()
  console.info(
    `HTTP fuzz: ${tally.requests} requests; by status ${[...tally.byStatus].map(([s, n]) => `${s}: ${n}`).join(', ')}`,
  )
})

function post(path: string, body: string | Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path,
        agent: false,
        headers: { 'content-type': 'application/json', 'x-sightline-token': server.token },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Sends one call and checks everything that must hold whatever was sent. */
async function send(path: string, body: string | Buffer): Promise<void> {
  const before = storeState(workspace)
  const reply = await post(path, body)
  tally.requests++
  tally.byStatus.set(reply.status, (tally.byStatus.get(reply.status) ?? 0) + 1)
  check(ALLOWED_STATUSES.has(reply.status), `status ${reply.status}`)
  check(!leaksInternals(reply.body), `the body leaks internals: ${reply.body.slice(0, 300)}`)
  const envelope = JSON.parse(reply.body) as unknown
  check(isEnvelope(envelope), `not an envelope: ${reply.body.slice(0, 300)}`)
  check(prototypeIsClean(), 'Object.prototype was polluted')
  check(unexpected.length === 0, `unexpected errors: ${unexpected.map(String).join('; ')}`)
  const result = envelope as { ok: boolean; error?: { code: string; message?: string } }
  if (result.ok) {
    check(reply.status === 200, `ok with status ${reply.status}`)
    return
  }
  check(result.error?.code !== 'internal', `internal error: ${result.error?.message}`)
  const change = stateChange(before, storeState(workspace))
  check(change === null, `refused, yet the store changed: ${change}`)
}

/** JSON.stringify drops what JSON cannot carry; `undefined` at the top becomes an empty body. */
const asBody = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? ''
  } catch {
    return '"unserializable"'
  }
}

describe('the HTTP adapter under arbitrary requests', () => {
  it.each(METHOD_NAMES)('%s with arbitrary JSON bodies', async (method: MethodName) => {
    await workspace.open(sampleFolder)
    unexpected.length = 0
    await fc.assert(
      fc.asyncProperty(inputsFor(method, known), async (generated) => {
        await send(`/api/${method}`, asBody(confinePaths(method, generated, dir.path)))
      }),
      { numRuns: RUNS_PER_METHOD },
    )
  })

  it('arbitrary bytes as the body', async () => {
    const method = fc.constantFrom(...METHOD_NAMES)
    await fc.assert(
      fc.asyncProperty(
        method,
        fc.oneof(
          fc.string(),
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
        ),
        async (name, body) => {
          await send(`/api/${name}`, body)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('arbitrary method names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // "." and ".." are URL dot segments: /api/.. is the page root, tested below.
          fc.string().filter((name) => name !== '.' && name !== '..'),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'project.info/../x'),
        ),
        hostileJson,
        async (name, input) => {
          await send(`/api/${encodeURIComponent(name)}`, asBody(input))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('treats /api/. and /api/.. as the paths they resolve to, not as methods', async () => {
    for (const name of ['.', '..']) {
      const reply = await post(`/api/${name}`, '{}')
      expect(reply.status, name).toBe(name === '.' ? 200 : 405)
      expect(leaksInternals(reply.body)).toBe(false)
    }
  })

  it('answers a deeply nested body with a clear error, not a crash', async () => {
    const depth = 100_000
    const reply = await post('/api/entities.create', `${'['.repeat(depth)}${']'.repeat(depth)}`)
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/nested more than 32 levels/),
      },
    })
    const object = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    const big = await post('/api/project.import', object)
    // 100k levels of {"a": is larger than this server's body limit: refused before parsing.
    expect(big.status).toBe(413)
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'payload_too_large' } })
  })
})

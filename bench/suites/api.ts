/**
 * The API the views call: each list or query method through dispatch (the floor: what
 * the Electron IPC adapter hands over) and through the real HTTP adapter on loopback,
 * as the renderer calls it in browser mode (a POST with JSON, the answer parsed).
 * The client is node:http with keep-alive, as lean as a browser's: undici's fetch adds
 * a millisecond or more of its own per call, which is not the adapter's doing.
 */
import { mkdtemp } from 'node:fs/promises'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import { createDispatch } from '../../src/main/core/dispatch'
import { Workspace } from '../../src/main/core/workspace'
import { startHttpServer } from '../../src/main/http/server'
import { line, target, timeAlternately } from '../measure'
import type { BenchSuite, Measurement } from '../types'

export const apiSuite: BenchSuite = {
  name: 'api',
  async run(ctx) {
    const preset = ctx.preset
    const folder = await ctx.project(preset)
    const workspace = new Workspace({
      userDataDir: await mkdtemp(join(ctx.tmpDir, 'api-user-data-')),
    })
    const store = await workspace.open(folder)
    // The integrity pass runs just after an open: let it finish before anything is timed.
    await store.verified
    const dispatch = createDispatch(workspace)
    const server = await startHttpServer({ dispatch })
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })

    const overDispatch = (method: string, input: unknown) => async () => {
      expectOk(method, await dispatch(method, input))
    }
    const overHttp = (method: string, input: unknown) => async () => {
      expectOk(method, await post(agent, server.port, server.token, method, input))
    }

    // The source the reader would open with the most annotations: the heaviest sources.get.
    const counts = new Map<string, number>()
    for (const a of store.data.annotations)
      counts.set(a.sourceId, (counts.get(a.sourceId) ?? 0) + 1)
    const [busiest, busiestCount] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
    const groups = store.data.entities.filter((e) => e.type === 'group').length

    const calls: { name: string; method: string; input: unknown; note: string }[] = [
      {
        name: 'entities.table group (Groups grid)',
        method: 'entities.table',
        input: { type: 'group' },
        note: `${groups} groups with columns computed from relations and evidence.`,
      },
      {
        name: 'sources.get with its annotations (reader)',
        method: 'sources.get',
        input: { id: busiest },
        note: `The source with the most annotations (${busiestCount}), text read from disk.`,
      },
      {
        name: 'entities.list (all entities)',
        method: 'entities.list',
        input: {},
        note: `${store.data.entities.length} entities sorted by name.`,
      },
      {
        name: 'sources.list (Sources view)',
        method: 'sources.list',
        input: {},
        note: `${store.data.sources.length} sources with their annotation counts.`,
      },
    ]
    const out: Measurement[] = []
    try {
      for (const call of calls) {
        ctx.log(`  ${call.method}`)
        const times = await timeAlternately(Math.max(ctx.runs * 4, 12), {
          http: { run: overHttp(call.method, call.input) },
          dispatch: { run: overDispatch(call.method, call.input) },
        })
        const payload = JSON.stringify(await dispatch(call.method, call.input)).length
        out.push(
          line({
            name: `${call.name}, ${preset}: HTTP`,
            unit: 'ms',
            value: times.http,
            floor: { name: 'dispatch', value: times.dispatch },
            target: target.ratioAtMost(1.2),
            note: `${call.note} ${(payload / 1e3).toFixed(0)} KB of JSON in the answer.`,
          }),
        )
      }
    } finally {
      agent.destroy()
      await server.close()
      await workspace.close()
    }
    return out
  },
}

function expectOk(method: string, result: unknown): void {
  if (!(result as { ok?: boolean }).ok) {
    throw new Error(`${method} failed: ${JSON.stringify((result as { error?: unknown }).error)}`)
  }
}

/** One API call over loopback: POST the input as JSON, parse the JSON answer. */
function post(
  agent: Agent,
  port: number,
  token: string,
  method: string,
  input: unknown,
): Promise<unknown> {
  const body = JSON.stringify(input)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${method}`,
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'X-Sightline-Token': token,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
          } catch (error) {
            reject(error as Error)
          }
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

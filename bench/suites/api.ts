/**
 * The API the views call: each list or query method through dispatch (the floor: what
 * the Electron IPC adapter hands over) and through the real HTTP adapter on loopback,
 * as the renderer calls it in browser mode (fetch, JSON both ways).
 */
import { mkdtemp } from 'node:fs/promises'
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
    const dispatch = createDispatch(workspace)
    const server = await startHttpServer({ dispatch })
    const origin = `http://127.0.0.1:${server.port}`

    const overDispatch = (method: string, input: unknown) => async () => {
      expectOk(method, await dispatch(method, input))
    }
    const overHttp = (method: string, input: unknown) => async () => {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sightline-Token': server.token },
        body: JSON.stringify(input),
      })
      expectOk(method, await response.json())
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

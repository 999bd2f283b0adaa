/**
 * Search over 2,000 sources (about 5 KB of text each, 10 annotations each): the index
 * build (off the request path), and p95 of two-term queries, in the index alone and
 * through `search.query` with snippets.
 */
import { rm } from 'node:fs/promises'
import { createDispatch } from '../../src/main/core/dispatch'
import { searchIndexFor } from '../../src/main/core/services/search'
import { Workspace } from '../../src/main/core/workspace'
import type { BenchSuite, Measurement } from '../types'
import { makeLibraryProject, median, percentile, seeded } from './library-fixtures'

const QUERY_WORDS = (
  'fighters valley commander checkpoint resistance residents officials claimed Taliban ' +
  'Panjshir Andarab Takhar Kabul uprising council soldiers networks statement verified ' +
  'security weapons leaders elders recruitment پنجشیر مقاومت'
).split(' ')

export const searchSuite: BenchSuite = {
  name: 'search',
  async run(ctx) {
    const sources = ctx.quick ? 500 : 2_000
    const { folder } = await makeLibraryProject(ctx.tmpDir, sources, 5_000, 10)
    const workspace = new Workspace({ userDataDir: ctx.tmpDir, store: { writeDelayMs: 60_000 } })
    const out: Measurement[] = []
    try {
      const store = await workspace.open(folder)
      const dispatch = createDispatch(workspace)
      const index = searchIndexFor(store)
      const built = performance.now()
      await index.sync()
      const buildMs = performance.now() - built

      const random = seeded(42)
      const pick = (): string => QUERY_WORDS[Math.floor(random() * QUERY_WORDS.length)]!
      const queries = Array.from({ length: ctx.quick ? 100 : 300 }, () => `${pick()} ${pick()}`)
      for (const q of queries.slice(0, 20)) index.query(q, 20)

      const inIndex: number[] = []
      const viaDispatch: number[] = []
      for (const q of queries) {
        inIndex.push(index.query(q, 20).tookMs)
        const started = performance.now()
        const result = await dispatch('search.query', { q, limit: 20 })
        if (!result.ok) throw new Error(result.error.message)
        viaDispatch.push(performance.now() - started)
      }
      out.push({
        name: `search p95, two-term queries over ${sources.toLocaleString('en')} sources`,
        unit: 'ms',
        value: percentile(viaDispatch, 95),
        floor: { name: 'FlexSearch lookups alone (p95)', value: percentile(inIndex, 95) },
        ratio: percentile(viaDispatch, 95) / Math.max(0.001, percentile(inIndex, 95)),
        target: { of: 'value', op: '<', limit: 30 },
        note: `through dispatch with snippets; median ${median(viaDispatch).toFixed(2)} ms; ${store.data.annotations.length.toLocaleString('en')} annotations indexed too`,
      })
      out.push({
        name: `search index build, ${sources.toLocaleString('en')} sources`,
        unit: 'ms',
        value: buildMs,
        note: 'built in 8 ms slices in the background after the project opens; not on any request path',
      })
    } finally {
      await workspace.close()
      await rm(folder, { recursive: true, force: true })
    }
    return out
  },
}

/**
 * Search over the generated project (medium: 2,000 sources, 20,000 annotations, Latin
 * and Arabic-script text): the index build and how long it ever blocks the event loop,
 * p95 of two-term queries in the index alone and through `search.query`, and what the
 * matching normalizer (Arabic-script variants, transliterated names) costs a query against
 * an index of plain lower-cased words over the same corpus.
 */
import { createDispatch } from '../../src/main/core/dispatch'
import { PLAIN_MATCHING, SearchIndex, searchIndexFor } from '../../src/main/core/services/search'
import { Workspace } from '../../src/main/core/workspace'
import { seededRandom } from '../../src/shared/random'
import { line, longestStall, median, target } from '../measure'
import type { BenchSuite, Measurement } from '../types'
import { percentile } from './library-fixtures'

export const searchSuite: BenchSuite = {
  name: 'search',
  async run(ctx) {
    const folder = await ctx.project(ctx.preset)
    const workspace = new Workspace({ userDataDir: ctx.tmpDir, store: { writeDelayMs: 60_000 } })
    const out: Measurement[] = []
    try {
      const store = await workspace.open(folder)
      // The integrity pass runs just after an open: let it finish before anything is timed.
      await store.verified
      const sources = store.data.sources.length
      const dispatch = createDispatch(workspace)
      const index = searchIndexFor(store)
      ctx.log(`  building the index over ${sources} sources`)
      let buildMs = 0
      const stall = await longestStall(async () => {
        const started = performance.now()
        await index.sync()
        buildMs = performance.now() - started
      })

      // Two words taken from the project's own texts, so most queries find something.
      const random = seededRandom(42)
      const words: string[] = []
      for (const source of store.data.sources.slice(0, 200)) {
        const text = await store.readSourceText(source.contentHash)
        const candidates = text.split(/[\s\p{P}]+/u).filter((w) => w.length >= 4)
        for (let i = 0; i < 3 && candidates.length > 0; i++) {
          words.push(candidates[Math.floor(random() * candidates.length)]!)
        }
      }
      const pick = (): string => words[Math.floor(random() * words.length)]!
      const queries = Array.from({ length: ctx.quick ? 100 : 300 }, () => `${pick()} ${pick()}`)
      for (const q of queries.slice(0, 20)) index.query(q, 20)

      const inIndex: number[] = []
      const viaDispatch: number[] = []
      let found = 0
      for (const q of queries) {
        inIndex.push(index.query(q, 20).tookMs)
        const started = performance.now()
        const result = await dispatch('search.query', { q, limit: 20 })
        viaDispatch.push(performance.now() - started)
        if (!result.ok) throw new Error(result.error.message)
        if ((result.value as { hits: unknown[] }).hits.length > 0) found++
      }
      out.push(
        line({
          name: `search p95, two-term queries, ${sources.toLocaleString('en')} sources`,
          unit: 'ms',
          value: percentile(viaDispatch, 95),
          floor: { name: 'FlexSearch lookups alone (p95)', value: percentile(inIndex, 95) },
          target: { of: 'value', op: '<', limit: 30 },
          note: `search.query through dispatch, snippets included; median ${median(viaDispatch).toFixed(2)} ms; ${found} of ${queries.length} queries found something; ${store.data.annotations.length.toLocaleString('en')} annotations indexed too`,
        }),
      )
      // The same queries, interleaved, against an index that matches plain lower-cased words.
      const plain = new SearchIndex(store, PLAIN_MATCHING)
      const plainBuildStarted = performance.now()
      await plain.sync()
      const plainBuildMs = performance.now() - plainBuildStarted
      for (const q of queries.slice(0, 20)) plain.query(q, 20)
      const folded: number[] = []
      const unfolded: number[] = []
      for (const q of queries) {
        let started = performance.now()
        plain.query(q, 20)
        unfolded.push(performance.now() - started)
        started = performance.now()
        index.query(q, 20)
        folded.push(performance.now() - started)
      }
      out.push(
        line({
          name: `search p95 with the matching normalizer, ${sources.toLocaleString('en')} sources`,
          unit: 'ms',
          value: percentile(folded, 95),
          floor: { name: 'plain lower-cased words (p95)', value: percentile(unfolded, 95) },
          target: target.ratioAtMost(1.2),
          note: `SearchIndex.query with snippets, same ${queries.length} two-term queries, same corpus; the normalizer folds Arabic-script keyboard variants, harakat, tatweel, joiners, digits and Latin transliterations of names into each word's key once at indexing, so a query only looks up keys; index build ${buildMs.toFixed(0)} ms with it, ${plainBuildMs.toFixed(0)} ms without`,
        }),
      )
      out.push(
        line({
          name: `search index build, ${sources.toLocaleString('en')} sources`,
          unit: 'ms',
          value: buildMs,
          note: `in slices after the project opens, off the request path: the event loop was never blocked longer than ${stall.toFixed(0)} ms`,
        }),
      )
    } finally {
      await workspace.close()
    }
    return out
  },
}

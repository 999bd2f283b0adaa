/**
 * Re-anchoring after an edit: 20,000 annotations on a 2 MB source, the text edited near
 * its start (every quote moves), through the shared anchoring logic and through the
 * whole `sources.editText` service; and the fuzzy path for quotes whose words changed.
 */
import approxSearch from 'approx-string-match'
import { rm } from 'node:fs/promises'
import { createDispatch } from '../../src/main/core/dispatch'
import { Workspace } from '../../src/main/core/workspace'
import { changedRegion, reanchor, reanchorAll } from '../../src/shared/anchoring'
import type { BenchSuite, Measurement } from '../types'
import { makeLibraryProject, median, prose, spreadTargets } from './library-fixtures'

const SOURCE_LENGTH = 2_000_000
const ANNOTATIONS = 20_000
const CHANGED_QUOTES = 100

function timeRuns(runs: number, task: () => unknown): number {
  task()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    task()
    times.push(performance.now() - started)
  }
  return median(times)
}

export const anchoringSuite: BenchSuite = {
  name: 'anchoring',
  async run(ctx) {
    const out: Measurement[] = []
    const text = prose(SOURCE_LENGTH, 7)
    const targets = spreadTargets(text, ANNOTATIONS, 8)
    const edited = `${text.slice(0, 500)}An editor's correction was added here. ${text.slice(500)}`

    const all = timeRuns(ctx.runs, () =>
      reanchorAll(text, edited, targets, { fuzzy: approxSearch }),
    )
    const floor = timeRuns(ctx.runs, () => {
      const change = changedRegion(text, edited)
      let same = 0
      const shift = change ? change.newEnd - change.oldEnd : 0
      for (const t of targets) {
        if (edited.startsWith(t.quote.exact, t.position.start + shift)) same++
      }
      return same
    })
    const check = reanchorAll(text, edited, targets, { fuzzy: approxSearch })
    const exact = check.filter((r) => r.anchor.state === 'exact').length
    out.push({
      name: `re-anchor ${ANNOTATIONS.toLocaleString('en')} annotations, 2 MB source, edit near start`,
      unit: 'ms',
      value: all,
      floor: { name: 'diff + one comparison per quote', value: floor },
      ratio: all / floor,
      target: { of: 'value', op: '<', limit: 1_000 },
      note: `${exact} of ${targets.length} exact after the edit; selectors rebuilt for all`,
    })

    // Quotes whose words changed: each is matched approximately in a window around its place.
    const changedTargets = spreadTargets(text, CHANGED_QUOTES, 9).filter(
      (t) => t.quote.exact.length >= 40,
    )
    let changedText = edited
    for (const t of [...changedTargets].reverse()) {
      const at = t.position.start + 39 + 10
      changedText = `${changedText.slice(0, at)}XY${changedText.slice(at + 2)}`
    }
    const change = changedRegion(text, changedText)
    const fuzzy = timeRuns(Math.max(1, Math.floor(ctx.runs / 2)), () =>
      changedTargets.map((t) => reanchor(changedText, t, { fuzzy: approxSearch, change })),
    )
    const fuzzyResults = changedTargets.map((t) =>
      reanchor(changedText, t, { fuzzy: approxSearch, change }),
    )
    out.push({
      name: `fuzzy re-anchor per changed quote, 2 MB source`,
      unit: 'ms',
      value: fuzzy / changedTargets.length,
      note: `${changedTargets.length} changed quotes: ${fuzzyResults.filter((r) => r.anchor.state === 'fuzzy').length} fuzzy, ${fuzzyResults.filter((r) => r.anchor.state === 'orphaned').length} orphaned`,
    })

    // The whole service: read the text, re-anchor, validate, store (in memory), as the app does it.
    const quick = ctx.quick
    const { folder, sourceIds } = await makeLibraryProject(
      ctx.tmpDir,
      1,
      quick ? 500_000 : SOURCE_LENGTH,
      quick ? 5_000 : ANNOTATIONS,
    )
    const workspace = new Workspace({ userDataDir: ctx.tmpDir, store: { writeDelayMs: 60_000 } })
    try {
      await workspace.open(folder)
      const dispatch = createDispatch(workspace)
      const times: number[] = []
      for (let i = -1; i < Math.max(2, Math.floor(ctx.runs / 2)); i++) {
        const got = await dispatch('sources.get', { id: sourceIds[0] })
        if (!got.ok) throw new Error(got.error.message)
        const { source, text: current } = got.value as {
          source: { contentHash: string }
          text: string
        }
        const started = performance.now()
        const result = await dispatch('sources.editText', {
          id: sourceIds[0],
          text: `${current.slice(0, 300)}Correction ${i + 2}. ${current.slice(300)}`,
          baseHash: source.contentHash,
        })
        if (!result.ok) throw new Error(result.error.message)
        if (i >= 0) times.push(performance.now() - started)
      }
      out.push({
        name: `sources.editText with ${quick ? '5,000' : '20,000'} annotations (${quick ? '0.5' : '2'} MB)`,
        unit: 'ms',
        value: median(times),
        note: 'dispatch: read text, re-anchor, validate every annotation, write the new text file',
      })
    } finally {
      await workspace.close()
      await rm(folder, { recursive: true, force: true })
    }
    return out
  },
}

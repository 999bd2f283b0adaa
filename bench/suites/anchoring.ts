/**
 * Re-anchoring after an edit: 20,000 annotations on a 2 MB source, the text edited near
 * its start (every quote moves), through the shared anchoring logic and through the
 * whole `sources.editText` service; and the fuzzy path for quotes whose words changed.
 * Runs in this process, as re-anchoring runs in the main process.
 */
import { rm } from 'node:fs/promises'
import approxSearch from 'approx-string-match'
import { createDispatch } from '../../src/main/core/dispatch'
import { Workspace } from '../../src/main/core/workspace'
import { changedRegion, reanchor, reanchorAll } from '../../src/shared/anchoring'
import { line, median, timeAlternately, timeMedian } from '../measure'
import type { BenchSuite, Measurement } from '../types'
import { makeLibraryProject, prose, spreadTargets } from './library-fixtures'

const SOURCE_LENGTH = 2_000_000
const ANNOTATIONS = 20_000
const CHANGED_QUOTES = 100

export const anchoringSuite: BenchSuite = {
  name: 'anchoring',
  async run(ctx) {
    const out: Measurement[] = []
    const text = prose(SOURCE_LENGTH, 7)
    const targets = spreadTargets(text, ANNOTATIONS, 8)
    const edited = `${text.slice(0, 500)}An editor's correction was added here. ${text.slice(500)}`

    ctx.log(
      `  re-anchor ${targets.length} quotes on ${(text.length / 1e6).toFixed(1)} M characters`,
    )
    const times = await timeAlternately(ctx.runs, {
      reanchor: { run: () => reanchorAll(text, edited, targets, { fuzzy: approxSearch }) },
      floor: {
        run: () => {
          // The least any re-anchoring does: find the edit, then check each quote once.
          const change = changedRegion(text, edited)
          const shift = change ? change.newEnd - change.oldEnd : 0
          let same = 0
          for (const t of targets)
            if (edited.startsWith(t.quote.exact, t.position.start + shift)) same++
          return same
        },
      },
    })
    const exact = reanchorAll(text, edited, targets, { fuzzy: approxSearch }).filter(
      (r) => r.anchor.state === 'exact',
    ).length
    out.push(
      line({
        name: `re-anchor ${ANNOTATIONS.toLocaleString('en')} annotations, 2 MB source, edit near start`,
        unit: 'ms',
        value: times.reanchor,
        floor: { name: 'diff + one comparison per quote', value: times.floor },
        target: { of: 'value', op: '<', limit: 1_000 },
        note: `${exact} of ${targets.length} exact after the edit; every selector rebuilt with its new context`,
      }),
    )

    // Quotes whose words changed: each is matched approximately in a window around its place.
    const changedTargets = spreadTargets(text, CHANGED_QUOTES, 9).filter(
      (t) => t.quote.exact.length >= 40,
    )
    let changedText = text
    for (const t of [...changedTargets].reverse()) {
      const at = t.position.start + 10
      changedText = `${changedText.slice(0, at)}XY${changedText.slice(at + 2)}`
    }
    const change = changedRegion(text, changedText)
    const fuzzyAll = (): unknown =>
      changedTargets.map((t) => reanchor(changedText, t, { fuzzy: approxSearch, change }))
    const fuzzyMs = await timeMedian(Math.max(1, Math.ceil(ctx.runs / 2)), fuzzyAll)
    const states = changedTargets.map(
      (t) => reanchor(changedText, t, { fuzzy: approxSearch, change }).anchor.state,
    )
    out.push(
      line({
        name: 'fuzzy re-anchor of one changed quote, 2 MB source',
        unit: 'ms',
        value: fuzzyMs / changedTargets.length,
        note: `${changedTargets.length} changed quotes: ${states.filter((s) => s === 'fuzzy').length} fuzzy, ${states.filter((s) => s === 'orphaned').length} orphaned; searched in a window, never the whole text`,
      }),
    )

    // The whole service: read the text, re-anchor, validate, store, as the app does it.
    const size = ctx.quick ? 500_000 : SOURCE_LENGTH
    const count = ctx.quick ? 5_000 : ANNOTATIONS
    ctx.log(`  sources.editText with ${count} annotations`)
    const { folder, sourceIds } = await makeLibraryProject(ctx.tmpDir, 1, size, count)
    const workspace = new Workspace({ userDataDir: ctx.tmpDir, store: { writeDelayMs: 60_000 } })
    try {
      // The integrity pass runs just after an open: let it finish before anything is timed.
      const opened = await workspace.open(folder)
      await opened.verified
      const dispatch = createDispatch(workspace)
      const edits: number[] = []
      for (let i = -1; i < Math.max(2, Math.ceil(ctx.runs / 2)); i++) {
        const got = await dispatch('sources.get', { id: sourceIds[0] })
        if (!got.ok) throw new Error(got.error.message)
        const current = got.value as { source: { contentHash: string }; text: string }
        const started = performance.now()
        const result = await dispatch('sources.editText', {
          id: sourceIds[0],
          text: `${current.text.slice(0, 300)}Correction ${i + 2}. ${current.text.slice(300)}`,
          baseHash: current.source.contentHash,
        })
        if (!result.ok) throw new Error(result.error.message)
        if (i >= 0) edits.push(performance.now() - started)
      }
      out.push(
        line({
          name: `sources.editText, ${count.toLocaleString('en')} annotations, ${(size / 1e6).toFixed(1)} MB`,
          unit: 'ms',
          value: median(edits),
          note: 'what the analyst waits for, through dispatch: normalize and hash the new text, read the old one, re-anchor, write the new text file durably',
        }),
      )
    } finally {
      await workspace.close()
      await rm(folder, { recursive: true, force: true })
    }
    return out
  },
}

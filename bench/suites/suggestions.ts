/**
 * Suggestions from text (issue 16).
 * - Quality on the fixture articles (src/main/core/suggestions/fixtures), read in an empty
 *   project: entity and relation recall and precision against the hand-made lists, with the
 *   issue's targets; dates found; and the sample brief as a held-out text (its entities and
 *   relations were recorded by hand before the suggester existed).
 * - Speed: `suggestions.forSource` on a 2 MB source in a project of 3,000 entities, end to
 *   end through dispatch (the worker reads the text), and the longest main-thread stall
 *   meanwhile. The floor is the least any suggester does: fold and split the text into words.
 */
import { mkdtemp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createDispatch } from '../../src/main/core/dispatch'
import { measureQuality } from '../../src/main/core/suggestions/fixtures/quality'
import { suggest } from '../../src/main/core/suggestions/suggest'
import { Workspace } from '../../src/main/core/workspace'
import { SYMMETRIC_RELATION_TYPES } from '../../src/shared/contract'
import { foldWithOffsets } from '../../src/shared/match-text'
import { normalizeText } from '../../src/shared/text'
import { ENTITIES, RELATIONS } from '../../scripts/sample/spec'
import { generateProject, writeProjectFolder } from '../generate'
import { line, longestStall, median, sleep, timeAlternately, withCpuTime } from '../measure'
import type { BenchSuite, Measurement } from '../types'

const SOURCE_BYTES = 2_000_000

function percent(value: number): number {
  return Math.round(value * 1000) / 10
}

/** The sample brief against the sample's own entities and relations (a text we did not tune on). */
async function heldOut(): Promise<{ entities: string; relations: string }> {
  const text = normalizeText(await readFile('scripts/sample/brief.txt', 'utf8'))
  const { suggestions } = suggest({ text, entities: [], affiliations: [] })
  const fold = (name: string): string => name.toLowerCase()
  const expected = new Map(ENTITIES.map((e) => [e.id, e]))
  const matchOf = (s: { type: string; name: string; aliases?: string[] }) =>
    ENTITIES.find(
      (e) =>
        e.type === s.type &&
        [e.name, ...e.aliases]
          .map(fold)
          .some((n) => [s.name, ...(s.aliases ?? [])].map(fold).includes(n)),
    )
  const suggested = new Map<string, { type: string; name: string; aliases?: string[] }>()
  const relations = new Set<string>()
  const key = (type: string, a: string, b: string): string =>
    (SYMMETRIC_RELATION_TYPES as readonly string[]).includes(type) && b < a
      ? `${type}|${b}|${a}`
      : `${type}|${a}|${b}`
  for (const s of suggestions) {
    const ends = s.kind === 'entity' ? [s.entity] : [s.relation.from, s.relation.to]
    for (const e of ends) suggested.set(`${e.type}|${fold(e.name)}`, e as never)
    if (s.kind === 'relation') {
      const from = matchOf(s.relation.from as never)?.id ?? `?${s.relation.from.name}`
      const to = matchOf(s.relation.to as never)?.id ?? `?${s.relation.to.name}`
      relations.add(key(s.relation.type, from, to))
    }
  }
  const found = new Set([...suggested.values()].map((e) => matchOf(e)?.id).filter(Boolean))
  const right = [...suggested.values()].filter((e) => matchOf(e)).length
  const wanted = new Set(RELATIONS.map((r) => key(r.type, r.from, r.to)))
  const hits = [...relations].filter((r) => wanted.has(r)).length
  return {
    entities: `recall ${found.size}/${expected.size}, precision ${right}/${suggested.size}`,
    relations: `recall ${hits}/${wanted.size}, precision ${hits}/${relations.size}`,
  }
}

export const suggestionsSuite: BenchSuite = {
  name: 'suggestions',
  async run(ctx) {
    const out: Measurement[] = []
    const q = measureQuality()
    const counts = `${q.counts.entities} entities, ${q.counts.relations} relations listed by hand in 5 articles`
    const targets: Array<[string, number, number]> = [
      ['entity recall', q.entityRecall, 90],
      ['entity precision', q.entityPrecision, 80],
      ['relation recall', q.relationRecall, 75],
      ['relation precision', q.relationPrecision, 80],
    ]
    for (const [name, value, limit] of targets) {
      out.push(
        line({
          name: `${name}, fixture articles, empty project`,
          unit: '%',
          value: percent(value),
          target: { of: 'value', op: '>=', limit },
          note: name === 'entity recall' ? counts : undefined,
        }),
      )
    }
    const sample = await heldOut()
    out.push(
      line({
        name: 'dates found, fixture articles',
        unit: '%',
        value: percent(q.dateRecall),
        note: `validFrom from "since …" on ${q.validFromFound} of ${q.validFromExpected} relations that have one. Held out, the sample brief against the sample's own records: entities ${sample.entities}; relations ${sample.relations}.`,
      }),
    )

    ctx.log('  a 2 MB source in a project of 3,000 entities')
    const generated = generateProject({
      sources: 300,
      annotations: 300,
      entities: 3_000,
      relations: 8_000,
      notes: 0,
      seed: 16,
    })
    let text = ''
    for (const t of generated.texts.values()) {
      text += `${t}\n\n`
      if (text.length >= SOURCE_BYTES) break
    }
    text = normalizeText(text.slice(0, SOURCE_BYTES))
    const folder = await mkdtemp(join(ctx.tmpDir, 'suggestions-project-'))
    await writeProjectFolder(folder, generated)
    const workspace = new Workspace({
      userDataDir: await mkdtemp(join(ctx.tmpDir, 'suggestions-user-')),
    })
    // The integrity pass runs just after an open: let it finish before anything is timed.
    const opened = await workspace.open(folder)
    await opened.verified
    const dispatch = createDispatch(workspace)
    const pasted = await dispatch('sources.paste', { title: '2 MB report', text })
    if (!pasted.ok) throw new Error(pasted.error.message)
    const sourceId = (pasted.value as { source: { id: string } }).source.id
    const someone = workspace.current.data.entities[0]!
    let toggle = 0
    let found = 0
    // Each run recomputes: a changed alias changes the names the text is read against.
    const renameSomeone = async (): Promise<void> => {
      const result = await dispatch('entities.update', {
        id: someone.id,
        patch: { aliases: [...someone.aliases, `bench alias ${toggle++}`] },
      })
      if (!result.ok) throw new Error(result.error.message)
      // The save of the rename stringifies the project on this thread: done before timing.
      await workspace.current.flush()
    }
    const forSource = async (): Promise<void> => {
      const result = await dispatch('suggestions.forSource', { sourceId })
      if (!result.ok) throw new Error(result.error.message)
      found = (result.value as { suggestions: unknown[] }).suggestions.length
    }
    const firstCallMs = await (async () => {
      const start = performance.now()
      await forSource()
      return performance.now() - start
    })()
    const cpuTimes: number[] = []
    const times = await timeAlternately(ctx.runs, {
      forSource: { before: renameSomeone, run: () => withCpuTime(cpuTimes, forSource) },
      floor: {
        run: () => {
          let words = 0
          for (const _ of foldWithOffsets(text).text.matchAll(/[\p{L}\p{N}]+/gu)) words++
          return words
        },
      },
    })
    await renameSomeone()
    const started = performance.now()
    const stall = await longestStall(forSource)
    const waited = performance.now() - started
    // On a shared machine a timer fires late even when this process does nothing.
    const idle = await longestStall(() => sleep(waited))
    out.push(
      line({
        name: 'suggestions.forSource, 2 MB source, 3,000 entities',
        unit: 'ms',
        value: times.forSource,
        floor: { name: 'fold + split into words', value: times.floor },
        target: { of: 'value', op: '<=', limit: 1_000 },
        note: `Generated prose with the project's names; ${found} suggestions. In a worker thread; the first call also starts the worker and loads wink-nlp's model: ${firstCallMs.toFixed(0)} ms. CPU time of the process per call (worker, main thread and collector; warm-up left out): median ${median(cpuTimes.slice(1)).toFixed(0)} ms, about what the call takes when a core is free.`,
      }),
      line({
        name: 'longest main-thread stall during forSource, 2 MB',
        unit: 'ms',
        value: stall,
        floor: { name: 'idle for as long', value: idle },
        target: { of: 'value', op: '<=', limit: 30 },
      }),
    )
    await workspace.close()
    return out
  },
}

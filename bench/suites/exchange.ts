/**
 * STIX 2.1 exchange of a whole project: the export beside one JSON.stringify of the same
 * bundle, the import (upload in chunks, preview, apply into an empty project) beside one
 * JSON.parse of it, and the longest stall of the main process's event loop meanwhile. Runs
 * in this process; the export (and its reading of the project) and the import's plan run in
 * the exchange worker, the import's records are journaled in parts on the main process.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { UPLOAD_CHUNK_CHARS } from '../../src/shared/contract'
import type { PhaseTiming } from '../../src/main/core/phase-clock'
import {
  applyImport,
  exportStix,
  lastExchangePhases,
  previewImport,
  receiveUpload,
} from '../../src/main/core/services/exchange'
import { Workspace } from '../../src/main/core/workspace'
import { toUploadPart } from '../../src/main/core/exchange/upload-parts'
import { COLLECTIONS, collectionOf } from '../../src/main/core/store/collections'
import type { ProjectStore } from '../../src/main/core/project-store'
import { ImportBound } from '../import-bound'
import { line, longestStall, median, sleep, target, timeAlternately, withCpuTime } from '../measure'
import type { BenchSuite, Measurement } from '../types'

/** The main process may block this long at most (DESIGN: "nothing there may block for more than ~30 ms"). */
const STALL_MS = 30

/** Each phase's timings over the runs, in the order the phases first came. */
class PhaseRuns {
  private readonly runs = new Map<string, number[]>()

  add(phases: readonly PhaseTiming[]): void {
    for (const { phase, ms } of phases) {
      const list = this.runs.get(phase) ?? []
      list.push(ms)
      this.runs.set(phase, list)
    }
  }

  /** Informational lines (no target): the median of each phase. */
  lines(what: string): Measurement[] {
    return [...this.runs].map(([phase, times]) =>
      line({ name: `${what} phase · ${phase}`, unit: 'ms', value: median(times) }),
    )
  }
}

export const exchangeSuite: BenchSuite = {
  name: 'exchange',
  async run(ctx) {
    const preset = ctx.preset
    const generated = await ctx.project(preset)
    const parent = await mkdtemp(join(ctx.tmpDir, 'exchange-'))
    const folder = join(parent, 'project')
    await cp(generated, folder, { recursive: true })
    const workspace = new Workspace({
      userDataDir: join(parent, 'user-data'),
      store: { backups: false },
    })
    const out: Measurement[] = []
    try {
      const store = await workspace.open(folder)
      // The integrity pass runs just after an open: let it finish before anything is timed.
      await store.verified
      const exportPhases = new PhaseRuns()
      let timingRuns = false
      const exportOnce = async (): Promise<string> => {
        const { content } = await exportStix(store, { scope: { kind: 'project' }, tlp: 'amber' })
        if (timingRuns) exportPhases.add(lastExchangePhases('stix-export'))
        return content
      }
      /** The export by the exchange worker alone (no helper thread), to weigh the helper. */
      const exportAlone = async (): Promise<void> => {
        await exportStix(
          store,
          { scope: { kind: 'project' }, tlp: 'amber' },
          { shareFromBytes: Number.POSITIVE_INFINITY },
        )
      }
      const text = await exportOnce()
      const bundle: unknown = JSON.parse(text)
      const megabytes = (Buffer.byteLength(text) / 1e6).toFixed(1)
      const objects = (bundle as { objects: unknown[] }).objects.length

      ctx.log(`  export (${megabytes} MB bundle, ${objects} objects)`)
      // The worker keeps the project it read: an edit makes the next export read it again.
      let edits = 0
      const editOne = (): void =>
        store.mutate((data) => {
          data.entities[0] = { ...data.entities[0]!, description: `Edited ${++edits}` }
        })
      timingRuns = true
      const exported = await timeAlternately(ctx.runs, {
        export: { run: exportOnce },
        afterEdit: { before: editOne, run: exportOnce },
        alone: { run: exportAlone },
        stringify: { run: () => JSON.stringify(bundle) },
      })
      timingRuns = false
      const exportStalls: number[] = []
      for (let i = 0; i < ctx.runs; i++) {
        editOne()
        exportStalls.push(await longestStall(exportOnce))
      }
      const idleExport = await longestStall(() => sleep(exported.afterEdit))

      ctx.log('  import into an empty project')
      let run = 0
      const importPhases = new PhaseRuns()
      const importOnce = async (): Promise<void> => {
        const uploadId = `bench-upload-${run}`
        for (let index = 0; index * UPLOAD_CHUNK_CHARS < text.length; index++) {
          receiveUpload({
            uploadId,
            index,
            text: text.slice(index * UPLOAD_CHUNK_CHARS, (index + 1) * UPLOAD_CHUNK_CHARS),
          })
          await new Promise((resolve) => setImmediate(resolve))
        }
        const preview = await previewImport(workspace, {
          uploadId,
          fileName: 'medium.stix.json',
          target: 'current',
        })
        const outcome = await applyImport(workspace, {
          planId: preview.planId,
          digest: preview.digest,
        })
        if (outcome.status !== 'applied') throw new Error('the import plan changed under the bench')
        if (timingRuns) importPhases.add(lastExchangePhases('import'))
      }
      const freshProject = async (): Promise<void> => {
        run++
        // Creating the next project flushes and closes the last one, outside the timing.
        await workspace.create(`Bench import ${run}`)
      }
      timingRuns = true
      const importCpu: number[] = []
      const imported = await timeAlternately(ctx.runs, {
        import: { before: freshProject, run: () => withCpuTime(importCpu, importOnce) },
        parse: { run: () => JSON.parse(text) },
      })
      timingRuns = false
      const importStalls: number[] = []
      for (let i = 0; i < ctx.runs; i++) {
        await freshProject()
        importStalls.push(await longestStall(importOnce))
      }
      const idleImport = await longestStall(() => sleep(imported.import))
      const counts = workspace.current.data
      const bound = await measureBound(workspace.current, text, parent, ctx.runs)
      const note = `${megabytes} MB bundle of ${objects.toLocaleString('en')} objects; the import made ${counts.entities.length.toLocaleString('en')} entities, ${counts.relations.length.toLocaleString('en')} relations, ${counts.annotations.length.toLocaleString('en')} quotes and ${counts.sources.length.toLocaleString('en')} sources (texts written durably).`

      out.push(
        line({
          name: `STIX export of the ${preset} project`,
          unit: 'ms',
          value: exported.export,
          floor: { name: 'JSON.stringify of the bundle', value: exported.stringify },
          target: target.ratioAtMost(2),
          note,
        }),
        line({
          name: `STIX export of the ${preset} project after an edit`,
          unit: 'ms',
          value: exported.afterEdit,
          floor: { name: 'JSON.stringify of the bundle', value: exported.stringify },
          target: target.ratioAtMost(2),
          note: 'The exchange worker reads the project from its files again (one entity edited before each run); the line above is an export of a project the warm worker read already.',
        }),
        line({
          name: `STIX export of the ${preset} project by one thread`,
          unit: 'ms',
          value: exported.alone,
          floor: { name: 'JSON.stringify of the bundle', value: exported.stringify },
          note: 'Informational: the same export with the exchange worker’s helper thread left out (a project under 4 MB is always exported so), to weigh what the second thread brings.',
        }),
        line({
          name: `STIX import into an empty project (${preset})`,
          unit: 'ms',
          value: imported.import,
          floor: { name: 'JSON.parse of the bundle', value: imported.parse },
          target: target.ratioAtMost(2),
          note: `Upload in 2 M-character chunks, preview (the exchange worker parses and plans against the files it reads), apply (the worker checks the plan, writes the texts with one folder sync, sends the records in batches; the main process journals them in parts). CPU time of the process per import (every thread): median ${median(importCpu).toFixed(0)} ms. Where the time goes: the phase lines below.`,
        }),
        line({
          name: `longest main-process stall, STIX export (${preset})`,
          unit: 'ms',
          value: median(exportStalls),
          floor: { name: 'longest stall of the idle event loop', value: idleExport },
          target: target.atMost(STALL_MS),
          note: 'Exports after an edit (the worker reads the files). The floor is the machine’s own noise: the same loop left idle for as long.',
        }),
        line({
          name: `longest main-process stall, STIX import (${preset})`,
          unit: 'ms',
          value: median(importStalls),
          floor: { name: 'longest stall of the idle event loop', value: idleImport },
          target: target.atMost(STALL_MS),
        }),
        line({
          name: `least durable import of the bundle (bound, ${preset})`,
          unit: 'ms',
          value: bound.ms,
          floor: { name: 'JSON.parse of the bundle', value: bound.parse },
          note: `Informational: the least any durable import of this bundle must do, with the app's primitives, pipelined over two threads (bench/import-bound.ts; the plan counted as free). Steps, median ms (× the parse): ${Object.entries(
            bound.steps,
          )
            .map(([step, ms]) => `${step} ${ms.toFixed(0)} (${(ms / bound.parse).toFixed(2)}×)`)
            .join(
              '; ',
            )}. The import above takes ${(imported.import / bound.ms).toFixed(2)}× the bound.`,
        }),
        ...exportPhases.lines(`STIX export (${preset})`),
        ...importPhases.lines(`STIX import (${preset})`),
      )
    } finally {
      await workspace.close()
      await rm(parent, { recursive: true, force: true })
    }
    return out
  },
}

/**
 * The import bound (bench/import-bound.ts) for `text`, with the records and texts the real
 * import left in `store`, beside JSON.parse of the same text: medians of `runs`.
 */
async function measureBound(
  store: ProjectStore,
  text: string,
  parent: string,
  runs: number,
): Promise<{ ms: number; parse: number; steps: Record<string, number> }> {
  const records = COLLECTIONS.flatMap((collection) =>
    collectionOf(store.data, collection).map((record) => ({ collection, record })),
  )
  // One at a time: thousands of files open at once may pass the process's limit.
  const texts: { contentHash: string; text: string }[] = []
  for (const { contentHash } of store.data.sources) {
    texts.push({ contentHash, text: await store.readSourceText(contentHash) })
  }
  const bound = await ImportBound.start(records, texts)
  try {
    const bundle = toUploadPart(text)
    const steps = new Map<string, number[]>()
    const timed = await timeAlternately(runs, {
      bound: {
        run: async () => {
          const timing = await bound.run(bundle, parent)
          for (const [step, ms] of Object.entries(timing.steps)) {
            steps.set(step, [...(steps.get(step) ?? []), ms])
          }
        },
      },
      parse: { run: () => JSON.parse(text) },
    })
    return {
      ms: timed.bound,
      parse: timed.parse,
      // The first timing of each step is the warm-up's.
      steps: Object.fromEntries([...steps].map(([step, times]) => [step, median(times.slice(1))])),
    }
  } finally {
    await bound.close()
  }
}

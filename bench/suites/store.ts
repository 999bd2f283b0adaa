/**
 * The store: opening a project, acknowledging an edit, the durable write of
 * project.json, coalescing a burst of edits, and how long the main process's event loop
 * is blocked meanwhile. Runs in this process, as the store runs in the main process.
 */
import { cp, mkdtemp, open, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createDispatch, type Dispatch } from '../../src/main/core/dispatch'
import { PROJECT_FILE, ProjectStore } from '../../src/main/core/project-store'
import { Workspace } from '../../src/main/core/workspace'
import { ProjectFile } from '../../src/shared/model'
import { line, longestStall, median, sleep, target, timeAlternately, timeOnce } from '../measure'
import type { BenchContext, BenchSuite, Measurement } from '../types'

const FRAME_MS = 16
const LONG_TASK_MS = 100
const BURST = 100

export const storeSuite: BenchSuite = {
  name: 'store',
  async run(ctx) {
    const preset = ctx.preset
    const generated = await ctx.project(preset)
    const file = join(generated, PROJECT_FILE)
    const megabytes = ((await stat(file)).size / 1e6).toFixed(1)
    const out: Measurement[] = []

    // ---- open: to a ready store, beside its floors
    ctx.log(`  open (${megabytes} MB project.json)`)
    const readParse = async (): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'))
    const opened = await timeAlternately(ctx.runs, {
      open: { run: () => ProjectStore.open(generated) },
      parse: { run: readParse },
      validate: {
        run: async () => {
          if (!ProjectFile.safeParse(await readParse()).success) throw new Error('invalid file')
        },
      },
    })
    out.push(
      line({
        name: `open ${preset} project → ready store`,
        unit: 'ms',
        value: opened.open,
        floor: { name: 'read + JSON.parse', value: opened.parse },
        note: `project.json of ${megabytes} MB; the store also migrates, validates and checks integrity.`,
      }),
      line({
        name: `open ${preset} project → ready store`,
        unit: 'ms',
        value: opened.open,
        floor: { name: 'read + parse + ProjectFile', value: opened.validate },
        target: target.ratioAtMost(2),
      }),
    )

    // ---- one edit, acknowledged
    ctx.log('  edits')
    const editing = await openCopy(ctx, generated, 'edit')
    try {
      const groups = editing.store.data.entities.filter((e) => e.type === 'group')
      let n = 0
      const edit = async (): Promise<void> => {
        const entity = groups[n++ % groups.length]!
        const result = await editing.dispatch('entities.update', {
          id: entity.id,
          patch: { description: `Edited in the bench (${n}).` },
        })
        if (!result.ok) throw new Error(result.error.message)
      }
      await edit()
      const acks: number[] = []
      for (let i = 0; i < Math.max(20, ctx.runs * 4); i++) acks.push(await timeOnce(edit))
      out.push(
        line({
          name: `one edit acknowledged (entities.update, ${preset})`,
          unit: 'ms',
          value: median(acks),
          target: target.atMost(FRAME_MS),
          note: `Through dispatch, applied in memory; slowest of ${acks.length}: ${Math.max(...acks).toFixed(2)} ms.`,
        }),
      )
      await editing.store.flush()

      // ---- the durable write of project.json, beside a bare write of the same bytes
      ctx.log('  durable write')
      const floorPath = join(editing.folder, 'floor.json')
      const writes = await timeAlternately(ctx.runs, {
        flush: { before: edit, run: () => editing.store.flush() },
        floor: {
          run: async () => {
            const handle = await open(floorPath, 'w')
            try {
              await handle.writeFile(JSON.stringify(editing.store.data))
              await handle.sync()
            } finally {
              await handle.close()
            }
          },
        },
      })
      await rm(floorPath, { force: true })
      out.push(
        line({
          name: `durable write of project.json (flush, ${preset})`,
          unit: 'ms',
          value: writes.flush,
          floor: { name: 'stringify + write + fsync', value: writes.floor },
          target: target.ratioAtMost(1.5),
          note: 'The durable write adds a temp file, a rename and an fsync of the folder.',
        }),
      )
    } finally {
      await editing.close()
    }

    // ---- a burst of edits: how many writes reach the disk
    ctx.log('  burst')
    const burst = await openCopy(ctx, generated, 'burst')
    try {
      const before = burst.store.saveState().writes
      const entities = burst.store.data.entities
      const started = performance.now()
      for (let i = 0; i < BURST; i++) {
        const entity = entities[i % entities.length]!
        const result = await burst.dispatch('entities.update', {
          id: entity.id,
          patch: { description: `Burst edit ${i}.` },
        })
        if (!result.ok) throw new Error(result.error.message)
      }
      const applied = performance.now() - started
      await waitUntilSaved(burst.store)
      const settled = performance.now() - started
      out.push(
        line({
          name: `burst of ${BURST} edits → file writes (${preset})`,
          unit: 'count',
          value: burst.store.saveState().writes - before,
          target: target.atMost(2),
          note: `${BURST} edits applied in ${applied.toFixed(0)} ms; on disk ${settled.toFixed(0)} ms after the first.`,
        }),
      )
    } finally {
      await burst.close()
    }

    // ---- the longest event-loop stall while opening, then while editing
    ctx.log('  event-loop stalls')
    const stallCopy = await copyProject(ctx, generated, 'stall')
    const openStalls: number[] = []
    const parseTimes: number[] = []
    const editStalls: number[] = []
    const stringifyTimes: number[] = []
    for (let i = 0; i < ctx.runs; i++) {
      const workspace = new Workspace({ userDataDir: join(stallCopy.folder, '..', 'user-data') })
      openStalls.push(await longestStall(() => workspace.open(stallCopy.folder)))
      const text = await readFile(join(stallCopy.folder, PROJECT_FILE), 'utf8')
      parseTimes.push(await timeOnce(() => JSON.parse(text)))
      const editable = workspace.current
      const ids = editable.data.entities.map((e) => e.id)
      const dispatch = createDispatch(workspace)
      // An analyst's pace at its quickest: an edit every 10 ms for a second, each write
      // coalescing what came before it, then the final flush.
      editStalls.push(
        await longestStall(async () => {
          for (let e = 0; e < BURST; e++) {
            await dispatch('entities.update', {
              id: ids[(e * 7) % ids.length]!,
              patch: { description: `Stall run ${i}, edit ${e}.` },
            })
            await sleep(10)
          }
          await editable.flush()
        }),
      )
      stringifyTimes.push(await timeOnce(() => JSON.stringify(editable.data)))
      await workspace.close()
    }
    out.push(
      line({
        name: `longest main-process stall while opening (${preset})`,
        unit: 'ms',
        value: median(openStalls),
        floor: { name: 'JSON.parse alone', value: median(parseTimes) },
        target: target.atMost(LONG_TASK_MS),
        note: 'Opening parses and validates the whole file in one synchronous stretch.',
      }),
      line({
        name: `longest main-process stall while editing (${preset})`,
        unit: 'ms',
        value: median(editStalls),
        floor: { name: 'JSON.stringify alone', value: median(stringifyTimes) },
        target: target.atMost(LONG_TASK_MS),
        note: `${BURST} edits 10 ms apart with their coalesced writes; each write serializes the whole project in one synchronous JSON.stringify.`,
      }),
    )
    return out
  },
}

interface OpenCopy {
  folder: string
  store: ProjectStore
  dispatch: Dispatch
  close(): Promise<void>
}

/** A copy of the generated project opened as the app opens one (edits never touch the original). */
async function openCopy(ctx: BenchContext, generated: string, label: string): Promise<OpenCopy> {
  const { folder, parent } = await copyProject(ctx, generated, label)
  const workspace = new Workspace({ userDataDir: join(parent, 'user-data') })
  const store = await workspace.open(folder)
  return {
    folder,
    store,
    dispatch: createDispatch(workspace),
    async close() {
      await workspace.close()
      await rm(parent, { recursive: true, force: true })
    },
  }
}

async function copyProject(
  ctx: BenchContext,
  generated: string,
  label: string,
): Promise<{ folder: string; parent: string }> {
  const parent = await mkdtemp(join(ctx.tmpDir, `store-${label}-`))
  const folder = join(parent, 'project')
  await cp(generated, folder, { recursive: true })
  return { folder, parent }
}

/** Resolves once every edit is on disk. */
async function waitUntilSaved(store: ProjectStore, timeoutMs = 60_000): Promise<void> {
  const started = performance.now()
  while (store.saveState().pending) {
    if (performance.now() - started > timeoutMs) throw new Error('the edits were never saved')
    await sleep(5)
  }
}

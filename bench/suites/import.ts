/**
 * Importing a 20 MB PDF (about 3,700 pages of text): the document is read in the import
 * worker, so the main process only receives the text. The figure is the longest time the
 * main event loop was blocked from the call to the stored source, with the views' progress
 * polling and other calls going on meanwhile; its floor is the longest stall of the same
 * loop left idle for as long (the machine's own noise).
 */
import { join } from 'node:path'
import { createDispatch } from '../../src/main/core/dispatch'
import { Workspace } from '../../src/main/core/workspace'
import { makeLargePdf } from '../../test/support/documents'
import { line, longestStall, median, sleep, target } from '../measure'
import type { BenchSuite, Measurement } from '../types'

/** As often as the import results poll a running import. */
const POLL_MS = 400

export const importSuite: BenchSuite = {
  name: 'import',
  async run(ctx) {
    const pdf = makeLargePdf(18.3)
    const megabytes = (pdf.byteLength / (1024 * 1024)).toFixed(1)
    const dataBase64 = pdf.toString('base64')
    const workspace = new Workspace({
      userDataDir: join(ctx.tmpDir, 'import-user'),
      store: { writeDelayMs: 200, backups: false },
    })
    const dispatch = createDispatch(workspace)
    const runs = ctx.quick ? 1 : Math.min(ctx.runs, 3)
    const stalls: number[] = []
    const idle: number[] = []
    const took: number[] = []
    let pages = 0
    let characters = 0
    let polls = 0
    let answered = 0
    try {
      for (let run = 0; run < runs; run++) {
        await workspace.create(`Import bench ${run + 1}`, join(ctx.tmpDir, `import-${run}`))
        ctx.log(`  importing a ${megabytes} MB PDF (run ${run + 1} of ${runs})`)
        const jobId = `bench-import-${run}`
        let done = false
        const started = performance.now()
        const stall = await longestStall(async () => {
          const others = (async () => {
            while (!done) {
              const progress = await dispatch('sources.importProgress', { jobId })
              if (progress.ok) polls++
              const listed = await dispatch('entities.list', { type: 'group' })
              if (listed.ok) answered++
              await sleep(POLL_MS)
            }
          })()
          try {
            const result = await dispatch('sources.import', {
              fileName: 'long-report.pdf',
              dataBase64,
              jobId,
            })
            if (!result.ok) throw new Error(result.error.message)
            const outcome = result.value as {
              status: string
              source: { length: number; pages?: unknown[] }
            }
            if (outcome.status !== 'imported') throw new Error(`expected a new source`)
            characters = outcome.source.length
            pages = outcome.source.pages?.length ?? 0
            await workspace.current.flush()
          } finally {
            done = true
            await others
          }
        })
        const ms = performance.now() - started
        took.push(ms)
        stalls.push(stall)
        idle.push(await longestStall(() => sleep(Math.min(ms, 20_000))))
      }
    } finally {
      await workspace.close()
      await workspace.imports.close()
    }
    const out: Measurement[] = [
      line({
        name: `import a ${megabytes} MB PDF: longest main-thread stall`,
        unit: 'ms',
        value: median(stalls),
        floor: { name: 'longest stall of the idle event loop', value: median(idle) },
        target: target.atMost(30),
        note: `${pages.toLocaleString('en')} pages, ${characters.toLocaleString('en')} characters; ${answered} other calls and ${polls} progress polls answered meanwhile; worst of ${runs} runs ${Math.max(...stalls).toFixed(0)} ms`,
      }),
      line({
        name: `import a ${megabytes} MB PDF: call to stored source`,
        unit: 'ms',
        value: median(took),
        note: 'pdf.js in the import worker, the text stored and the project saved',
      }),
    ]
    return out
  },
}

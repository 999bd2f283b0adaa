/**
 * Memory: the peak resident set of the main process (browser mode, out/main/serve.js in
 * a child process) once a project is open and the Groups and Sources views have loaded,
 * beside the size of its records on disk (snapshot and journal). The app's own floor, the
 * same process with the tiny sample project open, is given in the note.
 */
import { cp, mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOT, startBrowserMode } from '../app'
import { line, target } from '../measure'
import type { BenchContext, BenchSuite, Measurement } from '../types'
import { storeBytes } from './store'

const MB = 1e6

export const memorySuite: BenchSuite = {
  name: 'memory',
  async run(ctx) {
    await ctx.build()
    const sample = join(await mkdtemp(join(ctx.tmpDir, 'memory-sample-')), 'project')
    await cp(join(ROOT, 'data', 'sample'), sample, { recursive: true })
    const baseline = (await memoryWithProject(ctx, sample)).peakRssBytes
    ctx.log(`  sample project: ${(baseline / MB).toFixed(0)} MB`)

    const presets = ctx.quick ? [ctx.preset] : [ctx.preset, 'large' as const]
    const out: Measurement[] = []
    for (const preset of presets) {
      const folder = await ctx.project(preset)
      const fileBytes = await storeBytes(folder)
      const { peakRssBytes: peak, rssBytes: now } = await memoryWithProject(ctx, folder)
      ctx.log(`  ${preset} project: ${(peak / MB).toFixed(0)} MB`)
      out.push(
        line({
          name: `peak RSS of the main process, ${preset} project open`,
          unit: 'MB',
          value: peak / MB,
          floor: { name: 'bytes on disk', value: fileBytes / MB },
          target: target.ratioAtMost(4),
          note: `Browser mode after project.info, entities.table, sources.list and project.save (which waits for the integrity pass run just after the open): ${(now / MB).toFixed(0)} MB resident then; the same process with the sample project peaks at ${(baseline / MB).toFixed(0)} MB. Opening streams the snapshot a chunk at a time on the main thread (a first open: no receipt, so every record is checked by its compiled schema there, with no worker parsing the snapshot a second time): the records (the schema's output; the parsed ones become garbage) and the change tracker's index are what stays.`,
        }),
        line({
          name: `peak RSS the ${preset} project adds (minus the sample's)`,
          unit: 'MB',
          value: (peak - baseline) / MB,
          floor: { name: 'bytes on disk', value: fileBytes / MB },
          target: target.ratioAtMost(3),
          note: 'What the project itself costs at the peak, without Node and the server.',
        }),
      )
    }
    return out
  },
}

/** Starts browser mode on `folder`, loads what the first views ask for, reads its memory. */
async function memoryWithProject(
  ctx: BenchContext,
  folder: string,
): Promise<{ peakRssBytes: number; rssBytes: number }> {
  const app = await startBrowserMode({
    projectDir: folder,
    userDataDir: await mkdtemp(join(ctx.tmpDir, 'memory-user-data-')),
    probeMemory: true,
  })
  try {
    await app.call('project.info')
    await app.call('entities.table', { type: 'group' })
    await app.call('sources.list')
    // A save waits for the integrity pass that runs just after the open: its peak counts too.
    await app.call('project.save')
    return await app.memory()
  } finally {
    await app.stop()
  }
}

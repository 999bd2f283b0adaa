/**
 * npm run bench: every hot path beside its floor measured in the same run, one table.
 *
 *   npm run bench                      medium project (and large for memory), ~5 runs each
 *   npm run bench -- --quick           small project, fewer runs: a smoke run under 2 minutes
 *   npm run bench -- --only store,api  some suites only
 *   npm run bench -- --json out.json   where the JSON goes (default bench-results/<time>.json)
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ROOT } from './app'
import { BUILT_MARKER_ENV, createContext } from './context'
import { suites } from './suites'
import { renderTable, verdict, type TableRow } from './table'
import type { Measurement } from './types'

const USAGE = `Usage: npm run bench -- [--quick] [--only <suite>[,<suite>…]] [--json <file>] [--runs N]
Suites: ${suites.map((s) => s.name).join(', ')}`

interface SuiteResult {
  name: string
  seconds: number
  measurements: Measurement[]
  error?: string
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string' },
      json: { type: 'string' },
      runs: { type: 'string' },
      // Internal: this process runs one suite for a parent run (see runInOwnProcess).
      'suite-process': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const quick = values.quick === true
  const runs = values.runs ? Number(values.runs) : quick ? 3 : 5
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a whole number ≥ 1`)
  const only = values.only?.split(',').map((name) => name.trim())
  const unknown = only?.filter((name) => !suites.some((s) => s.name === name)) ?? []
  if (unknown.length > 0) {
    console.error(`Unknown suite: ${unknown.join(', ')}\n${USAGE}`)
    return 2
  }
  const selected = only ? suites.filter((s) => only.includes(s.name)) : suites

  const startedAt = new Date()
  const { ctx, dispose } = await createContext({ quick, runs })
  console.error(
    `Sightline bench${quick ? ' (quick)' : ''}: ${selected.map((s) => s.name).join(', ')} on the ${ctx.preset} project, median of ${runs} runs after a warm-up`,
  )
  const results: SuiteResult[] = []
  const ownProcesses = selected.length > 1 && values['suite-process'] !== true
  const shared = ownProcesses ? await mkdtemp(join(tmpdir(), 'sightline-bench-run-')) : null
  try {
    for (const suite of selected) {
      if (shared) {
        results.push(await runInOwnProcess(suite.name, { quick, runs, shared }))
        continue
      }
      console.error(`${suite.name}…`)
      const started = performance.now()
      try {
        const measurements = await (await suite.load()).run(ctx)
        results.push({ name: suite.name, seconds: seconds(started), measurements })
      } catch (error) {
        console.error(`  ${suite.name} failed: ${(error as Error).stack ?? String(error)}`)
        results.push({
          name: suite.name,
          seconds: seconds(started),
          measurements: [],
          error: (error as Error).message,
        })
      }
      console.error(`  ${suite.name} took ${seconds(started).toFixed(1)} s`)
    }
  } finally {
    await dispose()
    if (shared) await rm(shared, { recursive: true, force: true })
  }

  const rows: TableRow[] = results.flatMap((r) =>
    r.measurements.map((measurement) => ({ suite: r.name, measurement })),
  )
  console.log('')
  console.log(renderTable(rows))
  const missed = rows.filter((r) => verdict(r.measurement) === 'MISSED')
  const failed = results.filter((r) => r.error)
  const totalSeconds = (Date.now() - startedAt.getTime()) / 1000
  console.log('')
  console.log(
    `${rows.length} figures, ${missed.length} targets missed, ${failed.length} suites failed, ${totalSeconds.toFixed(0)} s in all.`,
  )
  for (const r of failed) console.log(`Suite ${r.name} failed: ${r.error}`)

  const jsonPath = resolve(
    values.json ??
      join(ROOT, 'bench-results', `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`),
  )
  await mkdir(dirname(jsonPath), { recursive: true })
  await writeFile(
    jsonPath,
    JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        seconds: totalSeconds,
        quick,
        runs,
        preset: ctx.preset,
        ...gitState(),
        machine: {
          node: process.version,
          platform: `${process.platform}-${process.arch}`,
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model,
          memoryMB: Math.round(totalmem() / 1e6),
        },
        suites: results.map((r) => ({
          ...r,
          measurements: r.measurements.map((m) => ({ ...m, verdict: verdict(m) || undefined })),
        })),
      },
      null,
      2,
    ) + '\n',
  )
  console.log(`JSON: ${jsonPath}`)
  // A missed target is news, not a failure; a suite that could not measure is.
  return failed.length > 0 ? 1 : 0
}

/**
 * Runs one suite in a process of its own and reads back its results. A suite's process then
 * holds the app and that suite only, as the app's own process would: in one long process,
 * every earlier suite's modules (playwright-core's 20 MB among them) stayed in the heap that
 * each garbage collection walks, and the later suites' stall lines measured that. The app is
 * built once for the whole run, by the first suite that asks (context.ts).
 */
async function runInOwnProcess(
  name: string,
  { quick, runs, shared }: { quick: boolean; runs: number; shared: string },
): Promise<SuiteResult> {
  const started = performance.now()
  const json = join(shared, `${name}.json`)
  const args = [
    ...process.execArgv,
    process.argv[1]!,
    '--suite-process',
    '--only',
    name,
    '--runs',
    String(runs),
    '--json',
    json,
    ...(quick ? ['--quick'] : []),
  ]
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      // Progress goes on to the person waiting; the child's own table is not wanted.
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, [BUILT_MARKER_ENV]: join(shared, 'app-built') },
    })
    child.once('error', reject)
    child.once('exit', (exitCode) => resolve(exitCode))
  })
  try {
    const written = JSON.parse(await readFile(json, 'utf8')) as { suites: SuiteResult[] }
    const result = written.suites.find((suite) => suite.name === name)
    if (result) return result
  } catch {
    // Reported below: the suite's process ended without its results.
  }
  return {
    name,
    seconds: seconds(started),
    measurements: [],
    error: `its process ended (exit code ${code}) without writing its results`,
  }
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000
}

function gitState(): { commit?: string; dirty?: boolean } {
  try {
    const git = (...args: string[]): string =>
      execFileSync('git', args, {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
    return {
      commit: git('rev-parse', 'HEAD').trim(),
      dirty: git('status', '--porcelain').trim() !== '',
    }
  } catch {
    return {}
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: Error) => {
    console.error(error.message)
    process.exitCode = 1
  },
)

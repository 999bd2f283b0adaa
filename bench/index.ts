/**
 * npm run bench: every hot path beside its floor measured in the same run, one table.
 *
 *   npm run bench                      medium project (and large for memory), ~5 runs each
 *   npm run bench -- --quick           small project, fewer runs: a smoke run under 2 minutes
 *   npm run bench -- --only store,api  some suites only
 *   npm run bench -- --json out.json   where the JSON goes (default bench-results/<time>.json)
 */
import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ROOT } from './app'
import { createContext } from './context'
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
  try {
    for (const suite of selected) {
      console.error(`${suite.name}…`)
      const started = performance.now()
      try {
        const measurements = await suite.run(ctx)
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

/**
 * The app as a user runs it, for suites that measure it from outside: the build, and
 * browser mode (out/main/serve.js) started on a project folder in a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export const ROOT = resolve(import.meta.dirname, '..')
const SERVE = join(ROOT, 'out', 'main', 'serve.js')
const RSS_PROBE = join(ROOT, 'bench', 'rss-probe.mjs')

/** Runs `electron-vite build`, so that suites measure the code as it is now. */
/** A worker of the build (ctx.build() first): the bundle the app runs, not the TypeScript under tsx. */
export function builtWorker(name: string): URL {
  return pathToFileURL(join(ROOT, 'out', 'main', `${name}.js`))
}

export async function buildApp(): Promise<void> {
  const bin = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const { code, output } = await run(process.execPath, [bin, 'build'])
  if (code !== 0) throw new Error(`electron-vite build failed (exit ${code}):\n${output}`)
}

export interface BrowserModeOptions {
  projectDir: string
  userDataDir: string
  /** Load bench/rss-probe.mjs so memory() can ask the process for its peak. */
  probeMemory?: boolean
  /** How long opening the project may take before giving up. */
  timeoutMs?: number
}

export interface RunningApp {
  /** The printed URL with its token, as a user would open it. */
  url: string
  origin: string
  token: string
  process: ChildProcess
  /** Calls a contract method over the HTTP adapter, as the renderer does; throws on an error result. */
  call(method: string, input?: unknown): Promise<unknown>
  /** Resident memory of the server process in bytes: the peak so far and now (needs probeMemory). */
  memory(): Promise<{ peakRssBytes: number; rssBytes: number }>
  /** SIGTERM, which flushes and closes the project, then waits for the exit. */
  stop(): Promise<void>
}

/** Starts `node out/main/serve.js --project … --user-data …` and waits for its URL. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<RunningApp> {
  if (!existsSync(SERVE)) throw new Error(`${SERVE} is missing: build the app first`)
  const nodeArgs = options.probeMemory ? ['--import', pathToFileURL(RSS_PROBE).href] : []
  const child = spawn(
    process.execPath,
    [...nodeArgs, SERVE, '--project', options.projectDir, '--user-data', options.userDataDir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe', ...(options.probeMemory ? ['ipc' as const] : [])],
    },
  )
  let output = ''
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(new Error(`browser mode did not start in time:\n${output}`))
    }, options.timeoutMs ?? 120_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`browser mode exited with ${code}:\n${output}`))
    })
  })
  const parsed = new URL(url)
  const token = parsed.searchParams.get('token')!
  return {
    url,
    origin: parsed.origin,
    token,
    process: child,
    async call(method, input = {}) {
      const response = await fetch(`${parsed.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sightline-Token': token },
        body: JSON.stringify(input),
      })
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
      return result.value
    },
    memory() {
      return new Promise((resolveMemory, reject) => {
        if (!child.send) return reject(new Error('start browser mode with probeMemory'))
        child.once('message', (message) =>
          resolveMemory(message as { peakRssBytes: number; rssBytes: number }),
        )
        child.send('memory')
      })
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => done({ code, output }))
  })
}

import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect } from '@playwright/test'

const ROOT = resolve(import.meta.dirname, '..')
const SERVE = join(ROOT, 'out', 'main', 'serve.js')

export interface RunningApp {
  /** The printed URL, token included. */
  url: string
  /** The project folder: a fresh copy of the sample for each test. */
  projectDir: string
}

/** Starts browser mode on a project folder and waits for its URL. */
export async function startApp(
  projectDir: string,
  userDataDir: string,
): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [SERVE, '--project', projectDir, '--user-data', userDataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start:\n${output}`)),
      20_000,
    )
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)))
  })
  return { url, process: child }
}

/** Changes the fresh copy of the sample before the app opens it (damage it, add backups…). */
export type PrepareProject = (projectDir: string) => Promise<void>

export const test = base.extend<{ app: RunningApp; prepareProject: PrepareProject }>({
  // Override with test.extend({ prepareProject: async ({}, use) => use(async (dir) => …) }).
  prepareProject: async ({}, use) => {
    await use(async () => undefined)
  },
  app: async ({ prepareProject }, use) => {
    const temp = await mkdtemp(join(tmpdir(), 'sightline-e2e-'))
    const projectDir = join(temp, 'project')
    await cp(join(ROOT, 'data', 'sample'), projectDir, { recursive: true })
    await prepareProject(projectDir)
    const { url, process: child } = await startApp(projectDir, join(temp, 'user-data'))
    await use({ url, projectDir })
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGTERM')
    await exited
    await rm(temp, { recursive: true, force: true })
  },
  page: async ({ page }, use) => {
    // Nothing may leave the machine: every request must go to our loopback server.
    const foreign: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') foreign.push(request.url())
    })
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })
    await use(page)
    expect(foreign, 'requests that left the machine').toEqual([])
    expect(violations, 'CSP violations').toEqual([])
  },
})

export { expect }

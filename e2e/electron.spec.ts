import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const ROOT = resolve(import.meta.dirname, '..')

/**
 * The Electron runtime, if one was downloaded. electron@45 fetches it lazily on first
 * launch, which fails without network; requiring 'electron' would trigger that download.
 */
function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return process.env.ELECTRON_OVERRIDE_DIST_PATH
  const packageDir = dirname(join(ROOT, 'node_modules', 'electron', 'package.json'))
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const reason =
  'no Electron runtime on this machine (electron@45 downloads it on first launch; the network is closed)'
if (!binary) console.log(`electron.spec.ts skipped: ${reason}`)

test('the Electron app opens the sample project and shows the groups', async () => {
  test.skip(!binary, reason)
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(ROOT, 'out', 'main', 'index.js')],
  })
  const window = await app.firstWindow()
  await expect(window.getByRole('region', { name: 'Groups table' })).toBeVisible()
  await expect(
    window.getByRole('gridcell', { name: 'National Resistance Front', exact: true }),
  ).toBeVisible()
  // Isolated and sandboxed: the page sees the narrow bridge and no Node.
  const globals = await window.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys((globalThis as { sightline?: object }).sightline ?? {}),
  }))
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke'] })
  await app.close()
})

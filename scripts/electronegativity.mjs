/**
 * Electronegativity (Doyensec's Electron security scanner) over the built main process and
 * preload, offline, failing on any high-severity finding.
 *
 * It scans the bundles in out/ rather than src/: its TypeScript parser (4.2) predates
 * syntax we use. Two network calls are switched off: its translation download (replaced by
 * a stub that fails at once, so it keeps its bundled English) and the Electron release
 * check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which needs the internet by design).
 */
import { existsSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const scannerEntry = require.resolve('@doyensec/electronegativity')
const gotPath = require.resolve('got', { paths: [dirname(scannerEntry)] })
const offline = () => Promise.reject(new Error('offline: Sightline lints without network'))
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline }
const run = require(scannerEntry)

const electronVersion = require('electron/package.json').version
const bundles = ['main', 'preload']
for (const bundle of bundles) {
  if (!existsSync(join(root, 'out', bundle))) {
    console.error(`out/${bundle} is missing: run \`npx electron-vite build\` first.`)
    process.exit(2)
  }
}
// Main and preload together (the global checks look across both), without the renderer
// bundle: a sandboxed web page with no Electron API, and syntax this parser cannot read.
const input = await mkdtemp(join(tmpdir(), 'sightline-electronegativity-'))
for (const bundle of bundles)
  await cp(join(root, 'out', bundle), join(input, bundle), { recursive: true })

let result
const quiet = console.log
console.log = () => undefined
try {
  result = await run({
    input,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  })
} finally {
  console.log = quiet
  await rm(input, { recursive: true, force: true })
}
const fatal = result.errors.filter((e) => !e.tolerable)
for (const e of fatal) console.error(`cannot parse ${e.file}: ${e.message}`)
if (fatal.length > 0) process.exit(2)

let high = 0
for (const issue of result.issues) {
  const level = issue.severity.name
  if (level === 'HIGH') high++
  console.log(
    `${level.padEnd(8)} ${issue.confidence.name.padEnd(9)} ${issue.id.padEnd(40)} out/${issue.file}:${issue.location.line}  ${issue.description}`,
  )
}
console.log(
  `Electronegativity ${require('@doyensec/electronegativity/package.json').version} (Electron ${electronVersion}): out/main and out/preload scanned, ${high} high-severity finding${high === 1 ? '' : 's'}.`,
)
process.exit(high > 0 ? 1 : 0)

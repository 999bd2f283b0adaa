// `npm start`: the Electron app where its runtime exists, else browser mode (said in one line).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const run = (command, args) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })

const build = run('npx', ['electron-vite', 'build'])
if (build.status !== 0) process.exit(build.status ?? 1)

// Reading path.txt, not require('electron'): requiring it would start a download.
const electronDir = join(root, 'node_modules', 'electron')
const pathFile = join(electronDir, 'path.txt')
const binary = existsSync(pathFile)
  ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  : null

if (binary && existsSync(binary)) {
  process.exit(run(binary, [join(root, 'out', 'main', 'index.js')]).status ?? 0)
}
console.log(
  'No Electron runtime on this machine (it cannot be downloaded here): starting browser mode instead.',
)
process.exit(
  run(process.execPath, [join(root, 'out', 'main', 'serve.js'), ...process.argv.slice(2)]).status ??
    0,
)

import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const APP_NAME = 'Sightline'

/** The folder of the built bundle (out/main), from which the renderer and data are found. */
const bundleDir = dirname(fileURLToPath(import.meta.url))

/** Walks up from the bundle to the folder holding package.json (the app root). */
function appRoot(): string {
  for (let dir = bundleDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) return resolve(bundleDir, '..', '..')
  }
}

export function rendererDir(): string {
  return join(appRoot(), 'out', 'renderer')
}

export function sampleProjectDir(): string {
  return join(appRoot(), 'data', 'sample')
}

/** The same folder Electron's app.getPath('userData') gives, so both modes share projects. */
export function defaultUserDataDir(): string {
  if (process.env.SIGHTLINE_USER_DATA) return resolve(process.env.SIGHTLINE_USER_DATA)
  const home = homedir()
  if (process.platform === 'win32') {
    return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  }
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME)
}

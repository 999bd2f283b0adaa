import { existsSync } from 'node:fs'

/**
 * CHROMIUM_PATH, else Debian's chromium; undefined when neither exists. A module of its own,
 * so that finding the browser does not load playwright-core (the bench asks, and its
 * processes should hold only what they measure).
 */
export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

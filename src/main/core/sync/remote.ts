/**
 * The team hub a project is linked to: a CouchDB-compatible database URL. Only HTTPS, or
 * plain HTTP to this computer (a hub on loopback): a password never crosses a network in
 * clear. Credentials are never part of the URL kept or shown.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../errors'

export const SYNC_FOLDER = '.sync'
export const REMOTE_FILE = 'remote.json'

export interface RemoteConfig {
  url: string
  username?: string
  live: boolean
}

/** The hub this project is linked to (`.sync/remote.json`), or null. */
export async function readRemote(folder: string): Promise<RemoteConfig | null> {
  try {
    const parsed = JSON.parse(
      await readFile(join(folder, SYNC_FOLDER, REMOTE_FILE), 'utf8'),
    ) as Partial<RemoteConfig>
    if (typeof parsed.url !== 'string') return null
    return {
      url: parsed.url,
      ...(typeof parsed.username === 'string' ? { username: parsed.username } : {}),
      live: parsed.live === true,
    }
  } catch {
    return null
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

export interface RemoteAddress {
  /** The database URL without credentials, query or fragment, ending without a slash. */
  url: string
  loopback: boolean
}

export function parseRemoteUrl(input: string): RemoteAddress {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    throw new AppError('invalid_input', `"${input.slice(0, 200)}" is not a URL.`)
  }
  if (url.username || url.password) {
    throw new AppError(
      'invalid_input',
      'Put the user name and password in their own fields, not in the URL (a URL is shown and kept).',
    )
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new AppError(
      'invalid_input',
      'A team hub must use https:// (plain http:// is allowed only to this computer, 127.0.0.1).',
    )
  }
  const path = url.pathname.replace(/\/+$/, '')
  if (!path || path === '') {
    throw new AppError(
      'invalid_input',
      'Name the database in the URL, e.g. https://hub.example.org/team-corpus.',
    )
  }
  return { url: `${url.protocol}//${url.host}${path}`, loopback }
}

/** The vault's key for a hub's password: per user name and database. */
export function credentialKey(url: string, username: string): string {
  return `couchdb ${username}@${url}`
}

/** Removes anything that looks like credentials from a message before it is shown or logged. */
export function redact(message: string, secrets: readonly string[] = []): string {
  let text = message.replace(/(\w+:\/\/)[^/@\s]+@/g, '$1')
  for (const secret of secrets) if (secret) text = text.split(secret).join('•••')
  return text
}

import type { Session, WebContents } from 'electron'

/** Schemes handed to the system browser; anything else a link points at goes nowhere. */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

export function externalUrlAllowed(raw: string): URL | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  return EXTERNAL_PROTOCOLS.has(url.protocol) ? url : null
}

/**
 * No navigation away from the app, no new windows (http/https/mailto links open in the
 * system browser), no webviews.
 */
export function lockDownContents(
  contents: WebContents,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlAllowed(url)
    if (external) void openExternal(external.toString())
    return { action: 'deny' }
  })
}

/** Camera, microphone, notifications, geolocation…: all refused. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

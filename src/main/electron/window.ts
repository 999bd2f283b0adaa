import { BrowserWindow, shell } from 'electron'
import { APP_ORIGIN } from '../../shared/ipc'
import { denyAllPermissions, lockDownContents, SECURE_WEB_PREFERENCES } from './security'

export function createMainWindow(preloadPath: string, title: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title,
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  })
  lockDownContents(window.webContents, (url) => shell.openExternal(url))
  denyAllPermissions(window.webContents.session)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}

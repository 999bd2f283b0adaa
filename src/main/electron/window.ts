import { BrowserWindow, shell } from 'electron'
import { APP_ORIGIN } from '../../shared/ipc'
import { denyAllPermissions, lockDownContents } from './security'

export function createMainWindow(preloadPath: string, title: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title,
    show: false,
    // Written out here, not spread from a constant, so that static checkers (Electronegativity)
    // see every option at the call; shell.test.ts compares them with a frozen baseline.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      preload: preloadPath,
    },
  })
  lockDownContents(window.webContents, (url) => shell.openExternal(url))
  denyAllPermissions(window.webContents.session)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}

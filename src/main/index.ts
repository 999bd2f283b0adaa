/** Electron entry: the desktop shell around the same dispatch that browser mode serves. */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, dialog, ipcMain, protocol, type BrowserWindow } from 'electron'
import { createDispatch } from './core/dispatch'
import { FileVault } from './core/sync/credentials'
import { CREDENTIALS_FILE } from './core/sync/sync-host'
import { Workspace } from './core/workspace'
import { registerIpc } from './electron/ipc'
import { createElectronPrinter } from './electron/print'
import { safeStorageCodec } from './electron/secret-codec'
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './electron/protocol'
import { createMainWindow } from './electron/window'
import { rendererDir, sampleProjectDir } from './paths'

const preloadPath = join(fileURLToPath(new URL('.', import.meta.url)), '../preload/index.cjs')

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  const workspace = new Workspace({
    userDataDir: app.getPath('userData'),
    sampleDir: sampleProjectDir(),
    printPdf: createElectronPrinter(),
    credentials: new FileVault(join(app.getPath('userData'), CREDENTIALS_FILE), safeStorageCodec),
  })

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })

  void app.whenReady().then(async () => {
    serveRenderer(protocol, rendererDir())
    registerIpc(ipcMain, createDispatch(workspace), () => mainWindow?.webContents ?? null)
    // A project that cannot be opened still gets a window: the page offers its backups.
    const store = await workspace.openDefault().catch(() => null)
    mainWindow = createMainWindow(
      preloadPath,
      store ? `${store.data.project.name} — Sightline` : 'Sightline',
    )
  })

  let flushed = false
  app.on('before-quit', (event) => {
    if (flushed) return
    event.preventDefault()
    void workspace
      .close()
      .catch((error: Error) => dialog.showErrorBox('Unsaved changes', error.message))
      .finally(() => {
        flushed = true
        app.quit()
      })
  })
  app.on('window-all-closed', () => app.quit())
}

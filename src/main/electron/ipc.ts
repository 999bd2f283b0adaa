import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { APP_HOST, APP_SCHEME, IPC_CHANNEL } from '../../shared/ipc'
import { fail } from '../../shared/result'
import type { Dispatch } from '../core/dispatch'

/** Only the main frame of our own window, showing our own page, may call the API. */
function isTrustedSender(event: IpcMainInvokeEvent, trusted: () => WebContents | null): boolean {
  const contents = trusted()
  const frame = event.senderFrame
  if (!contents || !frame || event.sender !== contents) return false
  if (frame !== contents.mainFrame) return false
  try {
    // A custom scheme has an opaque origin ('null') in WHATWG URL: compare its parts.
    const url = new URL(frame.url)
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST
  } catch {
    return false
  }
}

/** The IPC transport: one channel, framing only. */
export function registerIpc(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  trusted: () => WebContents | null,
): void {
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, trusted)) {
      return fail('forbidden', 'This frame may not call Sightline.')
    }
    return dispatch(typeof method === 'string' ? method : '', input)
  })
}

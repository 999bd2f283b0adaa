import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { APP_ORIGIN, IPC_CHANNEL } from '../../shared/ipc'
import { fail } from '../../shared/result'
import type { Dispatch } from '../core/dispatch'

/** Only the main frame of our own window, showing our own page, may call the API. */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  trusted: () => WebContents | null,
): boolean {
  const contents = trusted()
  const frame = event.senderFrame
  if (!contents || !frame || event.sender !== contents) return false
  if (frame !== contents.mainFrame) return false
  try {
    return new URL(frame.url).origin === APP_ORIGIN
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

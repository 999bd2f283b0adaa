/**
 * The one bridge between the sandboxed renderer and main: a single `invoke` that
 * refuses method names outside the contract before anything crosses IPC.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { isMethodName } from '../shared/contract'
import { IPC_CHANNEL, type SightlineBridge } from '../shared/ipc'
import { fail } from '../shared/result'

const bridge: SightlineBridge = {
  invoke(method, input) {
    if (!isMethodName(method)) {
      return Promise.resolve(
        fail('unknown_method', `There is no method "${String(method).slice(0, 100)}".`),
      )
    }
    return ipcRenderer.invoke(IPC_CHANNEL, method, input)
  },
}

contextBridge.exposeInMainWorld('sightline', bridge)

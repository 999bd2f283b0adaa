import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IPC_CHANNEL } from '../shared/ipc'
import { createDispatch } from './core/dispatch'
import { copySample, tempDir } from '../../test/support/folders'
import { Workspace } from './core/workspace'
import { registerIpc } from './electron/ipc'
import { TOKEN_HEADER } from './http/guard'
import { startHttpServer, type RunningServer } from './http/server'

/**
 * One contract, two transports: the same calls through the Electron IPC adapter and
 * through the HTTP adapter on a real loopback socket must give the same envelopes.
 */
let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let server: RunningServer
let viaIpc: (method: string, input: unknown) => Promise<unknown>

beforeAll(async () => {
  dir = await tempDir()
  workspace = new Workspace({ userDataDir: dir.path })
  await workspace.open(await copySample(dir.path))
  const dispatch = createDispatch(workspace, { validateOutput: true })
  server = await startHttpServer({ dispatch })

  // The IPC adapter registered on a stand-in ipcMain, called as our own window's main frame.
  const mainFrame = { url: 'app://sightline/index.html' }
  const contents = { mainFrame } as unknown as WebContents
  let handler: ((event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) | undefined
  const ipcMain = {
    handle: (channel: string, fn: typeof handler) => {
      if (channel === IPC_CHANNEL) handler = fn
    },
  } as unknown as IpcMain
  registerIpc(ipcMain, dispatch, () => contents)
  const event = { sender: contents, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent
  viaIpc = async (method, input) => handler!(event, method, input)
})

afterAll(async () => {
  await server.close()
  await workspace.close()
  await dir.cleanup()
})

async function viaHttp(method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token },
    body: JSON.stringify(input),
  })
  return response.json()
}

const CALLS: [string, unknown][] = [
  ['project.info', {}],
  ['project.recent', {}],
  ['entities.list', { type: 'person' }],
  ['entities.table', { type: 'group' }],
  ['entities.get', { id: 'grp-nff' }],
  ['sources.list', {}],
  ['sources.get', { id: 'src-brief' }],
  ['entities.get', { id: 'missing' }],
  ['entities.update', { id: 'grp-nrf', patch: { attributes: { phase: 'not-a-phase' } } }],
  ['entities.table', { type: 42 }],
  ['no.such.method', {}],
]

describe('the IPC and HTTP adapters', () => {
  it.each(CALLS)('give the same result for %s %j', async (method, input) => {
    const [ipc, http] = await Promise.all([viaIpc(method, input), viaHttp(method, input)])
    expect(http).toEqual(ipc)
    expect(ipc).toHaveProperty('ok')
  })

  it('see the same edit, whichever transport made it', async () => {
    const created = (await viaIpc('entities.create', {
      type: 'person',
      name: 'Test commander',
    })) as {
      ok: true
      value: { id: string }
    }
    expect(created.ok).toBe(true)
    const fromHttp = await viaHttp('entities.get', { id: created.value.id })
    expect(fromHttp).toEqual(await viaIpc('entities.get', { id: created.value.id }))
    expect(fromHttp).toMatchObject({ ok: true, value: { name: 'Test commander' } })
  })
})

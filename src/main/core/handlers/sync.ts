import type { syncMethods } from '../../../shared/api/sync'
import type { Handlers } from './types'

export const syncHandlers: Handlers<typeof syncMethods> = {
  'sync.status': (_, ws) => ws.sync.status(ws.current),
  'sync.team': (_, ws) => ws.sync.team(ws.current),
  'sync.link': (input, ws) => ws.sync.link(ws.current, input),
  'sync.unlink': (_, ws) => ws.sync.unlink(ws.current),
  'sync.now': (_, ws) => ws.sync.syncNow(ws.current),
  'sync.setAuthor': ({ author }, ws) => ws.sync.setAuthor(ws.current, author),
  'sync.conflicts': async (_, ws) => (await ws.sync.forStore(ws.current)).conflicts(),
  'sync.resolve': async ({ docId, value }, ws) => {
    const sync = await ws.sync.forStore(ws.current)
    await sync.resolve(docId, value)
    return sync.currentStatus()
  },
}

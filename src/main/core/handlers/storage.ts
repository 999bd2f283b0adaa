import type { storageMethods } from '../../../shared/api/storage'
import { projectInfo } from '../services/project'
import { backUpNow, listProjectBackups, saveNow } from '../services/storage'
import type { Handlers } from './types'

export const storageHandlers: Handlers<typeof storageMethods> = {
  'project.saveState': (_, ws) => ws.current.saveState(),
  'project.save': (_, ws) => saveNow(ws.current),
  'workspace.status': (_, ws) => ws.status(),
  'backups.list': ({ folder }, ws) => listProjectBackups(ws, folder),
  'backups.create': (_, ws) => backUpNow(ws.current),
  'backups.restore': async ({ id, folder }, ws) => projectInfo(await ws.restoreBackup(id, folder)),
}

import type { transferMethods } from '../../../shared/api/transfer'
import { projectInfo } from '../services/project'
import { exportProject, importProject } from '../services/transfer'
import type { Handlers } from './types'

export const transferHandlers: Handlers<typeof transferMethods> = {
  'project.export': (_, ws) => exportProject(ws.current),
  'project.import': async ({ content, name }, ws) =>
    projectInfo(await importProject(ws, content, name)),
}

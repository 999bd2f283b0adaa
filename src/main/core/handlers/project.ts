import type { projectMethods } from '../../../shared/api/project'
import { projectInfo } from '../services/project'
import type { Handlers } from './types'

export const projectHandlers: Handlers<typeof projectMethods> = {
  'project.info': (_, ws) => projectInfo(ws.current),
  'project.open': async ({ path }, ws) => projectInfo(await ws.open(path)),
  'project.create': async ({ name, path }, ws) => projectInfo(await ws.create(name, path)),
  'project.recent': (_, ws) => ws.recent(),
}

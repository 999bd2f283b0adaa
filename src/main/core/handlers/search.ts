import type { searchMethods } from '../../../shared/api/search'
import { searchProject } from '../services/search'
import type { Handlers } from './types'

export const searchHandlers: Handlers<typeof searchMethods> = {
  'search.query': (input, ws) => searchProject(ws.current, input),
}

import type { sourceMethods } from '../../../shared/api/sources'
import { getSource, listSources } from '../services/sources'
import type { Handlers } from './types'

export const sourceHandlers: Handlers<typeof sourceMethods> = {
  'sources.list': (_, ws) => listSources(ws.current),
  'sources.get': ({ id }, ws) => getSource(ws.current, id),
}

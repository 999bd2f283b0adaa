import type { searchMethods } from '../../../shared/api/search'
import { searchProject, spellingVariants } from '../services/search'
import { searchRecords } from '../services/record-search'
import type { Handlers } from './types'

export const searchHandlers: Handlers<typeof searchMethods> = {
  'search.query': (input, ws) => searchProject(ws.current, input),
  'search.records': (input, ws) => searchRecords(ws.current, input),
  'search.spellings': ({ entityId }, ws) => spellingVariants(ws.current, entityId),
}

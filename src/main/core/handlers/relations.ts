import type { relationMethods } from '../../../shared/api/relations'
import {
  createRelation,
  deleteRelation,
  getRelation,
  listRelations,
  updateRelation,
} from '../services/relations'
import type { Handlers } from './types'

export const relationHandlers: Handlers<typeof relationMethods> = {
  'relations.list': (input, ws) => listRelations(ws.current, input),
  'relations.get': ({ id }, ws) => getRelation(ws.current, id),
  'relations.create': (input, ws) => createRelation(ws.current, input),
  'relations.update': (input, ws) => updateRelation(ws.current, input),
  'relations.delete': ({ id }, ws) => deleteRelation(ws.current, id),
}

import type { entityMethods } from '../../../shared/api/entities'
import {
  createEntity,
  deleteEntity,
  entityTable,
  getEntity,
  listEntities,
  updateEntity,
} from '../services/entities'
import type { Handlers } from './types'

export const entityHandlers: Handlers<typeof entityMethods> = {
  'entities.list': (input, ws) => listEntities(ws.current, input),
  'entities.get': ({ id }, ws) => getEntity(ws.current, id),
  'entities.table': (input, ws) => entityTable(ws.current, input),
  'entities.create': (input, ws) => createEntity(ws.current, input),
  'entities.update': (input, ws) => updateEntity(ws.current, input),
  'entities.delete': ({ id }, ws) => deleteEntity(ws.current, id),
}

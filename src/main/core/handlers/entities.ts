import type { entityMethods } from '../../../shared/api/entities'
import {
  createEntity,
  deleteEntities,
  deleteEntity,
  entityDependents,
  entityRows,
  entityTable,
  entityTablePage,
  getEntity,
  listEntities,
  restoreEntities,
  updateEntity,
} from '../services/entities'
import { parseAllNotes } from '../services/notes'
import type { Handlers } from './types'

export const entityHandlers: Handlers<typeof entityMethods> = {
  'entities.list': (input, ws) => listEntities(ws.current, input),
  'entities.get': ({ id }, ws) => getEntity(ws.current, id),
  'entities.table': (input, ws) => entityTable(ws.current, input),
  'entities.create': (input, ws) => createEntity(ws.current, input),
  'entities.update': (input, ws) => updateEntity(ws.current, input),
  'entities.delete': ({ id }, ws) => deleteEntity(ws.current, id),
  'entities.tablePage': (input, ws) => entityTablePage(ws.current, input),
  'entities.rows': ({ ids }, ws) => entityRows(ws.current, ids),
  'entities.dependents': async ({ ids }, ws) => {
    await parseAllNotes(ws.current)
    return entityDependents(ws.current, ids)
  },
  'entities.deleteMany': ({ ids }, ws) => ({ removed: deleteEntities(ws.current, ids) }),
  'entities.restore': (input, ws) => restoreEntities(ws.current, input),
}

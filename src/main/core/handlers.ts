import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract'
import {
  createEntity,
  deleteEntity,
  entityTable,
  getEntity,
  listEntities,
  updateEntity,
} from './services/entities'
import { projectInfo } from './services/project'
import { getSource, listSources } from './services/sources'
import type { Workspace } from './workspace'

type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  workspace: Workspace,
) => MethodOutput<M> | Promise<MethodOutput<M>>

/** Every method of the contract and the service that answers it; the compiler checks coverage. */
export const handlers: { [M in MethodName]: Handler<M> } = {
  'project.info': (_, ws) => projectInfo(ws.current),
  'project.open': async ({ path }, ws) => projectInfo(await ws.open(path)),
  'project.create': async ({ name, path }, ws) => projectInfo(await ws.create(name, path)),
  'project.recent': (_, ws) => ws.recent(),

  'entities.list': (input, ws) => listEntities(ws.current, input),
  'entities.get': ({ id }, ws) => getEntity(ws.current, id),
  'entities.table': (input, ws) => entityTable(ws.current, input),
  'entities.create': (input, ws) => createEntity(ws.current, input),
  'entities.update': (input, ws) => updateEntity(ws.current, input),
  'entities.delete': ({ id }, ws) => deleteEntity(ws.current, id),

  'sources.list': (_, ws) => listSources(ws.current),
  'sources.get': ({ id }, ws) => getSource(ws.current, id),
}

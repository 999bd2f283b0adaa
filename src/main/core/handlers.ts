import type { MethodName } from '../../shared/contract'
import { entityHandlers } from './handlers/entities'
import { graphHandlers } from './handlers/graph'
import { projectHandlers } from './handlers/project'
import { sourceHandlers } from './handlers/sources'
import { storageHandlers } from './handlers/storage'
import { transferHandlers } from './handlers/transfer'
import type { Handler } from './handlers/types'

/** Every method of the contract and the service that answers it; the compiler checks coverage. */
export const handlers: { [M in MethodName]: Handler<M> } = {
  ...projectHandlers,
  ...entityHandlers,
  ...sourceHandlers,
  ...graphHandlers,
  ...storageHandlers,
  ...transferHandlers,
}

import type { MethodName } from '../../shared/contract'
import { analysisHandlers } from './handlers/analyses'
import { annotationHandlers } from './handlers/annotations'
import { entityHandlers } from './handlers/entities'
import { notesHandlers } from './handlers/notes'
import { graphHandlers } from './handlers/graph'
import { evidenceHandlers } from './handlers/evidence'
import { exchangeHandlers } from './handlers/exchange'
import { gridHandlers } from './handlers/grid'
import { mapHandlers } from './handlers/map'
import { projectHandlers } from './handlers/project'
import { relationHandlers } from './handlers/relations'
import { searchHandlers } from './handlers/search'
import { reportHandlers } from './handlers/reports'
import { sourceHandlers } from './handlers/sources'
import { storageHandlers } from './handlers/storage'
import { suggestionHandlers } from './handlers/suggestions'
import { syncHandlers } from './handlers/sync'
import { timelineHandlers } from './handlers/timeline'
import { transferHandlers } from './handlers/transfer'
import type { Handler } from './handlers/types'

/** Every method of the contract and the service that answers it; the compiler checks coverage. */
export const handlers: { [M in MethodName]: Handler<M> } = {
  ...projectHandlers,
  ...entityHandlers,
  ...sourceHandlers,
  ...notesHandlers,
  ...graphHandlers,
  ...annotationHandlers,
  ...searchHandlers,
  ...relationHandlers,
  ...evidenceHandlers,
  ...gridHandlers,
  ...mapHandlers,
  ...storageHandlers,
  ...transferHandlers,
  ...exchangeHandlers,
  ...reportHandlers,
  ...suggestionHandlers,
  ...analysisHandlers,
  ...timelineHandlers,
  ...syncHandlers,
}

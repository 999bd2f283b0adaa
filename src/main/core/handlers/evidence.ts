import type { evidenceMethods } from '../../../shared/api/evidence'
import { entityEvidence, relationEvidence } from '../services/evidence'
import type { Handlers } from './types'

export const evidenceHandlers: Handlers<typeof evidenceMethods> = {
  'evidence.entity': ({ id }, ws) => entityEvidence(ws.current, id),
  'evidence.relation': ({ id }, ws) => relationEvidence(ws.current, id),
}

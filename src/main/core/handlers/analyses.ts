import type { analysisMethods } from '../../../shared/api/analyses'
import {
  addEvidence,
  addHypothesis,
  analysisMatrix,
  createAnalysis,
  deleteAnalysis,
  listAnalyses,
  rateCell,
  removeEvidence,
  removeHypothesis,
  restoreAnalysis,
  restoreEvidence,
  restoreHypothesis,
  updateAnalysis,
  updateEvidence,
  updateHypothesis,
} from '../services/analyses'
import type { Handlers } from './types'

export const analysisHandlers: Handlers<typeof analysisMethods> = {
  'analyses.list': (_, ws) => listAnalyses(ws.current),
  'analyses.get': ({ id }, ws) => analysisMatrix(ws.current, id),
  'analyses.create': (input, ws) => createAnalysis(ws.current, input),
  'analyses.update': (input, ws) => updateAnalysis(ws.current, input),
  'analyses.delete': ({ id }, ws) => deleteAnalysis(ws.current, id),
  'analyses.restore': (input, ws) => restoreAnalysis(ws.current, input),
  'analyses.addHypothesis': (input, ws) => addHypothesis(ws.current, input),
  'analyses.updateHypothesis': (input, ws) => updateHypothesis(ws.current, input),
  'analyses.removeHypothesis': (input, ws) => removeHypothesis(ws.current, input),
  'analyses.restoreHypothesis': (input, ws) => restoreHypothesis(ws.current, input),
  'analyses.addEvidence': (input, ws) => addEvidence(ws.current, input),
  'analyses.updateEvidence': (input, ws) => updateEvidence(ws.current, input),
  'analyses.removeEvidence': (input, ws) => removeEvidence(ws.current, input),
  'analyses.restoreEvidence': (input, ws) => restoreEvidence(ws.current, input),
  'analyses.rate': (input, ws) => rateCell(ws.current, input),
}

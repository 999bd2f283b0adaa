import type { graphMethods } from '../../../shared/api/graph'
import {
  graphElements,
  graphImage,
  resetGraphPositions,
  saveGraphImage,
  saveGraphPositions,
} from '../services/graph'
import type { Handlers } from './types'

export const graphHandlers: Handlers<typeof graphMethods> = {
  'graph.elements': (_, ws) => graphElements(ws.current),
  'graph.savePositions': (input, ws) => saveGraphPositions(ws.current, input),
  'graph.resetPositions': (_, ws) => resetGraphPositions(ws.current),
  'graph.saveImage': (input, ws) => saveGraphImage(ws.current, input),
  'graph.image': (_, ws) => graphImage(ws.current),
}

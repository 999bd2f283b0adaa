import type { timelineMethods } from '../../../shared/api/timeline'
import { timelineItems, timelineLanes } from '../services/timeline'
import type { Handlers } from './types'

export const timelineHandlers: Handlers<typeof timelineMethods> = {
  'timeline.lanes': (_, ws) => timelineLanes(ws.current),
  'timeline.items': (input, ws) => timelineItems(ws.current, input),
}

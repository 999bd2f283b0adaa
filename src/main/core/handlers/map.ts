import type { mapMethods } from '../../../shared/api/map'
import { mapData, mapSvg } from '../services/map'
import type { Handlers } from './types'

export const mapHandlers: Handlers<typeof mapMethods> = {
  'map.data': (_, ws) => mapData(ws.current),
  'map.svg': (input, ws) => mapSvg(ws.current, input),
}

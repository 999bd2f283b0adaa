import type { gridMethods } from '../../../shared/api/grid'
import { gridColumns, saveGridColumns } from '../services/grid'
import type { Handlers } from './types'

export const gridHandlers: Handlers<typeof gridMethods> = {
  'grid.columns.get': ({ grid }, ws) => gridColumns(ws.current, grid),
  'grid.columns.save': ({ grid, columns }, ws) => saveGridColumns(ws.current, grid, columns),
}

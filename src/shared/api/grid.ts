import { z } from 'zod'
import { method } from './method'

/** A grid's name in the project's saved views, e.g. "entities.group". */
const GridKey = z.string().regex(/^[a-z][a-z0-9.-]{0,63}$/, 'a grid name such as "entities.group"')

/** One column's saved layout; the array order is the column order. */
export const SavedColumn = z.strictObject({
  colId: z.string().min(1).max(64),
  width: z.number().int().min(20).max(4000).optional(),
  hide: z.boolean().optional(),
  pinned: z.enum(['left', 'right']).nullable().optional(),
})
export type SavedColumn = z.infer<typeof SavedColumn>

export const gridMethods = {
  /** The saved column layout of a grid; empty when it was never changed. */
  'grid.columns.get': method(z.strictObject({ grid: GridKey }), z.array(SavedColumn)),
  /** Save a grid's column layout (order, width, visibility, pinning) in the project. */
  'grid.columns.save': method(
    z.strictObject({ grid: GridKey, columns: z.array(SavedColumn).max(200) }),
    z.strictObject({ saved: z.number().int() }),
  ),
} as const

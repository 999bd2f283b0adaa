import { describe, expect, it } from 'vitest'
import {
  isUserColumnChange,
  SELECTION_COLUMN_ID,
  toColumnState,
  toSavedColumns,
} from './column-state'

describe('saved column layouts', () => {
  it('keeps order, width, visibility and pinning, and drops sorting and the checkbox column', () => {
    const saved = toSavedColumns([
      { colId: SELECTION_COLUMN_ID, width: 40, pinned: 'left' },
      { colId: 'name', width: 241.6, pinned: 'left', hide: false, sort: null },
      { colId: 'phase', width: 190, hide: true, pinned: null },
      { colId: 'quotes', width: 100, sort: 'desc', sortIndex: 0 },
    ])
    expect(saved).toEqual([
      { colId: 'name', width: 242, pinned: 'left' },
      { colId: 'phase', width: 190, hide: true },
      { colId: 'quotes', width: 100 },
    ])
    expect(toColumnState(saved, new Set(['name', 'quotes']))).toEqual([
      { colId: 'name', width: 242, hide: false, pinned: 'left' },
      { colId: 'quotes', width: 100, hide: false, pinned: null },
    ])
  })

  it('are saved after a person moves or resizes a column, once the drag is over', () => {
    expect(isUserColumnChange({ source: 'uiColumnMoved' })).toBe(true)
    expect(isUserColumnChange({ source: 'uiColumnResized', finished: true })).toBe(true)
    expect(isUserColumnChange({ source: 'uiColumnResized', finished: false })).toBe(false)
    // The grid's own sizing and our restore of a saved layout are not changes to save.
    expect(isUserColumnChange({ source: 'api' })).toBe(false)
    expect(isUserColumnChange({ source: 'flex' })).toBe(false)
  })
})
